package cn.gov.zhaoshang.targets.annual;

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
 * Acceptance 1 (who sets targets), 2 (decomposition), 3 (growth) and the target part of 6 (events
 * validate). Each test uses its own year, so they do not depend on each other's order.
 */
@PlatformIntegrationTest
class AnnualTargetsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient regionAdmin;
    ApiClient guigangAdmin;
    ApiClient guipingAdmin;
    ApiClient guigangViewer;

    @BeforeEach
    void clients() {
        var idp = PlatformServers.identityProvider();
        ApiClient api = ApiClient.atPort(port);
        regionAdmin = api.withToken(idp.tokenFor("gx-target-admin", "450000", "target-admin"));
        guigangAdmin = api.withToken(idp.tokenFor("gg-target-admin", "450800", "target-admin"));
        guipingAdmin = api.withToken(idp.tokenFor("gp-target-admin", "450881", "target-admin"));
        guigangViewer = api.withToken(idp.tokenFor("gg-viewer", "450800", "viewer"));
    }

    @Test
    void guigangsTargetAdminSetsGuipingsTargetsWithAnEventCarryingBeforeAndAfter() {
        ApiClient.Response set = guigangAdmin.post("/api/targets", Map.of("orgUnit", "450881", "year", 2026,
                "figures", Map.of("CONTRACT_INVESTMENT", "15000000000", "SIGNED_COUNT", "40")));

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("confirmed").get("CONTRACT_INVESTMENT").asString()).isEqualTo("15000000000.00");
        assertThat(set.json().get("confirmed").get("SIGNED_COUNT").asString()).isEqualTo("40");
        String unitId = set.json().get("unitId").asString();

        ApiClient.Response changed = guigangAdmin.post("/api/targets", Map.of("orgUnit", "450881", "year", 2026,
                "figures", Map.of("CONTRACT_INVESTMENT", "20000000000.00")));
        assertThat(changed.status()).isEqualTo(200);

        List<JsonNode> events = targetEvents(unitId + "/2026", 2);
        JsonNode first = events.get(0).get("data");
        assertThat(first.get("before").isNull()).isTrue();
        assertThat(first.get("after").get("CONTRACT_INVESTMENT").asString()).isEqualTo("15000000000.00");
        assertThat(first.get("setBy").asString()).isEqualTo("450800");
        JsonNode second = events.get(1).get("data");
        assertThat(second.get("before").get("CONTRACT_INVESTMENT").asString()).isEqualTo("15000000000.00");
        assertThat(second.get("after").get("CONTRACT_INVESTMENT").asString()).isEqualTo("20000000000.00");
        assertThat(second.get("after").get("SIGNED_COUNT").asString()).isEqualTo("40");
        assertThat(events.get(1).get("orgpath").asString()).isEqualTo("450000.450800.450881");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'annual-target' AND entity_id = :id")
                .param("id", unitId + "/2026").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aCountyNeverSetsItsOwnTargetsNorItsSiblings() {
        ApiClient.Response own = guipingAdmin.post("/api/targets", Map.of("orgUnit", "450881", "year", 2027,
                "figures", Map.of("CONTRACT_INVESTMENT", "99")));
        ApiClient.Response sibling = guipingAdmin.post("/api/targets", Map.of("orgUnit", "450802", "year", 2027,
                "figures", Map.of("CONTRACT_INVESTMENT", "99")));
        ApiClient.Response city = guipingAdmin.post("/api/targets", Map.of("orgUnit", "450800", "year", 2027,
                "figures", Map.of("CONTRACT_INVESTMENT", "99")));

        ApiClient.Response unknown = guipingAdmin.post("/api/targets", Map.of("orgUnit", "459999", "year", 2027,
                "figures", Map.of("CONTRACT_INVESTMENT", "99")));

        // a unit the body names: 403 outside the scope, 400 when unknown (issue 25, finding 1)
        assertThat(own.status()).isEqualTo(403);
        assertThat(sibling.status()).isEqualTo(403);
        assertThat(city.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"orgUnit\"", "KnownOrgUnit");
        assertThat(jdbc.sql("SELECT count(*) FROM annual_target WHERE year = 2027").query(Long.class).single()).isZero();
        assertThat(guigangViewer.post("/api/targets", Map.of("orgUnit", "450881", "year", 2027,
                "figures", Map.of("CONTRACT_INVESTMENT", "99"))).status()).as("a viewer sets nothing").isEqualTo(403);
    }

    @Test
    void badFiguresAreAllReportedAndNothingIsStored() {
        ApiClient.Response bad = guigangAdmin.post("/api/targets", Map.of("orgUnit", "450881", "year", 2028,
                "figures", Map.of("CONTRACT_INVESTMENT", "12,5亿", "SIGNED_COUNT", "4.5", "MANUFACTURING_SHARE", "145",
                        "NO_SUCH_FIGURE", "1")));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .containsExactlyInAnyOrder("figures.CONTRACT_INVESTMENT", "figures.SIGNED_COUNT",
                        "figures.MANUFACTURING_SHARE", "figures.NO_SUCH_FIGURE");
        assertThat(jdbc.sql("SELECT count(*) FROM annual_target WHERE year = 2028").query(Long.class).single()).isZero();
    }

    @Test
    void leaderRequirementsFollowTheRoleOfTheLevelAndNeverFallBelowThePlan() {
        ApiClient.Response belowPlan = guigangAdmin.post("/api/targets", Map.of("orgUnit", "450881", "year", 2029, "figures",
                Map.of("LEADER_TRIPS_COUNTY_PARK_PRINCIPAL", "1", "LEADER_TRIPS_CITY_PRINCIPAL", "3", "SPECIAL_CAMPAIGN_DAYS", "10")));

        assertThat(belowPlan.status()).isEqualTo(400);
        assertThat(belowPlan.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .containsExactlyInAnyOrder("figures.LEADER_TRIPS_COUNTY_PARK_PRINCIPAL", "figures.LEADER_TRIPS_CITY_PRINCIPAL",
                        "figures.SPECIAL_CAMPAIGN_DAYS");
        ApiClient.Response set = guigangAdmin.post("/api/targets", Map.of("orgUnit", "450881", "year", 2029, "figures",
                Map.of("LEADER_TRIPS_COUNTY_PARK_PRINCIPAL", "3", "SPECIAL_CAMPAIGN_DAYS", "15")));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("requirementMinimums").get("LEADER_TRIPS_COUNTY_PARK_PRINCIPAL").asString()).isEqualTo("2");
        assertThat(set.json().get("requirementMinimums").has("LEADER_TRIPS_CITY_PRINCIPAL")).isFalse();
        JsonNode city = regionAdmin.get("/api/targets/450800/2029").json().get("requirementMinimums");
        assertThat(city.get("LEADER_TRIPS_CITY_PRINCIPAL").asString()).isEqualTo("1");
        assertThat(city.get("LEADER_TRIPS_CITY_DEPUTY").asString()).isEqualTo("2");
        assertThat(city.get("SPECIAL_CAMPAIGN_DAYS").asString()).isEqualTo("15");
    }

    @Test
    void aCityTargetOf750AgainstCountyTargetsSummingTo700ShowsMinus50() {
        assertThat(regionAdmin.post("/api/targets", Map.of("orgUnit", "450800", "year", 2024,
                "figures", Map.of("CONTRACT_INVESTMENT", "75000000000"))).status()).isEqualTo(200);
        Map<String, String> counties = Map.of("450802", "20000000000", "450803", "15000000000",
                "450804", "15000000000", "450821", "10000000000", "450881", "10000000000");
        counties.forEach((county, amount) -> assertThat(guigangAdmin.post("/api/targets", Map.of("orgUnit", county,
                "year", 2024, "figures", Map.of("CONTRACT_INVESTMENT", amount))).status()).isEqualTo(200));

        ApiClient.Response view = guigangViewer.get("/api/targets/450800/2024/decomposition");

        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        JsonNode contract = view.json().get("figures").valueStream()
                .filter(figure -> figure.get("figure").asString().equals("CONTRACT_INVESTMENT")).findFirst().orElseThrow();
        assertThat(contract.get("parentTarget").asString()).isEqualTo("75000000000.00");
        assertThat(contract.get("childrenSum").asString()).isEqualTo("70000000000.00");
        assertThat(contract.get("difference").asString()).isEqualTo("-5000000000.00");
        assertThat(contract.get("allocation").asString()).isEqualTo("UNDER");
        assertThat(view.json().get("children").valueStream().map(child -> child.get("orgUnit").asString()))
                .contains("450802", "450881");
        assertThat(ApiClient.atPort(port)
                .withToken(PlatformServers.identityProvider().tokenFor("gb-viewer", "450802", "viewer"))
                .get("/api/targets/450800/2024/decomposition").status()).isEqualTo(404);
    }

    @Test
    void nextYearAtPlusTenPercentTurns750Into825AsADraftUntilConfirmed() {
        assertThat(regionAdmin.post("/api/targets", Map.of("orgUnit", "450800", "year", 2030, "figures",
                Map.of("CONTRACT_INVESTMENT", "750", "SIGNED_COUNT", "247", "MANUFACTURING_SHARE", "45"))).status())
                .isEqualTo(200);

        ApiClient.Response draft = regionAdmin.post("/api/targets/450800/2030/next-year", Map.of("growthRate", "10"));

        assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
        assertThat(draft.json().get("year").asInt()).isEqualTo(2031);
        assertThat(draft.json().get("draft").get("CONTRACT_INVESTMENT").asString()).isEqualTo("825.00");
        assertThat(draft.json().get("draft").get("SIGNED_COUNT").asString()).isEqualTo("272");
        assertThat(draft.json().get("draft").get("MANUFACTURING_SHARE").asString()).isEqualTo("45.00");
        assertThat(draft.json().get("confirmed").isEmpty()).isTrue();
        JsonNode beforeConfirmation = guigangViewer.get("/api/targets/450800/2031").json();
        assertThat(beforeConfirmation.get("confirmed").isEmpty()).as("a draft is not in force").isTrue();
        String unitId = draft.json().get("unitId").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_record WHERE record_key = :key")
                .param("key", unitId + "/2031").query(Long.class).single()).as("a draft publishes nothing").isZero();

        ApiClient.Response confirmed = regionAdmin.post("/api/targets/450800/2031/confirm", Map.of());

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("confirmed").get("CONTRACT_INVESTMENT").asString()).isEqualTo("825.00");
        assertThat(confirmed.json().get("draft").isEmpty()).isTrue();
        JsonNode event = targetEvents(unitId + "/2031", 1).getFirst().get("data");
        assertThat(event.get("after").get("CONTRACT_INVESTMENT").asString()).isEqualTo("825.00");
        assertThat(regionAdmin.post("/api/targets/450800/2031/confirm", Map.of()).status())
                .as("nothing left to confirm").isEqualTo(409);
    }

    /** The target-set events of one unit and year on the real topic, in order, each valid against its schema. */
    private static List<JsonNode> targetEvents(String key, int expected) {
        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.TARGETS, record -> key.equals(record.key()), expected, Duration.ofSeconds(30));
        assertThat(records).hasSize(expected);
        return records.stream().map(record -> {
            assertThat(EventSchemaValidator.shared().validate(record.value())).isEmpty();
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.get("type").asString()).isEqualTo(EventTypes.TARGETS_TARGET_SET);
            return event;
        }).toList();
    }
}
