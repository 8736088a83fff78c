package cn.gov.zhaoshang.reporting.ranking;

import static cn.gov.zhaoshang.reporting.support.Events.registered;
import static cn.gov.zhaoshang.reporting.support.Events.targetSet;
import static cn.gov.zhaoshang.reporting.support.Events.teamDefined;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.targets.DefinitionPublished;
import cn.gov.zhaoshang.reporting.definitions.DefinitionEvents;
import cn.gov.zhaoshang.reporting.support.EventFeed;
import cn.gov.zhaoshang.reporting.support.Events;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.GeneratedOrgUnits;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6, acceptance 4, through events on the real topics and the API. 柳州's counties in 2031,
 * each with a target of 12亿 and signings that put them, at the end of October (time progress
 * 10/12), exactly on the boundaries: 8.8亿 is 73.33…%, a gap of exactly −10 points; 7.6亿 exactly
 * −20. 柳州 and its counties here are generated units of this class alone ({@link GeneratedOrgUnits},
 * named as the real ones), so no other class's figures meet them; the definition version 50 it
 * publishes is in force from 2032 for every unit, a year no other class reports on.
 */
@PlatformIntegrationTest
class RankingAndWarningsApiIT {

    private static final String GROUP = "reporting-service";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String TARGET = "1200000000.00";
    private static final GeneratedOrgUnits UNITS = GeneratedOrgUnits.newTree().cityLike("450200").build();
    private static final String LIUZHOU = UNITS.twinOf("450200").code();
    private static final String CHENGZHONG = UNITS.twinOf("450202").code();
    private static final String YUFENG = UNITS.twinOf("450203").code();
    private static final String LIUNAN = UNITS.twinOf("450204").code();
    private static final String LIUBEI = UNITS.twinOf("450205").code();
    private static final String LIUJIANG = UNITS.twinOf("450206").code();
    private static final String LIUCHENG = UNITS.twinOf("450222").code();
    private static final UUID TEAM = UUID.nameUUIDFromBytes("liuzhou-2031-team".getBytes());

    @LocalServerPort
    int port;

    ApiClient liuzhou;

    /** The events go out once per test JVM; the instance fields are set for every test. */
    private static boolean fed;

    @BeforeEach
    void feed() {
        liuzhou = ApiClient.atPort(port)
                .withToken(PlatformServers.identityProvider().tokenFor("lz-viewer", LIUZHOU, "viewer"));
        if (fed) {
            return;
        }
        fed = true;
        UNITS.makeKnownTo(GROUP);
        DefinitionEvents.ensureDefaultVersion1();
        List<Events.Event> events = new ArrayList<>();
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put(CHENGZHONG, "880000000.00");   // 73.33…%: −10 exactly, no warning, rank 1
        signed.put(YUFENG, "880000000.00");   // the same completion: shares rank 1
        signed.put(LIUNAN, "879999999.99");   // just below −10: yellow, rank 3
        signed.put(LIUBEI, "760000000.00");   // −20 exactly: yellow, not red, rank 4
        signed.put(LIUJIANG, "759999999.99");   // just below −20: red, rank 5
        signed.put(LIUCHENG, "990000000.00");   // no target: no rank, no warning
        for (String county : signed.keySet()) {
            if (!county.equals(LIUCHENG)) {
                events.add(targetSet(county, 2031, Map.of("CONTRACT_INVESTMENT", TARGET)));
            }
        }
        events.add(teamDefined(TEAM, LIUZHOU, "柳州驻深圳招商工作队", "GBA", Map.of("2031", TARGET)));
        signed.forEach((county, amount) -> {
            boolean byTeam = county.equals(LIUBEI);
            events.add(registered(new Events.ProjectSpec(UUID.randomUUID(), county, "SIGNED", amount,
                    LocalDate.of(2031, 3, 15), true, true, List.of(), byTeam ? "RESIDENT_TEAM" : null,
                    byTeam ? TEAM : null, null, LocalDate.of(2031, 3, 15))));
        });
        // project warnings as project-service raises and clears them: open at October's end, and cleared in June
        events.add(ProjectWarningEvents.raised(STILL_OPEN, LIUNAN, "STALE", "NEGOTIATING", "2031-04-01", "2031-05-10T02:00:00Z"));
        events.add(ProjectWarningEvents.raised(CLEARED, LIUJIANG, "NOT_STARTED", "SIGNED", "2031-05-01", "2031-05-12T02:00:00Z"));
        events.add(Events.event(EventTypes.PROJECT_WARNING_CLEARED, CLEARED.toString(), Events.orgpath(LIUJIANG), Map.of(
                "warningId", CLEARED.toString(), "projectId", CLEARED.toString(), "orgUnit", LIUJIANG, "kind", "NOT_STARTED",
                "clearedAt", "2031-06-03T02:00:00Z")));
        EventFeed.sendAndAwait(PlatformServers.kafka().bootstrapServers(), GROUP, events, DEADLINE);
    }

    private static final UUID STILL_OPEN = UUID.nameUUIDFromBytes("liuzhou-2031-warning-1".getBytes());
    private static final UUID CLEARED = UUID.nameUUIDFromBytes("liuzhou-2031-warning-2".getBytes());

