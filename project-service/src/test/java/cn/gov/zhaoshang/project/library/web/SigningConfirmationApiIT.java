package cn.gov.zhaoshang.project.library.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Confirmation of signings: the setting is inherited, a signing under it is SIGNED-pending until a
 * leader confirms it. 柳州 and its counties (and 桂平, of another city) are generated units of this
 * class alone ({@link GeneratedOrgUnits}, named as the real ones), so its settings, pending lists
 * and totals touch no other class's units.
 */
@PlatformIntegrationTest
class SigningConfirmationApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GeneratedOrgUnits UNITS = GeneratedOrgUnits.newTree().cityLike("450200").cityLike("450800").build();
    private static final String LIUZHOU = UNITS.twinOf("450200").code();
    private static final String CHENGZHONG = UNITS.twinOf("450202").code();
    private static final String YUFENG = UNITS.twinOf("450203").code();
    private static final String GUIPING = UNITS.twinOf("450881").code();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient liuzhouLeader;
    ApiClient chengzhongOfficer;
    ApiClient yufengOfficer;
    ApiClient yufengLeader;
    ApiClient guipingLeader;
    String token;

    @BeforeEach
    void clients() {
        UNITS.makeKnownTo("project-service");
        var idp = PlatformServers.identityProvider();
        ApiClient api = ApiClient.atPort(port);
        token = idp.tokenFor("lz-leader", LIUZHOU, "leader", "viewer");
        liuzhouLeader = api.withToken(token);
        chengzhongOfficer = api.withToken(idp.tokenFor("cz-officer", CHENGZHONG, "officer"));
        yufengOfficer = api.withToken(idp.tokenFor("yf-officer", YUFENG, "officer"));
        yufengLeader = api.withToken(idp.tokenFor("yf-leader", YUFENG, "leader"));
        guipingLeader = api.withToken(idp.tokenFor("gp-leader", GUIPING, "leader"));
    }

    @AfterEach
    void removeSettings() {
        jdbc.sql("DELETE FROM signing_confirmation_setting WHERE org_unit_code IN (:units)")
                .param("units", List.of(LIUZHOU, CHENGZHONG, YUFENG)).update();
    }

    @Test
    void aUnitsSettingIsInheritedAndOnlyItsLeadersOrAdminsWithinScopeSetIt() {
        JsonNode set = put("/api/projects/signing-confirmation-settings/" + LIUZHOU, Map.of("required", true), token);
        assertThat(set.get("required").asBoolean()).isTrue();
        assertThat(set.get("setOn").asString()).isEqualTo(LIUZHOU);
        assertThat(set.get("inherited").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE entity_type = 'signing-confirmation-setting' AND entity_id = :unit "
                + "AND after->>'required' = 'true' ORDER BY id DESC LIMIT 1").param("unit", LIUZHOU).query(String.class).single())
                .isEqualTo("lz-leader");

        JsonNode inherited = chengzhongOfficer.get("/api/projects/signing-confirmation-settings/" + CHENGZHONG).json();
        assertThat(inherited.get("required").asBoolean()).isTrue();
        assertThat(inherited.get("setOn").asString()).isEqualTo(LIUZHOU);
        assertThat(inherited.get("inherited").asBoolean()).isTrue();

        // a county's own setting wins over its city's
        put("/api/projects/signing-confirmation-settings/" + YUFENG, Map.of("required", false), token);
        JsonNode own = yufengOfficer.get("/api/projects/signing-confirmation-settings/" + YUFENG).json();
        assertThat(own.get("required").asBoolean()).isFalse();
        assertThat(own.get("inherited").asBoolean()).isFalse();

        // an officer may not set it; a leader outside the unit's scope finds no such unit
        assertThat(status("/api/projects/signing-confirmation-settings/" + CHENGZHONG, Map.of("required", false),
                PlatformServers.identityProvider().tokenFor("cz-officer", CHENGZHONG, "officer"))).isEqualTo(403);
        assertThat(status("/api/projects/signing-confirmation-settings/" + LIUZHOU, Map.of("required", false),
                PlatformServers.identityProvider().tokenFor("gp-leader", GUIPING, "leader"))).isEqualTo(404);
        assertThat(status("/api/projects/signing-confirmation-settings/" + LIUZHOU, Map.of(),
                token)).isEqualTo(400);
        assertThat(guipingLeader.get("/api/projects/signing-confirmation-settings/" + LIUZHOU).status()).isEqualTo(404);
        // a unit nobody set anything for needs no confirmation
        assertThat(guipingLeader.get("/api/projects/signing-confirmation-settings/" + GUIPING).json().get("required").asBoolean()).isFalse();
    }

    @Test
    void aSigningUnderTheSettingIsPendingUntilALeaderConfirmsIt() {
        put("/api/projects/signing-confirmation-settings/" + LIUZHOU, Map.of("required", true), token);
        put("/api/projects/signing-confirmation-settings/" + YUFENG, Map.of("required", false), token);

        JsonNode registered = chengzhongOfficer.post("/api/projects", signed("柳州城中待确认项目", CHENGZHONG)).json();
        String registeredId = registered.get("id").asString();
        assertThat(registered.get("signingConfirmed").asBoolean()).isFalse();

        String movedId = chengzhongOfficer.post("/api/projects", Map.of("name", "柳州城中在谈项目", "orgUnit", CHENGZHONG,
                "stage", "NEGOTIATING", "industryCode", "C3670")).json().get("id").asString();
        JsonNode moved = chengzhongOfficer.post("/api/projects/" + movedId + "/stage-moves", Map.of("to", "SIGNED",
                "date", "2026-09-10", "contractAmount", "80000000.00",
                "evidence", Map.of("documentType", "AGREEMENT", "documentNumber", "LZ-XY-2", "documentDate", "2026-09-10"))).json();
        assertThat(moved.get("signingConfirmed").asBoolean()).isFalse();

        String unconfirmedNeededNot = yufengOfficer.post("/api/projects", signed("柳州鱼峰项目", YUFENG)).json().get("id").asString();
        assertThat(yufengOfficer.get("/api/projects/" + unconfirmedNeededNot).json().get("signingConfirmed").asBoolean()).isTrue();

        // the pending list, per unit and within scope
        assertThat(pendingIds(liuzhouLeader, "")).containsExactlyInAnyOrder(registeredId, movedId);
        assertThat(pendingIds(liuzhouLeader, "?orgUnit=" + CHENGZHONG + "&sort=signingDate,desc")).containsExactly(movedId, registeredId);
        assertThat(pendingIds(liuzhouLeader, "?orgUnit=" + YUFENG)).isEmpty();
        assertThat(pendingIds(yufengOfficer, "")).isEmpty();
        assertThat(liuzhouLeader.get("/api/projects/signing-pending?size=1").json().get("total").asLong()).isEqualTo(2);
        assertThat(guipingLeader.get("/api/projects/signing-pending?orgUnit=" + CHENGZHONG).status()).isEqualTo(404);

        // a pending project's funds are not counted until its signing is confirmed
        assertThat(chengzhongOfficer.post("/api/projects/" + registeredId + "/funds", Map.of("month", "2026-10", "amount", "1000.00",
                "evidence", Map.of("documentType", "BANK_VOUCHER", "documentNumber", "YH-1", "documentDate", "2026-10-20"))).status())
                .isEqualTo(201);
        assertThat(chengzhongOfficer.get("/api/projects/funds-total?month=2026-10").json().get("total").asString()).isEqualTo("0.00");

        // only a leader within scope confirms
        assertThat(chengzhongOfficer.post("/api/projects/" + registeredId + "/signing-confirmation", Map.of()).status()).isEqualTo(403);
        assertThat(yufengLeader.post("/api/projects/" + registeredId + "/signing-confirmation", Map.of()).status()).isEqualTo(404);
        ApiClient.Response confirmed = liuzhouLeader.post("/api/projects/" + registeredId + "/signing-confirmation", Map.of());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("signingConfirmed").asBoolean()).isTrue();
        ApiClient.Response twice = liuzhouLeader.post("/api/projects/" + registeredId + "/signing-confirmation", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(liuzhouLeader.post("/api/projects/" + unconfirmedNeededNot + "/signing-confirmation", Map.of()).status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE entity_id = :id AND action = 'signing-confirmed'")
                .param("id", registeredId).query(String.class).list()).containsExactly("lz-leader");
        assertThat(pendingIds(liuzhouLeader, "")).containsExactly(movedId);
        assertThat(chengzhongOfficer.get("/api/projects/funds-total?month=2026-10").json().get("total").asString()).isEqualTo("1000.00");

        // events: registered and stage-changed say the signing is pending; the confirmation follows; all valid, no actor
        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(), Topics.PROJECT,
                record -> record.key().equals(registeredId) || record.key().equals(movedId), 5, Duration.ofSeconds(30));
        assertThat(records).hasSize(5);
        assertThat(records).allSatisfy(record -> {
            assertThat(EventSchemaValidator.shared().validate(record.value())).isEmpty();
            assertThat(record.value()).doesNotContain("lz-leader", "cz-officer");
        });
        List<JsonNode> ofRegistered = records.stream().filter(record -> record.key().equals(registeredId))
                .map(record -> JSON.readTree(record.value())).toList();
        assertThat(ofRegistered).extracting(event -> event.get("type").asString()).containsExactly(
                EventTypes.PROJECT_REGISTERED, EventTypes.PROJECT_FUNDS_REPORTED, EventTypes.PROJECT_SIGNING_CONFIRMED);
        assertThat(ofRegistered.get(0).get("data").get("signingConfirmed").asBoolean()).isFalse();
        assertThat(ofRegistered.get(2).get("data").get("signingDate").asString()).isEqualTo("2026-09-01");
        JsonNode stageChanged = records.stream().filter(record -> record.key().equals(movedId))
                .map(record -> JSON.readTree(record.value()))
                .filter(event -> event.get("type").asString().equals(EventTypes.PROJECT_STAGE_CHANGED)).findFirst().orElseThrow();
        assertThat(stageChanged.get("data").get("signingConfirmed").asBoolean()).isFalse();
    }

    private static Map<String, Object> signed(String name, String unit) {
        return Map.of("name", name, "orgUnit", unit, "stage", "SIGNED", "contractAmount", "60000000.00",
                "signingDate", "2026-09-01", "industryCode", "C3670",
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "LZ-" + name, "documentDate", "2026-09-01")));
    }

    private static List<String> pendingIds(ApiClient client, String query) {
        ApiClient.Response page = client.get("/api/projects/signing-pending" + query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }

    private JsonNode put(String path, Object body, String bearer) {
        HttpResponse<String> response = send(path, body, bearer);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int status(String path, Object body, String bearer) {
        return send(path, body, bearer).statusCode();
    }

    private HttpResponse<String> send(String path, Object body, String bearer) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
