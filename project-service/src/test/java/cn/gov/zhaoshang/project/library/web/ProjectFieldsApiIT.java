package cn.gov.zhaoshang.project.library.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.ResidentTeamEvents;
import cn.gov.zhaoshang.testsupport.TestUser;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 5 "Fields": every field stored, shown and carried by the registered event; the contact masked and never published. */
@PlatformIntegrationTest
class ProjectFieldsApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONTACT_NAME = "黄振华";
    private static final String CONTACT_PHONE = "13907751234";

    private static final String TEAMS_GROUP = "project-service.teams";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guipingOfficer;
    ApiClient guigangContactsReader;

    @BeforeEach
    void clients() {
        var idp = PlatformServers.identityProvider();
        ApiClient api = ApiClient.atPort(port);
        guipingOfficer = api.as(TestUser.GP_OFFICER);
        guigangContactsReader = api.withToken(idp.tokenFor("gg-contacts", "450800", "viewer", "contacts-reader"));
    }

    static Map<String, Object> fullRequest(String name, UUID investor, UUID team) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name);
        request.put("orgUnit", "450881");
        request.put("projectCode", "GP-" + UUID.randomUUID().toString().substring(0, 8));
        request.put("stage", "SIGNED");
        request.put("contractAmount", "320000000.00");
        request.put("signingDate", "2026-08-18");
        request.put("industryCode", "C3670");
        request.put("evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-F1", "documentDate", "2026-08-18")));
        request.put("investorEnterpriseId", investor.toString());
        request.put("industryChainTags", List.of("汽车", "新能源电动车"));
        request.put("sourceKeyArea", "GBA");
        request.put("channel", "RESIDENT_TEAM");
        request.put("residentTeamId", team.toString());
        request.put("fdiContractUsd", "12500000.50");
        request.put("reinvestment", true);
        request.put("plannedStartDate", "2026-12-01");
        request.put("siteAddress", "桂平市长安工业园区A区");
        request.put("investorContact", Map.of("name", CONTACT_NAME, "phone", CONTACT_PHONE));
        return request;
    }

    @Test
    void everyFieldIsStoredShownAndPublishedButTheContactOnlyMasked() {
        UUID investor = UUID.randomUUID();
        UUID team = ResidentTeamEvents.define(TEAMS_GROUP, "450800", "450000.450800", "贵港驻长三角招商工作队");
        ApiClient.Response created = guipingOfficer.create("/api/projects", fullRequest("桂平市汽车零部件项目", investor, team));
        JsonNode project = created.json();
        String id = project.get("id").asString();

        // an investor not (yet) in the local copy of the registry is accepted as given: events may lag
        assertThat(project.get("investorEnterpriseId").asString()).isEqualTo(investor.toString());
        assertThat(project.get("industryChainTags").valueStream().map(JsonNode::asString).toList()).containsExactly("汽车", "新能源电动车");
        assertThat(project.get("sourceKeyArea").asString()).isEqualTo("GBA");
        assertThat(project.get("channel").asString()).isEqualTo("RESIDENT_TEAM");
        assertThat(project.get("residentTeamId").asString()).isEqualTo(team.toString());
        assertThat(project.get("fdiContractUsd").asString()).isEqualTo("12500000.50");
        assertThat(project.get("reinvestment").asBoolean()).isTrue();
        assertThat(project.get("plannedStartDate").asString()).isEqualTo("2026-12-01");
        assertThat(project.get("siteAddress").asString()).isEqualTo("桂平市长安工业园区A区");
        assertThat(project.get("manufacturing").asBoolean()).isTrue();
        assertThat(project.get("stageReachedOn").asString()).isEqualTo("2026-08-18");
        assertThat(project.get("signingConfirmed").asBoolean()).isTrue();
        assertThat(project.get("investorContact").get("name").asString()).isEqualTo("黄**");
        assertThat(project.get("investorContact").get("phone").asString()).isEqualTo("139****1234");
        assertThat(project.get("investorContact").get("masked").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain(CONTACT_PHONE, CONTACT_NAME);

        // the officer reads it masked, and nothing is audited as an unmasked read
        ApiClient.Response read = guipingOfficer.get("/api/projects/" + id);
        assertThat(read.body()).doesNotContain(CONTACT_PHONE, CONTACT_NAME).contains("139****1234");
        assertThat(guipingOfficer.get("/api/projects?size=200").body()).doesNotContain(CONTACT_PHONE, CONTACT_NAME);
        assertThat(unmaskedReads(id)).isZero();

        // a contacts-reader of the city reads it in clear, and that read is audited without the data itself
        JsonNode clear = guigangContactsReader.get("/api/projects/" + id).json();
        assertThat(clear.get("investorContact").get("name").asString()).isEqualTo(CONTACT_NAME);
        assertThat(clear.get("investorContact").get("phone").asString()).isEqualTo(CONTACT_PHONE);
        assertThat(clear.get("investorContact").get("masked").asBoolean()).isFalse();
        assertThat(unmaskedReads(id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE entity_id = :id AND action = 'read-contact-unmasked'")
                .param("id", id).query(String.class).single()).isEqualTo("gg-contacts");

        // no audit row of the project holds the contact
        assertThat(jdbc.sql("SELECT coalesce(before::text, '') || coalesce(after::text, '') FROM audit_log WHERE entity_id = :id")
                .param("id", id).query(String.class).list()).allSatisfy(row -> assertThat(row).doesNotContain(CONTACT_PHONE, CONTACT_NAME));

        // the registered event carries every field, validates, and carries no contact at all
        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.PROJECT, record -> id.equals(record.key()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        String value = records.getFirst().value();
        assertThat(EventSchemaValidator.shared().validate(value)).isEmpty();
        assertThat(value).doesNotContain(CONTACT_PHONE, CONTACT_NAME, "139****1234", "黄**", "contact");
        JsonNode event = JSON.readTree(value);
        assertThat(event.get("type").asString()).isEqualTo(EventTypes.PROJECT_REGISTERED);
        JsonNode data = event.get("data");
        assertThat(data.get("projectCode").asString()).startsWith("GP-");
        assertThat(data.get("stageReachedOn").asString()).isEqualTo("2026-08-18");
        assertThat(data.get("signingConfirmed").asBoolean()).isTrue();
        assertThat(data.get("investorEnterpriseId").asString()).isEqualTo(investor.toString());
        assertThat(data.get("investorClasses").isArray()).isTrue();
        assertThat(data.get("investorClasses").size()).isZero();
        assertThat(data.get("channel").asString()).isEqualTo("RESIDENT_TEAM");
        assertThat(data.get("residentTeamId").asString()).isEqualTo(team.toString());
        assertThat(data.get("sourceKeyArea").asString()).isEqualTo("GBA");
        assertThat(data.get("industryChainTags").valueStream().map(JsonNode::asString).toList()).containsExactly("汽车", "新能源电动车");
        assertThat(data.get("fdiContractUsd").asString()).isEqualTo("12500000.50");
        assertThat(data.get("reinvestment").asBoolean()).isTrue();
        assertThat(data.get("plannedStartDate").asString()).isEqualTo("2026-12-01");
        assertThat(data.get("contractAmount").asString()).isEqualTo("320000000.00");
    }

    /**
     * A project names a team this service knows (its copy of targets-service's teams): one of a unit
     * in the caller's scope, or of a unit above the project's (the city's team docks for its
     * counties). Another city's or a sibling county's team is 403, an unknown one 400 (issue 25, finding 1).
     */
    @Test
    void theResidentTeamMustBeKnownAndOneOfTheProjectsOwnLine() {
        UUID city = ResidentTeamEvents.define(TEAMS_GROUP, "450800", "450000.450800", "贵港驻大湾区招商工作队");
        UUID otherCity = ResidentTeamEvents.define(TEAMS_GROUP, "450100", "450000.450100", "南宁驻大湾区招商工作队");
        UUID siblingCounty = ResidentTeamEvents.define(TEAMS_GROUP, "450802", "450000.450800.450802", "港北区驻大湾区招商小分队");
        UUID closed = ResidentTeamEvents.defineClosed(TEAMS_GROUP, "450800", "450000.450800", "贵港驻长三角招商工作队（已撤销）");

        ApiClient.Response unknown = guipingOfficer.post("/api/projects", fullRequest("桂平市未知工作队项目", UUID.randomUUID(), UUID.randomUUID()));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(fieldsAndRules(unknown)).containsExactly("residentTeamId:KnownResidentTeam");
        ApiClient.Response nanning = guipingOfficer.post("/api/projects", fullRequest("桂平市南宁工作队项目", UUID.randomUUID(), otherCity));
        assertThat(nanning.status()).as(nanning.body()).isEqualTo(403);
        assertThat(nanning.body()).doesNotContain("南宁驻大湾区");
        assertThat(guipingOfficer.post("/api/projects", fullRequest("桂平市港北工作队项目", UUID.randomUUID(), siblingCounty)).status())
                .isEqualTo(403);
        ApiClient.Response closedTeam = guipingOfficer.post("/api/projects", fullRequest("桂平市已撤销工作队项目", UUID.randomUUID(), closed));
        assertThat(closedTeam.status()).as(closedTeam.body()).isEqualTo(400);
        assertThat(fieldsAndRules(closedTeam)).containsExactly("residentTeamId:OpenResidentTeam");
        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE resident_team_id IN (:teams)")
                .param("teams", List.of(otherCity, siblingCounty, closed)).query(Long.class).single()).isZero();

        ApiClient.Response cityTeam = guipingOfficer.post("/api/projects", fullRequest("桂平市贵港工作队项目", UUID.randomUUID(), city));
        assertThat(cityTeam.status()).as(cityTeam.body()).isEqualTo(201);
    }

    @Test
    void theResidentTeamIsRequiredForItsChannelAndRefusedOtherwiseWithEveryBadFieldNamed() {
        Map<String, Object> withoutTeam = fullRequest("缺驻点队项目", UUID.randomUUID(), UUID.randomUUID());
        withoutTeam.remove("residentTeamId");
        withoutTeam.put("fdiContractUsd", "1,000");
        ApiClient.Response refused = guipingOfficer.post("/api/projects", withoutTeam);
        assertThat(refused.status()).isEqualTo(400);
        // bean validation answers first: the format of the FDI
        assertThat(fieldsAndRules(refused)).containsExactly("fdiContractUsd:Pattern");

        withoutTeam.put("fdiContractUsd", "1000");
        refused = guipingOfficer.post("/api/projects", withoutTeam);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldsAndRules(refused)).containsExactly("residentTeamId:RequiredForChannel");

        Map<String, Object> teamWithoutItsChannel = fullRequest("非驻点队项目", UUID.randomUUID(), UUID.randomUUID());
        teamWithoutItsChannel.put("channel", "EXPO");
        teamWithoutItsChannel.remove("contractAmount");
        refused = guipingOfficer.post("/api/projects", teamWithoutItsChannel);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldsAndRules(refused)).containsExactlyInAnyOrder("residentTeamId:OnlyForResidentTeamChannel",
                "contractAmount:RequiredForStage");

        Map<String, Object> unknownArea = fullRequest("未知区域项目", UUID.randomUUID(), UUID.randomUUID());
        unknownArea.put("sourceKeyArea", "MARS");
        refused = guipingOfficer.post("/api/projects", unknownArea);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldsAndRules(refused)).containsExactly("sourceKeyArea:Format");

        Map<String, Object> badPhone = fullRequest("错误电话项目", UUID.randomUUID(), UUID.randomUUID());
        badPhone.put("investorContact", Map.of("name", "张三", "phone", "call me"));
        refused = guipingOfficer.post("/api/projects", badPhone);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldsAndRules(refused)).containsExactly("investorContact.phone:Pattern");
        assertThat(refused.body()).doesNotContain("call me");

        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE name IN ('缺驻点队项目', '非驻点队项目', '未知区域项目', '错误电话项目')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aProjectWithoutTheNewFieldsStillRegistersWithEmptyOnes() {
        ApiClient.Response created = guipingOfficer.post("/api/projects", Map.of("name", "旧格式项目", "orgUnit", "450881",
                "contractAmount", "1000.00", "signingDate", "2026-10-01", "industryCode", "I6510"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode project = created.json();
        assertThat(project.get("investorContact").isNull()).isTrue();
        assertThat(project.get("industryChainTags").size()).isZero();
        assertThat(project.get("reinvestment").asBoolean()).isFalse();
        assertThat(project.get("channel").isNull()).isTrue();
    }

    private long unmaskedReads(String id) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_id = :id AND action = 'read-contact-unmasked'")
                .param("id", id).query(Long.class).single();
    }

    private static List<String> fieldsAndRules(ApiClient.Response response) {
        return response.json().get("errors").valueStream()
                .map(error -> error.get("field").asString() + ":" + error.get("rule").asString()).toList();
    }
}