    @Test
    void siblingsAreRankedByCompletionWithTiesSharingARank() {
        JsonNode ranking = get("/api/reports/units/" + LIUZHOU + "/rankings?month=2031-10");

        assertThat(ranking.get("rules").get("definitionVersion").asInt()).isEqualTo(1);
        assertThat(ranking.get("rules").get("rankingMethod").asString()).isEqualTo("COMPLETION_RATE");
        JsonNode items = ranking.get("items");
        assertThat(items.valueStream().limit(5).map(item -> item.get("orgUnit").asString()))
                .containsExactly(CHENGZHONG, YUFENG, LIUNAN, LIUBEI, LIUJIANG);
        assertThat(items.valueStream().limit(5).map(item -> item.get("rank").asInt())).containsExactly(1, 1, 3, 4, 5);
        assertThat(items).hasSize(10);
        items.valueStream().skip(5).forEach(unranked -> {
            assertThat(unranked.get("rank").isNull()).as(unranked.toString()).isTrue();
            assertThat(unranked.get("completionPercent").isNull()).isTrue();
        });
        JsonNode first = items.get(0);
        assertThat(first.get("completionPercent").asString()).isEqualTo("73.33");
        assertThat(first.get("progressGap").asString()).isEqualTo("-10");
        assertThat(first.get("progressGapPoints").asString()).isEqualTo("-10.0");
        assertThat(first.get("contractInvestmentYi").asString()).isEqualTo("8.80");
        JsonNode withoutTarget = items.valueStream().filter(item -> item.get("orgUnit").asString().equals(LIUCHENG))
                .findFirst().orElseThrow();
        assertThat(withoutTarget.get("contractInvestment").asString()).isEqualTo("990000000.00");
    }

    @Test
    void warningsHoldAtTheirExactBoundariesComparedUnroundedAndStrictlyBelow() {
        JsonNode warnings = get("/api/reports/units/" + LIUZHOU + "/warnings?month=2031-10");

        assertThat(warnings.get("rules").get("yellowBelowGapPoints").asString()).isEqualTo("-10");
        assertThat(warnings.get("rules").get("redBelowGapPoints").asString()).isEqualTo("-20");
        Map<String, String> byUnit = new LinkedHashMap<>();
        warnings.get("units").forEach(unit -> byUnit.put(unit.get("orgUnit").asString(), unit.get("warning").asString()));
        assertThat(byUnit).containsExactly(Map.entry(LIUNAN, "YELLOW"), Map.entry(LIUBEI, "YELLOW"),
                Map.entry(LIUJIANG, "RED"));
        // −9.99999999… shows as −10.0 but is below −10 only when the exact value is
        JsonNode justBelow = warnings.get("units").get(0);
        assertThat(justBelow.get("progressGapPoints").asString()).isEqualTo("-10.0");
        assertThat(justBelow.get("progressGap").asString()).startsWith("-10.00000000");

        assertThat(warnings.get("teams")).hasSize(1);
        JsonNode team = warnings.get("teams").get(0);
        assertThat(team.get("teamId").asString()).isEqualTo(TEAM.toString());
        assertThat(team.get("signedInvestment").asString()).isEqualTo("760000000.00");
        assertThat(team.get("progressGap").asString()).isEqualTo("-20");
        assertThat(team.get("warning").asString()).isEqualTo("YELLOW");

        // project warnings are shown as project-service published them, open at the month's end
        assertThat(warnings.get("projects").valueStream().map(project -> project.get("warningId").asString()))
                .containsExactly(STILL_OPEN.toString());
        assertThat(warnings.get("projects").get(0).get("kind").asString()).isEqualTo("STALE");
        assertThat(get("/api/reports/units/" + LIUZHOU + "/warnings?month=2031-05").get("projects").valueStream()
                .map(project -> project.get("warningId").asString()))
                .containsExactly(STILL_OPEN.toString(), CLEARED.toString());
        assertThat(get("/api/reports/units/" + LIUZHOU + "/warnings?month=2031-04").get("projects")).isEmpty();
    }

    @Test
    void theRulesOfTheVersionInForceApply() {
        // from 2032-01-01 a version ranks by weighted score and warns yellow below −5 (2031 keeps version 1)
        DefinitionEvents.sendAndAwait(DefinitionEvents.published(50, LocalDate.of(2032, 1, 1),
                new DefinitionPublished.Rules("-5", "-20", "WEIGHTED_SCORE", Map.of("CONTRACT_INVESTMENT", "2"), "0.5", 5)));
        assertThat(get("/api/reports/units/" + LIUZHOU + "/rankings?month=2031-12").get("rules").get("definitionVersion").asInt())
                .isEqualTo(1);

        JsonNode ranking = get("/api/reports/units/" + LIUZHOU + "/rankings?month=2032-01");
        assertThat(ranking.get("rules").get("definitionVersion").asInt()).isEqualTo(50);
        assertThat(ranking.get("rules").get("rankingMethod").asString()).isEqualTo("WEIGHTED_SCORE");
        // no targets for 2032 anywhere: no score, no rank
        assertThat(ranking.get("items").valueStream().allMatch(item -> item.get("rank").isNull())).isTrue();
    }

    @Test
    void aCountySeesNeitherItsCitysRankingNorItsNeighboursWarnings() {
        ApiClient chengzhong = ApiClient.atPort(port)
                .withToken(PlatformServers.identityProvider().tokenFor("cz-viewer", CHENGZHONG, "viewer"));
        assertThat(chengzhong.get("/api/reports/units/" + LIUZHOU + "/rankings?month=2031-10").status()).isEqualTo(404);
        assertThat(chengzhong.get("/api/reports/units/" + YUFENG + "/warnings?month=2031-10").status()).isEqualTo(404);
        assertThat(chengzhong.get("/api/reports/units/" + CHENGZHONG + "/warnings?month=2031-10").status()).isEqualTo(200);
        ApiClient.Response badMonth = liuzhou.get("/api/reports/units/" + LIUZHOU + "/rankings?month=2031-13");
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.json().get("errors").get(0).get("field").asString()).isEqualTo("month");
    }

    private JsonNode get(String path) {
        ApiClient.Response response = liuzhou.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
