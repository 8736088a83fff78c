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

/**
 * Issue 20, acceptance 4 (the project-service half): a correction of descriptive fields is a merge
 * patch against the version read ({@code If-Match}): 428 without it, 412 when stale; it is audited
 * with before and after, and published as {@code details-changed}, which reporting follows.
 */
@PlatformIntegrationTest
class ProjectCorrectionApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.concurrent.atomic.AtomicLong PHONES = new java.util.concurrent.atomic.AtomicLong(System.nanoTime() % 10_000_000);

    // Phones of this class alone: duplicate rule L4 compares phones across the city, so a phone
    // another class uses would pool its project, or this class's.
    private static String phone(String prefix) {
        return prefix + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guipingOfficer;

    @BeforeEach
    void clients() {
        guipingOfficer = ApiClient.atPort(port).as(TestUser.GP_OFFICER);
    }

    @Test
    void aCorrectionNeedsTheVersionReadIsAuditedWithBeforeAndAfterAndPublishesDetailsChanged() {
        UUID team = ResidentTeamEvents.define("project-service.teams", "450881", "450000.450800.450881", "桂平驻粤港澳招商小分队");
        String correctedPhone = phone("139");
        String id = signedProject("桂平市电子信息产业园（错名）", team);
        ApiClient.Response read = guipingOfficer.get("/api/projects/" + id);
        String etag = read.raw().headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + read.json().get("version").asLong() + "\"");

        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("name", "桂平市电子信息产业园");
        patch.put("channel", "INDUSTRY_CHAIN");
        patch.put("residentTeamId", null);
        patch.put("plannedStartDate", "2027-03-01");
        patch.put("investorContact", Map.of("name", "李四", "phone", correctedPhone));

        ApiClient.Response withoutPrecondition = patch(id, patch, null, TestUser.GP_OFFICER.token());
        assertThat(withoutPrecondition.status()).as(withoutPrecondition.body()).isEqualTo(428);
        assertThat(JSON.readTree(withoutPrecondition.body()).get("type").asString()).endsWith("/precondition-required");

        ApiClient.Response corrected = patch(id, patch, etag, TestUser.GP_OFFICER.token());
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode after = JSON.readTree(corrected.body());
        assertThat(after.get("name").asString()).isEqualTo("桂平市电子信息产业园");
        assertThat(after.get("channel").asString()).isEqualTo("INDUSTRY_CHAIN");
        assertThat(after.get("residentTeamId").isNull()).isTrue();
        assertThat(after.get("plannedStartDate").asString()).isEqualTo("2027-03-01");
        assertThat(after.get("contractAmount").asString()).isEqualTo("300000000.00");
        String newEtag = corrected.raw().headers().firstValue("ETag").orElseThrow();
        assertThat(newEtag).isEqualTo("\"" + after.get("version").asLong() + "\"").isNotEqualTo(etag);

        // The first correction's If-Match is stale now: someone else's change is never overwritten.
        ApiClient.Response stale = patch(id, Map.of("name", "桂平市电子信息产业园二期"), etag, TestUser.GP_OFFICER.token());
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(JSON.readTree(stale.body()).get("currentETag").asString()).isEqualTo(newEtag);
        assertThat(guipingOfficer.get("/api/projects/" + id).json().get("name").asString()).isEqualTo("桂平市电子信息产业园");

        // The audit row holds before and after of the fields corrected, and nothing of the contact.
        String audited = jdbc.sql("SELECT before::text || ' -> ' || after::text FROM audit_log WHERE entity_id = :id AND action = 'details-corrected'")
                .param("id", id).query(String.class).single();
        JsonNode before = JSON.readTree(audited.substring(0, audited.indexOf(" -> ")));
        JsonNode afterAudit = JSON.readTree(audited.substring(audited.indexOf(" -> ") + 4));
        assertThat(before.get("name").asString()).isEqualTo("桂平市电子信息产业园（错名）");
        assertThat(before.get("channel").asString()).isEqualTo("RESIDENT_TEAM");
        assertThat(before.get("residentTeamId").asString()).isEqualTo(team.toString());
        assertThat(afterAudit.get("name").asString()).isEqualTo("桂平市电子信息产业园");
        assertThat(afterAudit.get("channel").asString()).isEqualTo("INDUSTRY_CHAIN");
        assertThat(afterAudit.get("residentTeamId").isNull()).isTrue();
        assertThat(afterAudit.has("investorContact")).isTrue();
        assertThat(audited).doesNotContain(correctedPhone, "李四", "张三");

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(), Topics.PROJECT,
                record -> id.equals(record.key()) && record.value().contains(EventTypes.PROJECT_DETAILS_CHANGED), 1, Duration.ofSeconds(30));
        assertThat(EventSchemaValidator.shared().validate(records.getFirst().value())).isEmpty();
        JsonNode data = JSON.readTree(records.getFirst().value()).get("data");
        assertThat(data.get("changed").valueStream().map(JsonNode::asString).toList())
                .containsExactly("name", "plannedStartDate", "channel", "residentTeamId", "investorContact");
        assertThat(data.get("channel").asString()).isEqualTo("INDUSTRY_CHAIN");
        assertThat(data.get("version").asLong()).isEqualTo(after.get("version").asLong());
        assertThat(records.getFirst().value()).doesNotContain(correctedPhone, "李四");

        // The contact is corrected for those who may read it.
        JsonNode asReader = ApiClient.atPort(port).withToken(PlatformServers.identityProvider()
                .tokenFor("gp-contacts", "450881", "officer", "contacts-reader")).get("/api/projects/" + id).json();
        assertThat(asReader.get("investorContact").get("phone").asString()).isEqualTo(correctedPhone);

        // The same values again change nothing: no new version, no audit row.
        ApiClient.Response same = patch(id, Map.of("name", "桂平市电子信息产业园", "channel", "INDUSTRY_CHAIN"), newEtag,
                TestUser.GP_OFFICER.token());
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.raw().headers().firstValue("ETag")).hasValue(newEtag);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_id = :id AND action = 'details-corrected'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void everyFieldThatCannotBeCorrectedOrIsBadIsNamedAtOnceAndScopeAndRoleHold() {
        String id = signedProject("桂平市糖业循环经济项目", null);
        String etag = guipingOfficer.get("/api/projects/" + id).raw().headers().firstValue("ETag").orElseThrow();

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("contractAmount", "1.00");
        bad.put("stage", "LANDED");
        bad.put("name", " ");
        bad.put("channel", "CARRIER_PIGEON");
        bad.put("plannedStartDate", "next spring");
        bad.put("industryChainTags", List.of(""));
        ApiClient.Response refused = patch(id, bad, etag, TestUser.GP_OFFICER.token());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("errors").valueStream()
                .map(error -> error.get("field").asString() + "/" + error.get("rule").asString()).toList())
                .containsExactlyInAnyOrder("contractAmount/AmendmentOnly", "stage/Correctable", "channel/Format",
                        "plannedStartDate/Format", "industryChainTags[0]/NotBlank", "name/NotBlank");

        ApiClient.Response teamless = patch(id, Map.of("channel", "RESIDENT_TEAM"), etag, TestUser.GP_OFFICER.token());
        assertThat(teamless.status()).isEqualTo(400);
        assertThat(teamless.body()).contains("\"field\":\"residentTeamId\"", "RequiredForChannel");

        // a team must be known here, and be one of the project's own line (issue 25, finding 1)
        UUID nanning = ResidentTeamEvents.define("project-service.teams", "450100", "450000.450100", "南宁驻长三角招商工作队");
        Map<String, Object> toNanningsTeam = Map.of("channel", "RESIDENT_TEAM", "residentTeamId", nanning.toString());
        assertThat(patch(id, toNanningsTeam, etag, TestUser.GP_OFFICER.token()).status()).isEqualTo(403);
        ApiClient.Response unknownTeam = patch(id, Map.of("channel", "RESIDENT_TEAM", "residentTeamId", UUID.randomUUID().toString()),
                etag, TestUser.GP_OFFICER.token());
        assertThat(unknownTeam.status()).isEqualTo(400);
        assertThat(unknownTeam.body()).contains("\"field\":\"residentTeamId\"", "KnownResidentTeam");

        assertThat(patch(id, Map.of("name", "港北区越权更正"), etag, TestUser.GB_OFFICER.token()).status()).isEqualTo(404);
        assertThat(patch(id, Map.of("name", "只读用户更正"), etag, TestUser.GP_VIEWER.token()).status()).isEqualTo(403);
        assertThat(guipingOfficer.get("/api/projects/" + id).raw().headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void theInvestorsContactIsErasedOnRequestAuditedWithoutItAndAStaleCorrectionCannotBringItBack() {
        String id = signedProject("桂平市个人信息删除测试项目", null);
        String etag = guipingOfficer.get("/api/projects/" + id).raw().headers().firstValue("ETag").orElseThrow();

        assertThat(ApiClient.atPort(port).as(TestUser.GB_OFFICER).post("/api/projects/" + id + "/investor-contact/erasure", Map.of())
                .status()).isEqualTo(404);
        assertThat(ApiClient.atPort(port).as(TestUser.GP_VIEWER).post("/api/projects/" + id + "/investor-contact/erasure", Map.of())
                .status()).isEqualTo(403);
        ApiClient.Response erased = guipingOfficer.post("/api/projects/" + id + "/investor-contact/erasure", Map.of());
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);

        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE id = :id::uuid AND contact_name IS NULL AND contact_phone IS NULL")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        JsonNode asReader = ApiClient.atPort(port).withToken(PlatformServers.identityProvider()
                .tokenFor("gp-contacts", "450881", "officer", "contacts-reader")).get("/api/projects/" + id).json();
        assertThat(asReader.get("investorContact").isNull()).isTrue();
        String audited = jdbc.sql("SELECT actor || ' ' || after::text FROM audit_log WHERE entity_id = :id AND action = 'investor-contact-erased'")
                .param("id", id).query(String.class).single();
        assertThat(audited).startsWith("gp-officer").contains("PIPL").doesNotContain("张三", "138");

        // a correction based on the version read before the erasure is refused, so it cannot restore the contact
        assertThat(patch(id, Map.of("investorContact", Map.of("name", "张三", "phone", phone("138"))), etag,
                TestUser.GP_OFFICER.token()).status()).isEqualTo(412);
    }

    private String signedProject(String name, UUID team) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "orgUnit", "450881", "stage", "SIGNED",
                "contractAmount", "300000000.00", "signingDate", "2026-09-01", "industryCode", "C3971",
                "investorContact", Map.of("name", "张三", "phone", phone("138")),
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-" + name.hashCode(),
                        "documentDate", "2026-09-01"))));
        if (team != null) {
            body.put("channel", "RESIDENT_TEAM");
            body.put("residentTeamId", team.toString());
        }
        return guipingOfficer.create("/api/projects", body).json().get("id").asString();
    }

    private ApiClient.Response patch(String id, Map<String, Object> patch, String ifMatch, String token) {
        ApiClient client = ApiClient.atPort(port).withToken(token);
        return (ifMatch == null ? client : client.withHeader("If-Match", ifMatch)).patch("/api/projects/" + id, patch);
    }
}
