package cn.gov.zhaoshang.enterprise.engagement.web;

import static cn.gov.zhaoshang.enterprise.TestEnterprises.enterprise;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

/** Acceptance 5 (the resident-team funnel) and the leader-activity counts. */
@PlatformIntegrationTest
class EngagementFunnelIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guigangOfficer;
    ApiClient guipingOfficer;

    @BeforeEach
    void clients() {
        var idp = PlatformServers.identityProvider();
        ApiClient api = ApiClient.atPort(port);
        guigangOfficer = api.withToken(idp.tokenFor("gg-team-officer", "450800", "officer"));
        guipingOfficer = api.as(TestUser.GP_OFFICER);
    }

    @Test
    void aTeamThatDocked1811EnterprisesOfWhich976CameToVisitGetsThoseCountsAndItsEventsGiveTheReturnRate() {
        String team = "贵港驻深圳招商工作队-" + UUID.randomUUID().toString().substring(0, 8);
        // The registry is not under test here: the 1,811 enterprises are list-only fixture rows.
        List<UUID> enterprises = jdbc.sql("""
                INSERT INTO enterprise (id, name_zh, name_normalised, search_names, list_only, registered_at, registered_by)
                SELECT gen_random_uuid(), :prefix || i, :prefix || i, :prefix || i, true, now(), 'fixture'
                FROM generate_series(1, 1811) AS i
                RETURNING id""").param("prefix", team + "-对接企业").query(UUID.class).list();
        assertThat(enterprises).hasSize(1811);

        LocalDate day = LocalDate.of(2026, 3, 2);
        for (UUID enterprise : enterprises) {
            record(guigangOfficer, "DOCKING", "450800", team, day, enterprise, "FOLLOW_UP");
        }
        // 976 came to visit; the first 120 of them twice, and each still counts once.
        for (int i = 0; i < 976; i++) {
            record(guigangOfficer, "VISIT", "450800", team, day.plusDays(30), enterprises.get(i), "FOLLOW_UP");
            if (i < 120) {
                record(guigangOfficer, i < 40 ? "VISIT" : "DOCKING", "450800", team, day.plusDays(60), enterprises.get(i),
                        i < 10 ? "INTENT" : "FOLLOW_UP");
            }
        }
        // Another team of the same city docks one of them again: not this team's funnel.
        record(guigangOfficer, "DOCKING", "450800", "贵港驻杭州招商工作队", day, enterprises.get(1500), "FOLLOW_UP");

        ApiClient.Response funnel = guigangOfficer.get("/api/engagements/funnel?orgUnit=450800&team="
                + URLEncoder.encode(team, StandardCharsets.UTF_8));
        assertThat(funnel.status()).as(funnel.toString()).isEqualTo(200);
        assertThat(funnel.json().get("docked").asLong()).isEqualTo(1811);
        assertThat(funnel.json().get("visited").asLong()).isEqualTo(976);
        assertThat(funnel.json().get("withIntent").asLong()).isEqualTo(10);
        assertThat(funnel.json().get("visitReturnRate").asString()).isEqualTo("53.89");

        // A county sees neither its city's funnel nor its engagements.
        assertThat(guipingOfficer.get("/api/engagements/funnel?orgUnit=450800").status()).isEqualTo(404);

        // Reporting computes the same from the events alone: distinct enterprises by kind, per team.
        int expectedEvents = 1811 + 976 + 120;
        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.ENTERPRISE, record -> record.value().contains(team), expectedEvents, Duration.ofSeconds(180));
        assertThat(records).hasSize(expectedEvents);
        Set<String> docked = new HashSet<>();
        Set<String> visited = new HashSet<>();
        for (ConsumerRecord<String, String> record : records.subList(0, 50)) {
            assertThat(EventSchemaValidator.shared().validate(record.value())).isEmpty();
        }
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.get("type").asString()).isEqualTo(EventTypes.ENGAGEMENT_RECORDED);
            assertThat(event.get("orgpath").asString()).isEqualTo("450000.450800");
            JsonNode data = event.get("data");
            Set<String> target = data.get("kind").asString().equals("DOCKING") ? docked : visited;
            data.get("enterpriseIds").forEach(id -> target.add(id.asString()));
        }
        assertThat(docked).hasSize(1811);
        assertThat(visited).hasSize(976);
        assertThat(BigDecimal.valueOf(visited.size() * 100L).divide(BigDecimal.valueOf(docked.size()), 2, RoundingMode.HALF_UP))
                .isEqualByComparingTo("53.89");
    }

    @Test
    void engagementsAreScopedByTheRecordingUnit() {
        String enterprise = guigangOfficer.post("/api/enterprises", enterprise("桂平范围测试企业有限公司"))
                .json().get("enterprise").get("id").asString();
        String cityEngagement = record(guigangOfficer, "DOCKING", "450800", null, LocalDate.of(2026, 6, 1),
                UUID.fromString(enterprise), "NO_INTEREST");

        assertThat(guipingOfficer.get("/api/engagements/" + cityEngagement).status()).isEqualTo(404);
        assertThat(guipingOfficer.post("/api/engagements", Map.of("kind", "DOCKING", "orgUnit", "450800",
                "occurredOn", "2026-06-01", "enterpriseIds", List.of(enterprise), "outcome", "FOLLOW_UP")).status())
                .isEqualTo(403);
        String countyEngagement = record(guipingOfficer, "VISIT", "450881", null, LocalDate.of(2026, 6, 2),
                UUID.fromString(enterprise), "FOLLOW_UP");
        // The city sees what its counties record.
        assertThat(guigangOfficer.get("/api/engagements/" + countyEngagement).status()).isEqualTo(200);
        assertThat(guipingOfficer.get("/api/engagements?size=200").json().get("items").valueStream()
                .map(item -> item.get("orgUnit").asString())).containsOnly("450881");
    }

    @Test
    void anIntentWithoutAmountAndATripWithoutLeaderAreRejectedListingEveryField() {
        String enterprise = guigangOfficer.post("/api/enterprises", enterprise("校验测试企业有限公司"))
                .json().get("enterprise").get("id").asString();
        ApiClient.Response response = guigangOfficer.post("/api/engagements", Map.of("kind", "LEADER_TRIP",
                "orgUnit", "450800", "occurredOn", "2026-06-01", "enterpriseIds", List.of(enterprise), "outcome", "INTENT"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .contains("leaderName", "leaderRole", "leaderUnit", "destinationArea", "intentAmount", "intentIndustryCode");
    }

    /** A trip counts in its leader's unit: a county cannot record one for Nanning (issue 25, finding 1). */
    @Test
    void aTripsLeaderUnitMustExistAndBeInTheRecordersScope() {
        String enterprise = guigangOfficer.post("/api/enterprises", enterprise("越权带队测试企业有限公司"))
                .json().get("enterprise").get("id").asString();
        String leader = "南宁市长" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> nanningsTrip = Map.of("kind", "LEADER_TRIP", "orgUnit", "450881", "occurredOn", "2026-06-01",
                "enterpriseIds", List.of(enterprise), "leaderName", leader, "leaderRole", "PRINCIPAL",
                "leaderUnit", "450100", "destinationArea", "GBA", "outcome", "FOLLOW_UP");
        ApiClient.Response refused = guipingOfficer.post("/api/engagements", nanningsTrip);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        Map<String, Object> unknownUnit = new java.util.HashMap<>(nanningsTrip);
        unknownUnit.put("leaderUnit", "459999");
        ApiClient.Response unknown = guipingOfficer.post("/api/engagements", unknownUnit);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").valueStream().map(error -> error.get("field").asString())).containsExactly("leaderUnit");

        assertThat(ApiClient.atPort(port).withToken(PlatformServers.identityProvider().tokenFor("gx-reader", "450000", "viewer"))
                .get("/api/engagements/leader-activity?orgUnit=450100&halfYear=2026H1").json().get("leaders").valueStream()
                .map(item -> item.get("leaderName").asString())).doesNotContain(leader);
    }

    @Test
    void leaderTripsToKeyAreasAreCountedPerLeaderAndHalfYearAgainstTheirRolesRequirement() {
        String enterprise = guigangOfficer.post("/api/enterprises", enterprise("带队招商测试集团有限公司"))
                .json().get("enterprise").get("id").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String mayor = "市长" + suffix;
        String deputy = "副市长" + suffix;
        String countyHead = "县委书记" + suffix;
        trip(guigangOfficer, mayor, "PRINCIPAL", "450800", "GBA", "2025-03-10", enterprise);
        trip(guigangOfficer, deputy, "DEPUTY", "450800", "YRD", "2025-04-10", enterprise);
        trip(guigangOfficer, deputy, "DEPUTY", "450800", "OVERSEAS", "2025-05-10", enterprise);
        trip(guigangOfficer, deputy, "DEPUTY", "450800", "BTH", "2025-07-10", enterprise);
        trip(guipingOfficer, countyHead, "PRINCIPAL", "450881", "BTH", "2025-02-10", enterprise);
        trip(guipingOfficer, countyHead, "PRINCIPAL", "450881", "GBA", "2025-06-30", enterprise);

        JsonNode report = guigangOfficer.get("/api/engagements/leader-activity?orgUnit=450800&halfYear=2025H1").json();
        Map<String, JsonNode> byLeader = new java.util.HashMap<>();
        report.get("leaders").forEach(leader -> byLeader.put(leader.get("leaderName").asString(), leader));

        assertThat(byLeader.get(mayor).get("keyAreaTrips").asLong()).isEqualTo(1);
        assertThat(byLeader.get(mayor).get("required").asInt()).isEqualTo(1);
        assertThat(byLeader.get(mayor).get("met").asBoolean()).isTrue();
        // The overseas trip is not to a key area, and the July trip is in the second half.
        assertThat(byLeader.get(deputy).get("keyAreaTrips").asLong()).isEqualTo(1);
        assertThat(byLeader.get(deputy).get("required").asInt()).isEqualTo(2);
        assertThat(byLeader.get(deputy).get("met").asBoolean()).isFalse();
        assertThat(byLeader.get(countyHead).get("keyAreaTrips").asLong()).isEqualTo(2);
        assertThat(byLeader.get(countyHead).get("required").asInt()).isEqualTo(2);
        assertThat(byLeader.get(countyHead).get("met").asBoolean()).isTrue();

        JsonNode countyReport = guipingOfficer.get("/api/engagements/leader-activity?orgUnit=450881&halfYear=2025H1").json();
        assertThat(countyReport.get("leaders").valueStream().map(leader -> leader.get("leaderName").asString()))
                .contains(countyHead).doesNotContain(mayor, deputy);
    }

    private void trip(ApiClient client, String leader, String role, String unit, String area, String date, String enterprise) {
        ApiClient.Response created = client.create("/api/engagements", Map.of("kind", "LEADER_TRIP", "orgUnit", unit,
                "occurredOn", date, "enterpriseIds", List.of(enterprise), "leaderName", leader, "leaderRole", role,
                "leaderUnit", unit, "destinationArea", area, "outcome", "FOLLOW_UP"));
    }

    private static String record(ApiClient client, String kind, String unit, String team, LocalDate day, UUID enterprise,
            String outcome) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", kind, "orgUnit", unit, "occurredOn", day.toString(),
                "enterpriseIds", List.of(enterprise.toString()), "outcome", outcome));
        if (team != null) {
            body.put("team", team);
        }
        if (outcome.equals("INTENT")) {
            body.put("intentAmount", "150000000.00");
            body.put("intentIndustryCode", "C3841");
        }
        ApiClient.Response created = client.create("/api/engagements", body);
        return created.json().get("id").asString();
    }
}
