package cn.gov.zhaoshang.project.library.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
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

/** Amendments after signing: new versions of the terms with reasons, their history, audit and amended events. */
@PlatformIntegrationTest
class AmendmentApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guipingOfficer;
    ApiClient gangbeiOfficer;

    @BeforeEach
    void clients() {
        ApiClient api = ApiClient.atPort(port);
        guipingOfficer = api.as(TestUser.GP_OFFICER);
        gangbeiOfficer = api.as(TestUser.GB_OFFICER);
    }

    @Test
    void eachAmendmentIsANewVersionWithItsReasonAuditedAndPublishedWithBeforeAndAfter() {
        String id = guipingOfficer.post("/api/projects", Map.of("name", "桂平市纺织服装项目", "orgUnit", "450881", "stage", "SIGNED",
                "contractAmount", "100000000.00", "signingDate", "2026-07-01", "industryCode", "C1811", "fdiContractUsd", "1000.00",
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-AM1", "documentDate", "2026-07-01"))))
                .json().get("id").asString();

        ApiClient.Response withoutReason = guipingOfficer.post("/api/projects/" + id + "/amendments", Map.of("contractAmount", "120000000.00"));
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(guipingOfficer.get("/api/projects/" + id + "/amendments").json().size()).isEqualTo(1);

        ApiClient.Response first = guipingOfficer.post("/api/projects/" + id + "/amendments",
                Map.of("contractAmount", "120000000.00", "industryCode", "I6510", "reason", "追加投资，转为软件服务"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("contractAmount").asString()).isEqualTo("120000000.00");
        assertThat(first.json().get("industryCode").asString()).isEqualTo("I6510");
        assertThat(first.json().get("manufacturing").asBoolean()).isFalse();
        assertThat(first.json().get("signingDate").asString()).isEqualTo("2026-07-01");

        assertThat(guipingOfficer.post("/api/projects/" + id + "/amendments",
                Map.of("fdiContractUsd", "2500.50", "reason", "外方增资")).status()).isEqualTo(200);

        ApiClient.Response unchanged = guipingOfficer.post("/api/projects/" + id + "/amendments",
                Map.of("contractAmount", "120000000", "reason", "重复"));
        assertThat(unchanged.status()).isEqualTo(400);
        assertThat(unchanged.json().get("errors").get(0).get("rule").asString()).isEqualTo("AmendmentChangesATerm");

        JsonNode history = guipingOfficer.get("/api/projects/" + id + "/amendments").json();
        assertThat(history.valueStream().map(version -> version.get("version").asInt()).toList()).containsExactly(1, 2, 3);
        assertThat(history.get(0).get("contractAmount").asString()).isEqualTo("100000000.00");
        assertThat(history.get(0).get("industryCode").asString()).isEqualTo("C1811");
        assertThat(history.get(0).get("reason").isNull()).isTrue();
        assertThat(history.get(0).get("recordedBy").asString()).isEqualTo("gp-officer");
        assertThat(history.get(1).get("contractAmount").asString()).isEqualTo("120000000.00");
        assertThat(history.get(1).get("reason").asString()).isEqualTo("追加投资，转为软件服务");
        assertThat(history.get(2).get("fdiContractUsd").asString()).isEqualTo("2500.50");
        assertThat(history.get(2).get("contractAmount").asString()).isEqualTo("120000000.00");

        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_id = :id AND action = 'amended'")
                .param("id", id).query(Long.class).single()).isEqualTo(2);

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(), Topics.PROJECT,
                record -> id.equals(record.key()), 3, Duration.ofSeconds(30));
        assertThat(records).hasSize(3);
        assertThat(records).allSatisfy(record -> assertThat(EventSchemaValidator.shared().validate(record.value())).isEmpty());
        List<JsonNode> amended = records.stream().map(record -> JSON.readTree(record.value()))
                .filter(event -> event.get("type").asString().equals(EventTypes.PROJECT_AMENDED)).map(event -> event.get("data")).toList();
        assertThat(amended).hasSize(2);
        assertThat(amended.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(amended.get(0).get("before").get("contractAmount").asString()).isEqualTo("100000000.00");
        assertThat(amended.get(0).get("before").get("manufacturing").asBoolean()).isTrue();
        assertThat(amended.get(0).get("after").get("contractAmount").asString()).isEqualTo("120000000.00");
        assertThat(amended.get(0).get("after").get("industryCode").asString()).isEqualTo("I6510");
        assertThat(amended.get(1).get("version").asInt()).isEqualTo(3);
        assertThat(amended.get(1).get("before").get("fdiContractUsd").asString()).isEqualTo("1000.00");
        assertThat(amended.get(1).get("after").get("fdiContractUsd").asString()).isEqualTo("2500.50");
        assertThat(records).allSatisfy(record -> assertThat(record.value()).doesNotContain("gp-officer"));
    }

    @Test
    void onlySignedProjectsInScopeAreAmended() {
        String negotiating = guipingOfficer.post("/api/projects", Map.of("name", "桂平市在谈变更项目", "orgUnit", "450881",
                "stage", "NEGOTIATING", "industryCode", "C1811")).json().get("id").asString();
        ApiClient.Response refused = guipingOfficer.post("/api/projects/" + negotiating + "/amendments",
                Map.of("contractAmount", "1000.00", "reason", "未签约"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(guipingOfficer.get("/api/projects/" + negotiating + "/amendments").json().size()).isZero();

        String signed = guipingOfficer.post("/api/projects", Map.of("name", "桂平市越权变更项目", "orgUnit", "450881",
                "contractAmount", "5000.00", "signingDate", "2026-07-01", "industryCode", "C1811")).json().get("id").asString();
        Map<String, Object> amendment = new HashMap<>(Map.of("contractAmount", "6000.00", "reason", "越权"));
        assertThat(gangbeiOfficer.post("/api/projects/" + signed + "/amendments", amendment).status()).isEqualTo(404);
        assertThat(gangbeiOfficer.get("/api/projects/" + signed + "/amendments").status()).isEqualTo(404);
        assertThat(guipingOfficer.get("/api/projects/" + signed).json().get("contractAmount").asString()).isEqualTo("5000.00");
    }
}
