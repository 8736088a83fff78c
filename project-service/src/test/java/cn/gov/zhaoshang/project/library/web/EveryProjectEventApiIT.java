package cn.gov.zhaoshang.project.library.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acceptance 7 in one life: a project with an investor contact goes through every change that
 * publishes (registration, signing under confirmation, confirmation, amendment, funds and their
 * correction, a move, a transfer, termination). Every event validates against its schema and none
 * carries the contact, masked or not, nor who made the change. In 柳州 (450200), whose setting this
 * test owns.
 */
@PlatformIntegrationTest
class EveryProjectEventApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NAME = "覃志坚";
    private static final String PHONE = "18677201234";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeSetting() {
        jdbc.sql("DELETE FROM signing_confirmation_setting WHERE org_unit_code = '450204'").update();
    }

    @Test
    void everyEventOfAProjectsLifeValidatesAndNoneCarriesTheContactOrTheActor() throws Exception {
        var idp = PlatformServers.identityProvider();
        ApiClient api = ApiClient.atPort(port);
        ApiClient liunanOfficer = api.withToken(idp.tokenFor("ln-officer", "450204", "officer"));
        ApiClient liuzhouOfficer = api.withToken(idp.tokenFor("lz-officer", "450200", "officer"));
        ApiClient liuzhouLeader = api.withToken(idp.tokenFor("lz-leader", "450200", "leader"));
        HttpResponse<String> setting = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/projects/signing-confirmation-settings/450204"))
                .header("Authorization", "Bearer " + idp.tokenFor("lz-leader", "450200", "leader"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"required\": true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(setting.statusCode()).isEqualTo(200);

        String run = UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response registered = liunanOfficer.create("/api/projects", Map.ofEntries(
                Map.entry("name", "柳南区新能源汽车零部件项目" + run), Map.entry("orgUnit", "450204"), Map.entry("stage", "NEGOTIATING"),
                Map.entry("industryCode", "C3670"), Map.entry("investorEnterpriseId", UUID.randomUUID().toString()),
                Map.entry("channel", "INDUSTRY_CHAIN"), Map.entry("sourceKeyArea", "YRD"), Map.entry("industryChainTags", List.of("汽车")),
                Map.entry("fdiContractUsd", "300000.00"), Map.entry("plannedStartDate", "2026-12-15"),
                Map.entry("siteAddress", "柳南区汽车城"), Map.entry("investorContact", Map.of("name", NAME, "phone", PHONE))));
        String id = registered.json().get("id").asString();
        String project = "/api/projects/" + id;

        assertOk(liunanOfficer.post(project + "/stage-moves", Map.of("to", "SIGNED", "date", "2026-09-20",
                "contractAmount", "150000000.00", "reason", "签约仪式",
                "evidence", Map.of("documentType", "AGREEMENT", "documentNumber", "LN-XY-" + run, "documentDate", "2026-09-20"))));
        assertOk(liuzhouLeader.post(project + "/signing-confirmation", Map.of()));
        assertOk(liunanOfficer.post(project + "/amendments", Map.of("contractAmount", "180000000.00", "reason", "追加二期")));
        assertThat(liunanOfficer.post(project + "/funds", Map.of("month", "2026-10", "amount", "2000000.00",
                "evidence", Map.of("documentType", "BANK_VOUCHER", "documentNumber", "YH-" + run, "documentDate", "2026-10-28")))
                .status()).isEqualTo(201);
        assertThat(liunanOfficer.post(project + "/funds/2026-10/corrections", Map.of("amount", "2100000.00", "reason", "补录",
                "evidence", Map.of("documentType", "BANK_VOUCHER", "documentNumber", "YH2-" + run, "documentDate", "2026-10-30")))
                .status()).isEqualTo(200);
        assertOk(liunanOfficer.post(project + "/stage-moves", Map.of("to", "LANDED", "date", "2026-10-31",
                "evidence", Map.of("documentType", "LAND_GRANT", "documentNumber", "LN-GT-" + run, "documentDate", "2026-10-31"))));
        assertOk(liuzhouOfficer.post(project + "/transfers", Map.of("toOrgUnit", "450205", "reason", "选址调整")));
        assertOk(liuzhouOfficer.post(project + "/stage-moves", Map.of("to", "TERMINATED", "date", "2026-11-10", "reason", "投资方撤资")));

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(), Topics.PROJECT,
                record -> id.equals(record.key()), 9, Duration.ofSeconds(30));
        assertThat(records.stream().map(record -> JSON.readTree(record.value()).get("type").asString()).toList()).containsExactly(
                EventTypes.PROJECT_REGISTERED, EventTypes.PROJECT_STAGE_CHANGED, EventTypes.PROJECT_SIGNING_CONFIRMED,
                EventTypes.PROJECT_AMENDED, EventTypes.PROJECT_FUNDS_REPORTED, EventTypes.PROJECT_FUNDS_CORRECTED,
                EventTypes.PROJECT_STAGE_CHANGED, EventTypes.PROJECT_TRANSFERRED, EventTypes.PROJECT_TERMINATED);
        assertThat(records).allSatisfy(record -> {
            assertThat(EventSchemaValidator.shared().validate(record.value())).isEmpty();
            assertThat(record.value()).doesNotContain(NAME, PHONE, "覃**", "186****1234", "ln-officer", "lz-officer", "lz-leader");
        });
        // the stage-changed event of the signing says it waited for the leader
        assertThat(JSON.readTree(records.get(1).value()).get("data").get("signingConfirmed").asBoolean()).isFalse();
    }

    private static void assertOk(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
