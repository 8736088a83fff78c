package cn.gov.zhaoshang.project.library.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
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

/** Acceptance 5: scope and transfer between 桂平 (450881) and 港北 (450802), under 贵港 (450800). */
@PlatformIntegrationTest
class ProjectScopeAndTransferApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guipingOfficer;
    ApiClient gangbeiOfficer;
    ApiClient guigangOfficer;

    @BeforeEach
    void clients() {
        ApiClient api = ApiClient.atPort(port);
        guipingOfficer = api.as(TestUser.GP_OFFICER);
        gangbeiOfficer = api.as(TestUser.GB_OFFICER);
        guigangOfficer = api.as(TestUser.GG_OFFICER);
    }

    @Test
    void aCountyOfficerCannotReadChangeOrTransferAnotherCountysProject() {
        String id = gangbeiProject("港北区划转测试项目一");

        assertThat(guipingOfficer.get("/api/projects/" + id).status()).isEqualTo(404);
        assertThat(guipingOfficer.post("/api/projects/" + id + "/stage-moves", landing()).status()).isEqualTo(404);
        ApiClient.Response transfer = guipingOfficer.post("/api/projects/" + id + "/transfers", Map.of("toOrgUnit", "450881"));
        assertThat(transfer.status()).isEqualTo(404);
        assertThat(transfer.body()).doesNotContain("港北区划转测试项目一");

        JsonNode unchanged = gangbeiOfficer.get("/api/projects/" + id).json();
        assertThat(unchanged.get("orgUnit").asString()).isEqualTo("450802");
        assertThat(unchanged.get("stage").asString()).isEqualTo("SIGNED");
        assertThat(unchanged.get("version").asLong()).isZero();
    }

    @Test
    void theCityOfficerReadsChangesAndTransfersItAuditedWithOneEvent() {
        String id = gangbeiProject("港北区划转测试项目二");

        assertThat(guigangOfficer.get("/api/projects/" + id).status()).isEqualTo(200);
        ApiClient.Response moved = guigangOfficer.post("/api/projects/" + id + "/stage-moves", landing());
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        ApiClient.Response transferred = guigangOfficer.post("/api/projects/" + id + "/transfers",
                Map.of("toOrgUnit", "450881", "reason", "项目选址调整至桂平"));
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        assertThat(transferred.json().get("orgUnit").asString()).isEqualTo("450881");
        assertThat(transferred.json().get("stage").asString()).isEqualTo("LANDED");

        assertThat(guipingOfficer.get("/api/projects/" + id).status()).isEqualTo(200);
        assertThat(gangbeiOfficer.get("/api/projects/" + id).status()).isEqualTo(404);

        Map<String, Object> audit = jdbc.sql("""
                SELECT actor, before->>'orgUnit' AS before_unit, after->>'orgUnit' AS after_unit, after->>'reason' AS reason
                FROM audit_log WHERE entity_id = :id AND action = 'transferred'""").param("id", id).query().singleRow();
        assertThat(audit).containsEntry("actor", "gg-officer").containsEntry("before_unit", "450802")
                .containsEntry("after_unit", "450881").containsEntry("reason", "项目选址调整至桂平");

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.PROJECT, record -> id.equals(record.key()), 3, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> transfers = records.stream()
                .filter(record -> record.value().contains(EventTypes.PROJECT_TRANSFERRED)).toList();
        assertThat(transfers).hasSize(1);
        String value = transfers.getFirst().value();
        assertThat(EventSchemaValidator.shared().validate(value)).isEmpty();
        JsonNode event = JSON.readTree(value);
        assertThat(event.get("orgpath").asString()).isEqualTo("450000.450800.450881");
        assertThat(event.get("data").get("fromOrgUnit").asString()).isEqualTo("450802");
        assertThat(event.get("data").get("toOrgUnit").asString()).isEqualTo("450881");
        assertThat(value).doesNotContain("gg-officer", "项目选址调整至桂平");
    }

    @Test
    void aCountyCannotTransferItsOwnProjectOutOfItsScopeNorATerminatedOne() {
        ApiClient.Response created = guipingOfficer.post("/api/projects", Map.of("name", "桂平划转测试项目", "orgUnit", "450881",
                "contractAmount", "1000.00", "signingDate", "2026-10-01", "industryCode", "C3841"));
        String id = created.json().get("id").asString();

        assertThat(guipingOfficer.post("/api/projects/" + id + "/transfers", Map.of("toOrgUnit", "450802")).status()).isEqualTo(403);
        assertThat(guigangOfficer.post("/api/projects/" + id + "/transfers", Map.of("toOrgUnit", "450881")).status()).isEqualTo(409);
        assertThat(guigangOfficer.post("/api/projects/" + id + "/transfers", Map.of("toOrgUnit", "450800")).status()).isEqualTo(400);

        assertThat(guipingOfficer.post("/api/projects/" + id + "/stage-moves",
                Map.of("to", "TERMINATED", "date", "2026-10-02")).status()).isEqualTo(200);
        assertThat(guigangOfficer.post("/api/projects/" + id + "/transfers", Map.of("toOrgUnit", "450802")).status()).isEqualTo(409);
        assertThat(guipingOfficer.get("/api/projects/" + id).json().get("orgUnit").asString()).isEqualTo("450881");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_id = :id AND action = 'transferred'")
                .param("id", id).query(Long.class).single()).isZero();
    }

    private String gangbeiProject(String name) {
        ApiClient.Response created = gangbeiOfficer.create("/api/projects", Map.of("name", name, "orgUnit", "450802",
                "stage", "SIGNED", "contractAmount", "300000000.00", "signingDate", "2026-09-01", "industryCode", "C2110",
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-GB-1", "documentDate", "2026-09-01"))));
        return created.json().get("id").asString();
    }

    private static Map<String, Object> landing() {
        return Map.of("to", "LANDED", "date", "2026-10-10",
                "evidence", Map.of("documentType", "LAND_GRANT", "documentNumber", "GT-GB-1", "documentDate", "2026-10-09"));
    }
}
