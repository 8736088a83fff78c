package cn.gov.zhaoshang.targets.teams;

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
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Resident teams: created, changed and closed within scope, with their events; the team part of acceptance 6. */
@PlatformIntegrationTest
class ResidentTeamsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.atPort(port);
    }

    private ApiClient as(String user, String unit, String... roles) {
        return api.withToken(PlatformServers.identityProvider().tokenFor(user, unit, roles));
    }

    private static Map<String, Object> team(String unit, String name, String keyArea, int members) {
        Map<String, Object> team = new HashMap<>();
        team.put("orgUnit", unit);
        team.put("name", name);
        team.put("keyArea", keyArea);
        team.put("memberCount", members);
        team.put("activeFrom", "2026-03-01");
        return team;
    }

    @Test
    void aCitysTeamIsCreatedChangedAndClosedWithItsEventsAndOnlyItsScopeSeesIt() {
        ApiClient guigangOfficer = as("gg-officer", "450800", "officer");
        ApiClient.Response created = guigangOfficer.create("/api/resident-teams", team("450800", "贵港市驻粤港澳大湾区招商工作队", "GBA", 6));
        String id = created.json().get("id").asString();
        assertThat(created.json().get("closed").asBoolean()).isFalse();
        assertThat(as("gg-viewer", "450800", "viewer").get("/api/resident-teams?size=200").json().get("items").valueStream()
                .map(item -> item.get("id").asString())).contains(id);
        ApiClient guiping = as("gp-viewer", "450881", "viewer");
        assertThat(guiping.get("/api/resident-teams/" + id).status()).isEqualTo(404);
        assertThat(guiping.get("/api/resident-teams?size=200").json().get("items").valueStream()
                .map(item -> item.get("id").asString())).doesNotContain(id);
        assertThat(as("nn-officer", "450100", "officer").post("/api/resident-teams", team("450800", "越权工作队", "GBA", 3))
                .status()).isEqualTo(403);

        Map<String, Object> change = team("450800", "贵港市驻粤港澳大湾区招商工作队", "GBA", 8);
        change.remove("orgUnit");
        ApiClient.Response changed = guigangOfficer.post("/api/resident-teams/" + id, change);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("memberCount").asInt()).isEqualTo(8);

        ApiClient.Response target = as("gg-target-admin", "450800", "target-admin")
                .post("/api/resident-teams/" + id + "/targets", Map.of("year", 2026, "contractTarget", "5000000000"));
        assertThat(target.status()).as(target.toString()).isEqualTo(200);
        assertThat(target.json().get("contractTargets").get("2026").asString()).isEqualTo("5000000000.00");

        ApiClient.Response closed = guigangOfficer.post("/api/resident-teams/" + id + "/close", Map.of("closedOn", "2026-12-31"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("closed").asBoolean()).isTrue();
        assertThat(closed.json().get("activeUntil").asString()).isEqualTo("2026-12-31");
        assertThat(guigangOfficer.post("/api/resident-teams/" + id, change).status()).as("a closed team changes no more").isEqualTo(409);

        List<JsonNode> events = eventsOf(id, 4);
        assertThat(events.stream().map(event -> event.get("type").asString())).containsExactly(
                EventTypes.TARGETS_TEAM_DEFINED, EventTypes.TARGETS_TEAM_CHANGED, EventTypes.TARGETS_TEAM_CHANGED,
                EventTypes.TARGETS_TEAM_CHANGED);
        assertThat(events.stream().map(event -> event.get("data").get("change").asString()))
                .containsExactly("DEFINED", "CHANGED", "TARGET_SET", "CLOSED");
        assertThat(events.getLast().get("orgpath").asString()).isEqualTo("450000.450800");
    }

    @Test
    void aTeamNamesAKnownKeyAreaAndARegionalTeamItsLeadDepartment() {
        ApiClient regionOfficer = as("gx-officer", "450000", "officer");
        ApiClient.Response bad = regionOfficer.post("/api/resident-teams", team("450000", "自治区驻火星招商工作队", "MARS", 5));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .containsExactlyInAnyOrder("keyArea", "leadDepartment");

        Map<String, Object> departmentTeam = team("450000", "自治区工信厅驻长三角招商工作队", "YRD", 5);
        departmentTeam.put("leadDepartment", "自治区工业和信息化厅");
        ApiClient.Response created = regionOfficer.create("/api/resident-teams", departmentTeam);
        assertThat(created.json().get("leadDepartment").asString()).isEqualTo("自治区工业和信息化厅");
        assertThat(as("gx-viewer", "450000", "viewer").get("/api/key-areas").json().valueStream()
                .map(area -> area.get("code").asString())).contains("GBA", "YRD", "BTH", "OTHER_DOMESTIC", "HK_MACAO_TAIWAN", "OVERSEAS");
        assertThat(as("gp-officer", "450881", "officer").post("/api/resident-teams", team("450881", "县级工作队", "GBA", 2))
                .status()).as("teams belong to cities or the region").isEqualTo(400);
    }

    private static List<JsonNode> eventsOf(String teamId, int expected) {
        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.TARGETS, record -> teamId.equals(record.key()), expected, Duration.ofSeconds(30));
        assertThat(records).hasSize(expected);
        records.forEach(record -> assertThat(EventSchemaValidator.shared().validate(record.value())).isEmpty());
        return records.stream().map(record -> JSON.readTree(record.value())).toList();
    }
}
