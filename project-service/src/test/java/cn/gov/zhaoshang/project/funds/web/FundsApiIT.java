package cn.gov.zhaoshang.project.funds.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.GeneratedOrgUnits;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
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
 * Acceptance 4: corrections keep full history and a month's total uses the latest version. 贵港,
 * 港北 and 桂平 here are generated units of this class alone ({@link GeneratedOrgUnits}, named as the
 * real ones), so the month's totals count no other class's projects.
 */
@PlatformIntegrationTest
class FundsApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GeneratedOrgUnits UNITS = GeneratedOrgUnits.newTree().cityLike("450800").build();
    private static final String GUIPING = UNITS.twinOf("450881").code();
    private static final String GANGBEI = UNITS.twinOf("450802").code();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guipingOfficer;
    ApiClient gangbeiOfficer;
    ApiClient guigangOfficer;

    @BeforeEach
    void clients() {
        UNITS.makeKnownTo("project-service");
        ApiClient api = ApiClient.atPort(port);
        guipingOfficer = api.withToken(UNITS.token("gp-officer", UNITS.twinOf("450881"), "officer"));
        gangbeiOfficer = api.withToken(UNITS.token("gb-officer", UNITS.twinOf("450802"), "officer"));
        guigangOfficer = api.withToken(UNITS.token("gg-officer", UNITS.twinOf("450800"), "officer"));
    }

    @Test
    void correctionsAreNewVersionsWithTheirHistoryTheLatestCountsAndEachPublishesOneValidEvent() {
        String id = signedProject(guipingOfficer, GUIPING, "到位资金项目");

        ApiClient.Response reported = guipingOfficer.create("/api/projects/" + id + "/funds", funds("2021-03", "1000000.00", null));
        assertThat(reported.json().get("version").asInt()).isEqualTo(1);
        assertThat(guipingOfficer.post("/api/projects/" + id + "/funds", funds("2021-03", "5.00", null)).status()).isEqualTo(409);

        ApiClient.Response corrected = guipingOfficer.post("/api/projects/" + id + "/funds/2021-03/corrections",
                funds(null, "1200000.00", "银行回单金额录入错误"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().get("version").asInt()).isEqualTo(2);
        assertThat(guipingOfficer.post("/api/projects/" + id + "/funds/2021-03/corrections",
                funds(null, "1150000.50", "审计调整")).json().get("version").asInt()).isEqualTo(3);

        JsonNode months = guipingOfficer.get("/api/projects/" + id + "/funds").json();
        assertThat(months.size()).isEqualTo(1);
        JsonNode march = months.get(0);
        assertThat(march.get("month").asString()).isEqualTo("2021-03");
        assertThat(march.get("amount").asString()).isEqualTo("1150000.50");
        assertThat(march.get("history").valueStream().map(version -> version.get("amount").asString()).toList())
                .containsExactly("1000000.00", "1200000.00", "1150000.50");
        assertThat(march.get("history").get(1).get("reason").asString()).isEqualTo("银行回单金额录入错误");
        assertThat(jdbc.sql("SELECT amount::text FROM project_funds WHERE project_id = :id::uuid AND version = 1")
                .param("id", id).query(String.class).single()).isEqualTo("1000000.00");

        JsonNode total = guipingOfficer.get("/api/projects/funds-total?month=2021-03").json();
        assertThat(total.get("total").asString()).isEqualTo("1150000.50");
        assertThat(total.get("projects").asLong()).isEqualTo(1);

        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_type = 'project-funds' AND entity_id = :key ORDER BY id")
                .param("key", id + "/2021-03").query(String.class).list())
                .containsExactly("funds-reported", "funds-corrected", "funds-corrected");

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.PROJECT, record -> id.equals(record.key()), 4, Duration.ofSeconds(30));
        assertThat(records).hasSize(4);
        records.forEach(record -> assertThat(EventSchemaValidator.shared().validate(record.value())).as(record.value()).isEmpty());
        List<JsonNode> events = records.stream().map(record -> JSON.readTree(record.value())).toList();
        assertThat(events).extracting(event -> event.get("type").asString()).containsExactly(EventTypes.PROJECT_REGISTERED,
                EventTypes.PROJECT_FUNDS_REPORTED, EventTypes.PROJECT_FUNDS_CORRECTED, EventTypes.PROJECT_FUNDS_CORRECTED);
        assertThat(events.get(3).get("data").get("previousAmount").asString()).isEqualTo("1200000.00");
        assertThat(events.get(3).get("data").get("amount").asString()).isEqualTo("1150000.50");
        records.forEach(record -> assertThat(record.value()).doesNotContain("gp-officer", "审计调整"));
    }

    @Test
    void aMonthsTotalCountsTheLatestVersionOfEveryProjectInScopeOnly() {
        String guiping = signedProject(guipingOfficer, GUIPING, "桂平到位项目");
        String gangbei = signedProject(gangbeiOfficer, GANGBEI, "港北到位项目");
        guipingOfficer.post("/api/projects/" + guiping + "/funds", funds("2020-07", "300.00", null));
        guipingOfficer.post("/api/projects/" + guiping + "/funds/2020-07/corrections", funds(null, "350.00", "更正"));
        gangbeiOfficer.post("/api/projects/" + gangbei + "/funds", funds("2020-07", "1000.25", null));

        assertThat(guipingOfficer.get("/api/projects/funds-total?month=2020-07").json().get("total").asString()).isEqualTo("350.00");
        assertThat(gangbeiOfficer.get("/api/projects/funds-total?month=2020-07").json().get("total").asString()).isEqualTo("1000.25");
        JsonNode city = guigangOfficer.get("/api/projects/funds-total?month=2020-07").json();
        assertThat(city.get("total").asString()).isEqualTo("1350.25");
        assertThat(city.get("projects").asLong()).isEqualTo(2);

        assertThat(guipingOfficer.post("/api/projects/" + gangbei + "/funds", funds("2020-08", "1.00", null)).status()).isEqualTo(404);
        assertThat(guipingOfficer.get("/api/projects/" + gangbei + "/funds").status()).isEqualTo(404);

        assertThat(guipingOfficer.post("/api/projects/" + guiping + "/stage-moves",
                Map.of("to", "TERMINATED", "date", "2026-10-01")).status()).isEqualTo(200);
        assertThat(guigangOfficer.get("/api/projects/funds-total?month=2020-07").json().get("total").asString()).isEqualTo("1000.25");
    }

    @Test
    void aMonthNeverReportedCannotBeCorrectedAMonthBeforeSigningIsRefusedAndAProjectNotYetSignedHasNoFunds() {
        String id = signedProject(guipingOfficer, GUIPING, "未填报项目");
        ApiClient.Response correction = guipingOfficer.post("/api/projects/" + id + "/funds/2022-01/corrections",
                funds(null, "1.00", "更正"));
        assertThat(correction.status()).isEqualTo(409);
        assertThat(guipingOfficer.post("/api/projects/" + id + "/funds/2022-01/corrections", funds(null, "1.00", null))
                .status()).isEqualTo(400);

        // signed on 2020-05-01: April is before the signing month, May is its first month
        ApiClient.Response beforeSigning = guipingOfficer.post("/api/projects/" + id + "/funds", funds("2020-04", "1.00", null));
        assertThat(beforeSigning.status()).as(beforeSigning.toString()).isEqualTo(400);
        assertThat(beforeSigning.json().get("errors").get(0).get("field").asString()).isEqualTo("month");
        assertThat(beforeSigning.json().get("errors").get(0).get("rule").asString()).isEqualTo("NotBeforeSigning");
        assertThat(beforeSigning.json().get("errors").get(0).get("message").asString()).contains("2020-05");

        String negotiating = guipingOfficer.post("/api/projects", Map.of("name", "在谈无资金项目", "orgUnit", GUIPING,
                "stage", "NEGOTIATING", "industryCode", "C3841")).json().get("id").asString();
        assertThat(guipingOfficer.post("/api/projects/" + negotiating + "/funds", funds("2022-01", "1.00", null)).status())
                .isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM project_funds WHERE project_id IN (:a::uuid, :b::uuid)")
                .param("a", id).param("b", negotiating).query(Long.class).single()).isZero();
    }

    @Test
    void aMonthOfManyProjectsIsSavedInOneRequestAsAWholeOrNotAtAll() {
        String first = signedProject(guipingOfficer, GUIPING, "批量到位一号");
        String second = signedProject(guipingOfficer, GUIPING, "批量到位二号");
        String third = signedProject(guipingOfficer, GUIPING, "批量到位三号");
        String gangbeis = signedProject(gangbeiOfficer, GANGBEI, "港北批量到位项目");
        guipingOfficer.create("/api/projects/" + first + "/funds", funds("2021-06", "100.00", null));

        // Every bad row is named at once, and nothing of the good rows is kept.
        ApiClient.Response refused = guipingOfficer.put("/api/projects/funds/2021-06", Map.of("rows", List.of(
                row(first, "150.00", null), row(second, "200.00", null), row(gangbeis, "1.00", null), row(second, "5.00", null))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errors").valueStream().map(error -> error.get("field").asString() + "/" + error.get("rule").asString())
                .toList()).containsExactly("rows[0].reason/RequiredForCorrection", "rows[2].projectId/ProjectInScope",
                        "rows[3].projectId/UniqueInBatch");
        assertThat(jdbc.sql("SELECT count(*) FROM project_funds WHERE project_id = :id::uuid").param("id", second)
                .query(Long.class).single()).isZero();
        ApiClient.Response beforeSigning = guipingOfficer.put("/api/projects/funds/2020-04", Map.of("rows", List.of(row(second, "1.00", null))));
        assertThat(beforeSigning.json().get("errors").get(0).get("rule").asString()).as(beforeSigning.toString()).isEqualTo("NotBeforeSigning");
        ApiClient.Response malformed = guipingOfficer.put("/api/projects/funds/2021-06", Map.of("rows", List.of(Map.of("amount", "-1"))));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .contains("rows[0].projectId", "rows[0].amount", "rows[0].evidence");

        ApiClient.Response saved = guipingOfficer.put("/api/projects/funds/2021-06", Map.of("rows", List.of(
                row(first, "100.00", null), row(second, "200.00", null), row(third, "300.50", null))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("reported").asInt()).isEqualTo(2);
        assertThat(saved.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(saved.json().get("rows").valueStream().map(row -> row.get("change").asString() + "/" + row.get("version").get("version").asInt())
                .toList()).containsExactly("UNCHANGED/1", "REPORTED/1", "REPORTED/1");
        ApiClient.Response corrected = guipingOfficer.put("/api/projects/funds/2021-06", Map.of("rows", List.of(
                row(second, "250.00", "回单补录"))));
        assertThat(corrected.json().get("corrected").asInt()).as(corrected.toString()).isEqualTo(1);
        assertThat(guipingOfficer.get("/api/projects/funds-total?month=2021-06").json().get("total").asString()).isEqualTo("650.50");

        // Each report and correction is audited and published as when entered one by one.
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_type = 'project-funds' AND entity_id LIKE :id ORDER BY id")
                .param("id", second + "/%").query(String.class).list()).containsExactly("funds-reported", "funds-corrected");
        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.PROJECT, record -> third.equals(record.key()), 2, Duration.ofSeconds(30));
        assertThat(records.get(1).value()).contains(EventTypes.PROJECT_FUNDS_REPORTED, "300.50");
        assertThat(EventSchemaValidator.shared().validate(records.get(1).value())).isEmpty();
    }

    private static Map<String, Object> row(String projectId, String amount, String reason) {
        Map<String, Object> row = new java.util.LinkedHashMap<>(funds(null, amount, reason));
        row.put("projectId", projectId);
        return row;
    }

    private static String signedProject(ApiClient officer, String unit, String name) {
        ApiClient.Response created = officer.create("/api/projects", Map.of("name", name, "orgUnit", unit,
                "stage", "SIGNED", "contractAmount", "80000000.00", "signingDate", "2020-05-01", "industryCode", "C3841",
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-1", "documentDate", "2020-05-01"))));
        return created.json().get("id").asString();
    }

    private static Map<String, Object> funds(String month, String amount, String reason) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (month != null) {
            body.put("month", month);
        }
        body.put("amount", amount);
        body.put("evidence", Map.of("documentType", "BANK_VOUCHER", "documentNumber", "HD-" + amount, "documentDate", "2026-10-31"));
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }
}
