package cn.gov.zhaoshang.reporting.cockpit;

import cn.gov.zhaoshang.reporting.cockpit.web.CockpitResponse;
import static cn.gov.zhaoshang.reporting.support.Events.engagement;
import static cn.gov.zhaoshang.reporting.support.Events.fundsReported;
import static cn.gov.zhaoshang.reporting.support.Events.registered;
import static cn.gov.zhaoshang.reporting.support.Events.stageChanged;
import static cn.gov.zhaoshang.reporting.support.Events.targetSet;
import static cn.gov.zhaoshang.reporting.support.Events.teamDefined;
import static cn.gov.zhaoshang.reporting.support.Events.terminated;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.reporting.definitions.DefinitionEvents;
import cn.gov.zhaoshang.reporting.ranking.ProjectWarningEvents;
import cn.gov.zhaoshang.reporting.support.EventFeed;
import cn.gov.zhaoshang.reporting.support.Events;
import cn.gov.zhaoshang.reporting.support.Events.ProjectSpec;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.GeneratedOrgUnits;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/reports/units/{code}/cockpit}, through events on the real topics and the API.
 * 贵港 and its counties, 南宁, 柳州 and their region are generated units of this class alone
 * ({@link GeneratedOrgUnits}, named as the real ones), so no other class's figures meet them. The
 * city's January–October 2020 has the worked example's figures (890.15亿 of 750亿, last year 796.70亿; manufacturing
 * 591.97亿 against 45%; funds 549.72亿 of 520亿, last year 427.33亿) on 24 projects, with targets
 * that make the other cards warn: 24 of 34 signings (yellow), 3 of 6 四类500强 (red), landing 8 of 24
 * against 60% (red), start 6 of 24 against 40% (yellow). Around them: a terminated project with
 * funds, an unconfirmed signing and a November signing, which no figure may count.
 */
@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitApiIT {

    private static final GeneratedOrgUnits UNITS = GeneratedOrgUnits.newTree()
            .cityLike("450100").cityLike("450200").cityLike("450800").build();
    private static final String REGION = UNITS.twinOf("450000").code();
    private static final String NANNING = UNITS.twinOf("450100").code();
    private static final String LIUZHOU = UNITS.twinOf("450200").code();
    private static final String GUIGANG = UNITS.twinOf("450800").code();
    private static final String GANGBEI = UNITS.twinOf("450802").code();
    private static final String GANGNAN = UNITS.twinOf("450803").code();
    private static final String QINTANG = UNITS.twinOf("450804").code();
    private static final String PINGNAN = UNITS.twinOf("450821").code();
    private static final String GUIPING = UNITS.twinOf("450881").code();

    private static final Logger log = LoggerFactory.getLogger(CockpitApiIT.class);
    private static final String GROUP = "reporting-service";
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String PERIOD = "2020-10-YTD";
    private static final UUID TEAM_GBA = UUID.nameUUIDFromBytes("cockpit-2020-team-gba".getBytes());
    private static final UUID TEAM_YRD = UUID.nameUUIDFromBytes("cockpit-2020-team-yrd".getBytes());
    private static final UUID WARNING_GANGBEI = UUID.nameUUIDFromBytes(("cockpit-2020-warning-" + GANGBEI).getBytes());
    private static final UUID WARNING_GUIPING = UUID.nameUUIDFromBytes(("cockpit-2020-warning-" + GUIPING).getBytes());
    private static final UUID WARNING_GANGNAN_PROBLEM = UUID.nameUUIDFromBytes(("cockpit-2020-problem-warning-" + GANGNAN).getBytes());
    private static final List<String> COUNT_CARD_FIELDS = List.of("targetCode", "actual", "actualYi", "lastYear",
            "lastYearYi", "target", "targetYi", "completion", "yearOnYear", "progressGap");
    private static final List<String> STANDING_ROW_FIELDS = List.of("orgUnit", "name", "level", "rank", "score",
            "contractInvestment", "signedCount", "fundsInPlaceYi", "warningLevel", "self");

    @LocalServerPort
    int port;

    ApiClient guigang;
    ApiClient guiping;
    ApiClient region;
    final List<Events.Event> events = new ArrayList<>();
    final List<UUID> lastYear = new ArrayList<>();

    @BeforeAll
    void feed() {
        UNITS.makeKnownTo(GROUP);
        guigang = as("gg-viewer", GUIGANG, "viewer");
        guiping = as("gp-officer", GUIPING, "officer");
        region = as("gx-viewer", REGION, "viewer");
        DefinitionEvents.ensureDefaultVersion1();
        build();
        EventFeed.sendAndAwait(PlatformServers.kafka().bootstrapServers(), GROUP, events, DEADLINE);
    }

    // ------------------------------------------------------------------------------------ (b) cards

    @Test
    void theCardsAreTheUnitReportsFiguresFieldByField() {
        for (String unit : List.of(GUIGANG, GUIPING)) {
            for (String period : List.of(PERIOD, "2020-Q3", "2020")) {
                JsonNode cockpit = cockpit(guigang, unit, period);
                JsonNode report = get(guigang, "/api/reports/units/" + unit + "?period=" + period);
                String what = unit + " " + period;

                for (String field : List.of("orgUnit", "orgUnitName", "level", "period", "from", "to", "definitionVersion",
                        "timeProgress")) {
                    assertThat(cockpit.get(field)).as(what + " " + field).isEqualTo(report.get(field));
                }
                JsonNode cards = cockpit.get("cards");
                assertSameFigure(what, cards.get("signedCount"), report.get("signedCount"));
                assertSameFigure(what, cards.get("contractInvestment"), report.get("contractInvestment"));
                assertSameFigure(what, cards.get("fundsInPlace"), report.get("fundsInPlace"));
                assertSameFigure(what, cards.get("top500"), report.get("top500").get("fourClasses"));
                for (String share : List.of("manufacturingShare", "landingRate", "startRate")) {
                    for (String field : List.of("actual", "targetPercent", "gap")) {
                        assertThat(cards.get(share).get(field)).as(what + " " + share + "." + field)
                                .isEqualTo(report.get(share).get(field));
                    }
                }
                // (6) the funnel is the report's
                assertThat(cockpit.get("funnel").get("total")).as(what).isEqualTo(report.get("residentTeams").get("total"));
                assertThat(cockpit.get("funnel").get("keyAreas")).as(what)
                        .isEqualTo(report.get("residentTeams").get("keyAreas"));
            }
        }

        // and they are the worked example's figures, not merely the same as another endpoint's
        JsonNode city = cockpit(guigang, GUIGANG, PERIOD);
        assertThat(city.get("parentCode").asString()).isEqualTo(REGION);
        assertThat(city.get("timeProgress").get("percent").asString()).isEqualTo("83.33");
        JsonNode cards = city.get("cards");
        assertThat(cards.get("signedCount").get("actual").asString()).isEqualTo("24");
        JsonNode contract = cards.get("contractInvestment");
        assertThat(contract.get("actual").asString()).isEqualTo("89015000000.00");
        assertThat(contract.get("actualYi").asString()).isEqualTo("890.15");
        assertThat(contract.get("completion").get("percent").asString()).isEqualTo("118.69");
        assertThat(contract.get("yearOnYear").get("percent").asString()).isEqualTo("11.73");
        assertThat(contract.get("lastYearYi").asString()).isEqualTo("796.70");
        assertThat(contract.get("progressGap").get("points").asString()).isEqualTo("35.4");
        assertThat(cards.get("manufacturingShare").get("actual").get("percent").asString()).isEqualTo("66.50");
        assertThat(cards.get("manufacturingShare").get("gap").get("points").asString()).isEqualTo("21.5");
        JsonNode funds = cards.get("fundsInPlace");
        assertThat(funds.get("actualYi").asString()).isEqualTo("549.72");
        assertThat(funds.get("completion").get("percent").asString()).isEqualTo("105.72");
        assertThat(funds.get("yearOnYear").get("percent").asString()).isEqualTo("28.64");
        assertThat(cards.get("top500").get("targetCode").asString()).isEqualTo("TOP500_FOUR_CLASSES");
        assertThat(cards.get("top500").get("actual").asString()).isEqualTo("3");
        assertThat(cards.get("landingRate").get("actual").get("numerator").asString()).isEqualTo("8");
        assertThat(cards.get("startRate").get("actual").get("numerator").asString()).isEqualTo("6");
        assertThat(city.get("funnel").get("total").get("docked").asLong()).isEqualTo(5);
        assertThat(city.get("funnel").get("total").get("intentAmountYi").asString()).isEqualTo("10.00");
        // per key area of the teams (the city's other teams, of other tests' years, show with zeros)
        Map<String, Long> dockedByArea = new LinkedHashMap<>();
        city.get("funnel").get("keyAreas").forEach(area -> dockedByArea.put(area.get("keyArea").asString(),
                area.get("funnel").get("docked").asLong()));
        assertThat(dockedByArea).containsEntry("GBA", 3L).containsEntry("YRD", 2L);
        assertThat(dockedByArea.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);

        timeTheCockpitOfGuigang();
    }

    private static void assertSameFigure(String what, JsonNode card, JsonNode figure) {
        for (String field : COUNT_CARD_FIELDS) {
            assertThat(card.has(field)).as(what + " card has " + field).isTrue();
            assertThat(card.get(field)).as(what + " " + field).isEqualTo(figure.get(field));
        }
        assertThat(card.has("warningLevel")).as(what).isTrue();
    }

    /** Rule 8: rough figures for the record (no assertion; the benchmark is a command of its own). */
    private void timeTheCockpitOfGuigang() {
        double[] city = time(guigang, "/api/reports/units/" + GUIGANG + "/cockpit?period=" + PERIOD);
        double[] county = time(guiping, "/api/reports/units/" + GUIPING + "/cockpit?period=" + PERIOD);
        double[] report = time(guigang, "/api/reports/units/" + GUIGANG + "?period=" + PERIOD);
        log.info("cockpit {}, directly (no gateway), 30 requests after 10 warm-up each: " + GUIGANG + " min {} / p50 {} / max {} ms;"
                        + " " + GUIPING + " min {} / p50 {} / max {} ms; the unit report of " + GUIGANG + " alone min {} / p50 {} / max {} ms",
                PERIOD, city[0], city[1], city[2], county[0], county[1], county[2], report[0], report[1], report[2]);
    }

    /** min, p50 and max in milliseconds of 30 requests after 10 to warm up. */
    private static double[] time(ApiClient client, String path) {
        for (int i = 0; i < 10; i++) {
            assertThat(client.get(path).status()).isEqualTo(200);
        }
        long[] micros = new long[30];
        for (int i = 0; i < micros.length; i++) {
            long start = System.nanoTime();
            assertThat(client.get(path).status()).isEqualTo(200);
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        return new double[] {micros[0] / 1000.0, micros[15] / 1000.0, micros[29] / 1000.0};
    }

    // ----------------------------------------------------------------------------- (e) warning levels

    @Test
    void warningLevelsAreDecidedOnTheYearToDateAtTheWarningMonthAndOnlyWhereTheDataGivesOne() {
        JsonNode city = cockpit(guigang, GUIGANG, PERIOD);
        assertThat(city.get("warningBasis").asString()).isEqualTo(PERIOD);
        JsonNode cards = city.get("cards");
        // 24 of 34 signings: 70.59% at 83.33% → −12.7 points
        assertThat(level(cards, "signedCount")).isEqualTo("YELLOW");
        // 118.69% and 105.72%: ahead of time progress, with a target
        assertThat(level(cards, "contractInvestment")).isEqualTo("NONE");
        assertThat(level(cards, "fundsInPlace")).isEqualTo("NONE");
        // 3 of 6: 50% → −33.3
        assertThat(level(cards, "top500")).isEqualTo("RED");
        // 66.50% against 45%: +21.5
        assertThat(level(cards, "manufacturingShare")).isEqualTo("NONE");
        // 33.33% against 60%: −26.7; 25% against 40%: −15
        assertThat(level(cards, "landingRate")).isEqualTo("RED");
        assertThat(level(cards, "startRate")).isEqualTo("YELLOW");

        // 平南 has a contract target only (60亿 of 120亿: −33.3), 桂平 no target at all: nothing is invented
        JsonNode pingnan = cockpit(guigang, PINGNAN, PERIOD).get("cards");
        assertThat(level(pingnan, "contractInvestment")).isEqualTo("RED");
        for (String card : List.of("signedCount", "fundsInPlace", "top500", "manufacturingShare", "landingRate", "startRate")) {
            assertThat(level(pingnan, card)).as(card).isEqualTo("NONE");
        }
        JsonNode guipingCards = cockpit(guiping, GUIPING, PERIOD).get("cards");
        guipingCards.properties().forEach(card -> assertThat(card.getValue().get("warningLevel").isNull())
                .as(card.getKey()).isTrue());

        // a quarter: the cards are the quarter's figures (Q3 alone is 51.60% at 75%, −23.4 points), the
        // level is that of January–September (109.35%): none
        JsonNode quarter = cockpit(guigang, GUIGANG, "2020-Q3");
        assertThat(quarter.get("warningBasis").asString()).isEqualTo("2020-09-YTD");
        assertThat(quarter.get("cards").get("contractInvestment").get("progressGap").get("points").asString())
                .isEqualTo("-23.4");
        assertThat(level(quarter.get("cards"), "contractInvestment")).isEqualTo("NONE");
        // the contract level is the very warning the warnings and rankings endpoints give the unit
        assertThat(get(guigang, "/api/reports/units/" + GUIGANG + "/rankings?month=2020-10").get("items").valueStream()
                .filter(item -> item.get("orgUnit").asString().equals(PINGNAN)).findFirst().orElseThrow()
                .get("warning").asString()).isEqualTo("RED");

        // a period that ends after today is evaluated at the current month (Beijing time)
        YearMonth before = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        JsonNode thisYear = cockpit(guigang, GUIGANG, String.valueOf(before.getYear()));
        YearMonth after = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        assertThat(thisYear.get("warningBasis").asString()).isIn(before + "-YTD", after + "-YTD");
        assertThat(thisYear.get("period").asString()).isEqualTo(String.valueOf(before.getYear()));
        // the year's last month is in the future unless it is December; then the basis is the period's own end
        if (before.getMonthValue() < 12) {
            assertThat(thisYear.get("warningBasis").asString()).isNotEqualTo(before.getYear() + "-12-YTD");
        }
        JsonNode nextYear = cockpit(guigang, GUIGANG, (before.getYear() + 1) + "-01");
        assertThat(nextYear.get("warningBasis").asString()).isIn(before + "-YTD", after + "-YTD");
        assertThat(nextYear.get("trend").get(23).get("month").asString()).isEqualTo((before.getYear() + 1) + "-01");
    }

    private static String level(JsonNode cards, String card) {
        JsonNode level = cards.get(card).get("warningLevel");
        return level.isNull() ? "NONE" : level.asString();
    }

    // ------------------------------------------------------------------------ (c) ranking, (7) warnings

    @Test
    void theRankingIsTheRankingsEndpointsAndTheWarningsAreTheWarningsEndpoints() {
        for (String[] periodAndMonth : new String[][] {{PERIOD, "2020-10"}, {"2020-Q3", "2020-09"}}) {
            JsonNode cockpit = cockpit(guigang, GUIGANG, periodAndMonth[0]);
            JsonNode rankings = get(guigang, "/api/reports/units/" + GUIGANG + "/rankings?month=" + periodAndMonth[1]);
            JsonNode ranking = cockpit.get("ranking");
            assertThat(ranking.get("method").asString()).isEqualTo(rankings.get("rules").get("rankingMethod").asString());
            assertThat(ranking.get("timeProgress").get("denominator").asString()).isEqualTo("12");
            assertThat(ranking.get("timeProgress").get("numerator").asString())
                    .isEqualTo(String.valueOf(YearMonth.parse(periodAndMonth[1]).getMonthValue()));
            JsonNode rows = ranking.get("units");
            JsonNode items = rankings.get("items");
            assertThat(rows).hasSize(items.size());
            for (int i = 0; i < items.size(); i++) {
                JsonNode row = rows.get(i);
                JsonNode item = items.get(i);
                assertThat(row.get("orgUnit")).isEqualTo(item.get("orgUnit"));
                assertThat(row.get("name")).isEqualTo(item.get("orgUnitName"));
                assertThat(row.get("rank")).isEqualTo(item.get("rank"));
                assertThat(row.get("warningLevel")).isEqualTo(item.get("warning"));
                assertThat(row.get("contractInvestment").get("actual")).isEqualTo(item.get("contractInvestment"));
                assertThat(row.get("contractInvestment").get("target")).isEqualTo(item.get("target"));
                assertThat(row.get("self").asBoolean()).isFalse();
                if (item.get("score").isNull()) {
                    assertThat(row.get("score").isNull()).isTrue();
                } else {
                    assertThat(new BigDecimal(row.get("score").get("value").asString()))
                            .isEqualByComparingTo(item.get("score").asString());
                    assertThat(row.get("score").get("percent")).isEqualTo(item.get("completionPercent"));
                }
            }
        }
        JsonNode rows = cockpit(guigang, GUIGANG, PERIOD).get("ranking").get("units");
        assertThat(rows.valueStream().limit(5).map(row -> row.get("orgUnit").asString()))
                .containsExactly(GANGBEI, QINTANG, GANGNAN, PINGNAN, GUIPING);
        assertThat(rows.valueStream().limit(5).map(row -> row.get("rank").isNull() ? 0 : row.get("rank").asInt()))
                .containsExactly(1, 2, 3, 4, 0);
        JsonNode gangbei = rows.get(0);
        assertThat(gangbei.get("name").asString()).isEqualTo("港北区");
        assertThat(gangbei.get("level").asString()).isEqualTo("COUNTY");
        assertThat(gangbei.get("score").get("numerator").asString()).isEqualTo("22000000000.00");
        assertThat(gangbei.get("score").get("percent").asString()).isEqualTo("110.00");
        assertThat(gangbei.get("contractInvestment").get("actualYi").asString()).isEqualTo("220.00");
        assertThat(gangbei.get("contractInvestment").get("completion").get("percent").asString()).isEqualTo("110.00");
        assertThat(gangbei.get("signedCount").asString()).isEqualTo("5");
        // 100亿 on its 2020 project and 50亿 on a continuing one of 2019
        assertThat(gangbei.get("fundsInPlaceYi").asString()).isEqualTo("150.00");
        assertThat(rows.get(2).get("warningLevel").asString()).isEqualTo("YELLOW");
        assertThat(rows.get(3).get("warningLevel").asString()).isEqualTo("RED");
        assertThat(rows.get(4).get("score").isNull()).isTrue();

        // (7) the warnings are exactly the warnings endpoint's rows at the warning month
        for (String[] periodAndMonth : new String[][] {{PERIOD, "2020-10"}, {"2020-Q3", "2020-09"}, {"2020-Q2", "2020-06"}}) {
            JsonNode warnings = cockpit(guigang, GUIGANG, periodAndMonth[0]).get("warnings");
            JsonNode endpoint = get(guigang, "/api/reports/units/" + GUIGANG + "/warnings?month=" + periodAndMonth[1]);
            assertThat(warnings.propertyNames()).containsExactly("units", "teams", "projects");
            for (String list : List.of("units", "teams", "projects")) {
                assertThat(warnings.get(list)).as(periodAndMonth[0] + " " + list).isEqualTo(endpoint.get(list));
            }
        }
        JsonNode warnings = cockpit(guigang, GUIGANG, PERIOD).get("warnings");
        assertThat(warnings.get("units").valueStream().map(unit -> unit.get("orgUnit").asString() + " " + unit.get("warning")
                .asString())).containsExactly(GANGNAN + " YELLOW", PINGNAN + " RED");
        assertThat(warnings.get("teams").valueStream().map(team -> team.get("teamId").asString()))
                .containsExactly(TEAM_YRD.toString());
        assertThat(warnings.get("projects").valueStream().map(project -> project.get("warningId").asString()))
                .containsExactlyInAnyOrder(WARNING_GANGBEI.toString(), WARNING_GUIPING.toString(), WARNING_GANGNAN_PROBLEM.toString());
        assertThat(warnings.get("projects").valueStream()
                .filter(project -> project.get("warningId").asString().equals(WARNING_GANGNAN_PROBLEM.toString()))
                .map(project -> project.get("kind").asString() + " " + project.get("stage").asString() + " "
                        + project.get("since").asString() + " " + project.get("orgUnit").asString()))
                .containsExactly("PROBLEM_OVERDUE STARTED 2020-08-20 " + GANGNAN);
        // raised in September: not open at the end of June
        assertThat(cockpit(guigang, GUIGANG, "2020-Q2").get("warnings").get("projects")).isEmpty();
    }

    // ------------------------------------------------------------------------------------- (d) trend

    @Test
    void theTrendsMonthsAddUpToTheReportsFigures() {
        JsonNode trend = cockpit(guigang, GUIGANG, PERIOD).get("trend");
        assertThat(trend).hasSize(24);
        assertThat(trend.get(0).get("month").asString()).isEqualTo("2018-11");
        assertThat(trend.get(23).get("month").asString()).isEqualTo("2020-10");
        for (int i = 1; i < trend.size(); i++) {
            assertThat(YearMonth.parse(trend.get(i).get("month").asString()))
                    .isEqualTo(YearMonth.parse(trend.get(i - 1).get("month").asString()).plusMonths(1));
        }

        JsonNode report = get(guigang, "/api/reports/units/" + GUIGANG + "?period=" + PERIOD);
        // January–October 2020 are the last ten months
        assertThat(sum(trend, 14, 24, "contractInvestment")).isEqualTo(report.get("contractInvestment").get("actual").asString())
                .isEqualTo("89015000000.00");
        assertThat(sum(trend, 14, 24, "contractInvestmentLastYear"))
                .isEqualTo(report.get("contractInvestment").get("lastYear").asString()).isEqualTo("79670000000.00");
        assertThat(sum(trend, 14, 24, "fundsInPlace")).isEqualTo(report.get("fundsInPlace").get("actual").asString())
                .isEqualTo("54972000000.00");
        assertThat(sum(trend, 14, 24, "fundsInPlaceLastYear")).isEqualTo(report.get("fundsInPlace").get("lastYear").asString())
                .isEqualTo("42733000000.00");
        // and January–October 2019, the first year's months, are last year's year to date
        assertThat(sum(trend, 2, 12, "contractInvestment")).isEqualTo("79670000000.00");
        assertThat(sum(trend, 2, 12, "fundsInPlace")).isEqualTo("42733000000.00");

        // the edges: November 2018 (15亿, a year before 7亿), December 2018's funds (5亿, a year before 3亿)
        JsonNode november2018 = trend.get(0);
        assertThat(november2018.get("contractInvestment").asString()).isEqualTo("1500000000.00");
        assertThat(november2018.get("contractInvestmentYi").asString()).isEqualTo("15.00");
        assertThat(november2018.get("contractInvestmentLastYear").asString()).isEqualTo("700000000.00");
        assertThat(november2018.get("contractInvestmentLastYearYi").asString()).isEqualTo("7.00");
        assertThat(trend.get(1).get("fundsInPlace").asString()).isEqualTo("500000000.00");
        assertThat(trend.get(1).get("fundsInPlaceLastYear").asString()).isEqualTo("300000000.00");
        assertThat(trend.get(1).get("fundsInPlaceLastYearYi").asString()).isEqualTo("3.00");
        assertThat(trend.get(12).get("contractInvestment").asString()).isEqualTo("1200000000.00");
        assertThat(trend.get(12).get("contractInvestmentLastYear").asString()).isEqualTo("1500000000.00");

        for (int i = 0; i < trend.size(); i++) {
            JsonNode month = trend.get(i);
            if (i >= 12) {
                // a month's last year is the trend's month a year before
                assertThat(month.get("contractInvestmentLastYear")).isEqualTo(trend.get(i - 12).get("contractInvestment"));
                assertThat(month.get("fundsInPlaceLastYear")).isEqualTo(trend.get(i - 12).get("fundsInPlace"));
            }
            // and each month is that month's report
            JsonNode monthly = get(guigang, "/api/reports/units/" + GUIGANG + "?period=" + month.get("month").asString());
            assertThat(month.get("contractInvestment")).as(month.toString()).isEqualTo(monthly.get("contractInvestment").get("actual"));
            assertThat(month.get("contractInvestmentLastYear")).isEqualTo(monthly.get("contractInvestment").get("lastYear"));
            assertThat(month.get("fundsInPlace")).isEqualTo(monthly.get("fundsInPlace").get("actual"));
            assertThat(month.get("fundsInPlaceLastYear")).isEqualTo(monthly.get("fundsInPlace").get("lastYear"));
            assertThat(month.get("fundsInPlaceYi")).isEqualTo(monthly.get("fundsInPlace").get("actualYi"));
        }

        // a county's trend is its own: 港北's January–October 2020
        JsonNode gangbei = cockpit(guigang, GANGBEI, PERIOD).get("trend");
        assertThat(sum(gangbei, 14, 24, "contractInvestment")).isEqualTo("22000000000.00");
    }

    private static String sum(JsonNode trend, int from, int to, String field) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            sum = sum.add(new BigDecimal(trend.get(i).get(field).asString()));
        }
        return sum.setScale(2).toPlainString();
    }

    // ------------------------------------------------------------------------------ (f) siblings

    @Test
    void aCountySeesItsCitysRankingOfItsSiblingsAndNothingElseOfThem() {
        JsonNode own = cockpit(guiping, GUIPING, PERIOD);
        JsonNode siblings = own.get("siblings");
        assertThat(siblings.propertyNames()).containsExactly("parentCode", "parentName", "method", "timeProgress", "units");
        assertThat(siblings.get("parentCode").asString()).isEqualTo(GUIGANG);
        assertThat(siblings.get("parentName").asString()).isEqualTo("贵港市");
        assertThat(siblings.get("method").asString()).isEqualTo("COMPLETION_RATE");
        assertThat(siblings.get("timeProgress").get("percent").asString()).isEqualTo("83.33");

        // the very rows of the city's own ranking, 桂平 marked as itself
        JsonNode cityRows = cockpit(guigang, GUIGANG, PERIOD).get("ranking").get("units");
        JsonNode rows = siblings.get("units");
        assertThat(rows).hasSize(cityRows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            assertThat(row.propertyNames()).containsExactlyElementsOf(STANDING_ROW_FIELDS);
            assertThat(row.get("self").asBoolean()).isEqualTo(row.get("orgUnit").asString().equals(GUIPING));
            for (String field : STANDING_ROW_FIELDS) {
                if (!field.equals("self")) {
                    assertThat(row.get(field)).as(row.get("orgUnit") + " " + field).isEqualTo(cityRows.get(i).get(field));
                }
            }
        }
        assertThat(rows.valueStream().filter(row -> row.get("self").asBoolean()).map(row -> row.get("orgUnit").asString()))
                .containsExactly(GUIPING);
        assertThat(rows.get(0).get("orgUnit").asString()).isEqualTo(GANGBEI);
        assertThat(rows.get(0).get("contractInvestment").get("actualYi").asString()).isEqualTo("220.00");

        // nothing of a sibling beyond those rows: no team, project or warning of 港北 (only the city's
        // team that works under 桂平 is 桂平's, as its own warnings endpoint shows it)
        String body = guiping.get("/api/reports/units/" + GUIPING + "/cockpit?period=" + PERIOD).body();
        assertThat(body).doesNotContain(WARNING_GANGBEI.toString()).doesNotContain(TEAM_GBA.toString());
        JsonNode ownWarnings = get(guiping, "/api/reports/units/" + GUIPING + "/warnings?month=2020-10");
        for (String list : List.of("units", "teams", "projects")) {
            assertThat(own.get("warnings").get(list)).as(list).isEqualTo(ownWarnings.get(list));
        }
        assertThat(own.get("warnings").get("projects").valueStream().map(project -> project.get("warningId").asString()))
                .containsExactly(WARNING_GUIPING.toString());
        assertThat(own.get("warnings").get("units")).isEmpty();
        assertThat(own.get("warnings").get("teams").valueStream().map(team -> team.get("teamId").asString()))
                .containsExactly(TEAM_YRD.toString());
        assertThat(own.get("ranking").get("units")).isEmpty();
        assertThat(own.get("parentCode").asString()).isEqualTo(GUIGANG);

        // and the scope is otherwise untouched
        for (String path : List.of("/api/reports/units/" + GANGBEI + "?period=" + PERIOD, "/api/reports/units/" + GANGBEI + "/cockpit?period=" + PERIOD,
                "/api/reports/units/" + GUIGANG + "/cockpit?period=" + PERIOD, "/api/reports/units/" + GUIGANG + "/children?period=" + PERIOD,
                "/api/reports/units/" + GUIGANG + "/rankings?month=2020-10", "/api/reports/units/" + GANGBEI + "/warnings?month=2020-10",
                "/api/reports/units/" + GUIGANG + "/warnings?month=2020-10")) {
            ApiClient.Response response = guiping.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("港北").doesNotContain("220.00");
        }

        // the region has no parent and no siblings; its children are the cities
        JsonNode guangxi = cockpit(region, REGION, PERIOD);
        assertThat(guangxi.get("parentCode").isNull()).isTrue();
        assertThat(guangxi.get("siblings").isNull()).isTrue();
        assertThat(guangxi.get("ranking").get("units").valueStream().map(row -> row.get("orgUnit").asString()))
                .contains(NANNING, LIUZHOU, GUIGANG).allMatch(code -> code.endsWith("00"));
        // a city's siblings are the region's cities
        assertThat(cockpit(guigang, GUIGANG, PERIOD).get("siblings").get("units").valueStream()
                .filter(row -> row.get("self").asBoolean()).map(row -> row.get("contractInvestment").get("actual").asString()))
                .containsExactly("89015000000.00");
    }

    // ------------------------------------------------------------------------- (g) the request itself

    @Test
    void aBadOrMissingPeriodIs400NamingItAndAUnitOutsideTheScopeIs404() {
        for (String query : List.of("?period=2020-13", "?period=2020-Q5", "?period=last-month", "")) {
            ApiClient.Response bad = guigang.get("/api/reports/units/" + GUIGANG + "/cockpit" + query);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("period");
        }
        assertThat(guigang.get("/api/reports/units/" + NANNING + "/cockpit?period=" + PERIOD).status()).isEqualTo(404);
        assertThat(guigang.get("/api/reports/units/459999/cockpit?period=" + PERIOD).status()).isEqualTo(404);
        assertThat(guiping.get("/api/reports/units/" + GUIGANG + "/cockpit?period=" + PERIOD).status()).isEqualTo(404);
        assertThat(ApiClient.atPort(port).get("/api/reports/units/" + GUIGANG + "/cockpit?period=" + PERIOD).status())
                .isEqualTo(401);
        ApiClient.Response agency = as("agency-stats", REGION, "agency").get("/api/reports/units/" + GUIGANG + "/cockpit?period=" + PERIOD);
        assertThat(agency.status()).isEqualTo(200);
        assertThat(agency.json().get("orgUnit").asString()).isEqualTo(GUIGANG);
        assertThat(as("gg-contacts", GUIGANG, "contacts-reader").get("/api/reports/units/" + GUIGANG + "/cockpit?period=" + PERIOD)
                .status()).isEqualTo(403);
    }

    // -------------------------------------------------------------------------------- OpenAPI

    @Test
    void theOpenApiDocumentNamesTheResponseTypesAndTheirNullableFields() {
        ApiClient.Response docs = ApiClient.atPort(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode api = docs.json();
        JsonNode operation = api.get("paths").get("/api/reports/units/{code}/cockpit").get("get");
        assertThat(operation.get("responses").get("200").get("content").get("*/*").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/CockpitResponse");
        JsonNode schemas = api.get("components").get("schemas");
        assertThat(schemas.propertyNames()).contains("CockpitResponse", "CockpitCards", "CountCard", "ShareCard",
                "CockpitRanking", "CockpitSiblings", "UnitStandingRow", "StandingContractInvestment", "TrendMonth",
                "CockpitFunnel", "WarningLists", "RateDto", "FunnelDto", "KeyAreaFunnelDto", "UnitRow", "TeamRow", "ProjectRow");

        JsonNode response = schemas.get("CockpitResponse");
        assertThat(response.get("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(response.get("properties").propertyNames());
        assertThat(nullable(response, "parentCode")).isTrue();
        assertThat(nullable(response, "siblings")).isTrue();
        // a nullable reference is "that schema or null" (a null beside a $ref would still be refused)
        assertThat(response.get("properties").get("siblings").get("oneOf").valueStream().map(JsonNode::toString))
                .containsExactly("{\"$ref\":\"#/components/schemas/CockpitSiblings\"}", "{\"type\":\"null\"}");
        assertThat(response.get("properties").get("parentCode").get("type").valueStream().map(JsonNode::asString))
                .containsExactly("string", "null");
        assertThat(nullable(response, "definitionVersion")).isTrue();
        assertThat(nullable(response, "orgUnit")).isFalse();
        assertThat(nullable(response, "cards")).isFalse();
        JsonNode countCard = schemas.get("CountCard");
        assertThat(countCard.get("properties").propertyNames()).containsExactlyElementsOf(
                java.util.stream.Stream.concat(COUNT_CARD_FIELDS.stream(), java.util.stream.Stream.of("warningLevel")).toList());
        assertThat(nullable(countCard, "warningLevel")).isTrue();
        assertThat(nullable(countCard, "completion")).isTrue();
        assertThat(nullable(countCard, "actual")).isFalse();
        assertThat(api.toString()).contains("\"YELLOW\"", "\"RED\"");
        JsonNode row = schemas.get("UnitStandingRow");
        assertThat(row.get("properties").propertyNames()).containsExactlyElementsOf(STANDING_ROW_FIELDS);
        assertThat(nullable(row, "rank")).isTrue();
        assertThat(nullable(row, "score")).isTrue();
        assertThat(nullable(row, "self")).isFalse();
        assertThat(nullable(schemas.get("ShareCard"), "gap")).isTrue();
    }

    /** Whether the property may be null, in OpenAPI 3.0 ({@code nullable}) or 3.1 ({@code type: [..., "null"]}) terms. */
    private static boolean nullable(JsonNode schema, String property) {
        JsonNode node = schema.get("properties").get(property);
        assertThat(node).as(property).isNotNull();
        if (node.has("nullable")) {
            return node.get("nullable").asBoolean();
        }
        String text = node.toString();
        return text.contains("\"null\"");
    }

    // -------------------------------------------------------------------------------- helpers

    private ApiClient as(String user, String unit, String role) {
        return ApiClient.atPort(port).withToken(PlatformServers.identityProvider().tokenFor(user, unit, role));
    }

    private static JsonNode cockpit(ApiClient client, String unit, String period) {
        return get(client, "/api/reports/units/" + unit + "/cockpit?period=" + period);
    }

    private static JsonNode get(ApiClient client, String path) {
        ApiClient.Response response = client.get(path);
        assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
        return response.json();
    }

    // ------------------------------------------------------------------------ the records behind

    private void build() {
        events.add(targetSet(GUIGANG, 2020, Map.of("CONTRACT_INVESTMENT", "75000000000.00",
                "FUNDS_IN_PLACE", "52000000000.00", "MANUFACTURING_SHARE", "45", "SIGNED_COUNT", "34",
                "TOP500_FOUR_CLASSES", "6", "LANDING_RATE", "60", "START_RATE", "40")));
        events.add(targetSet(GANGBEI, 2020, Map.of("CONTRACT_INVESTMENT", "20000000000.00")));
        events.add(targetSet(GANGNAN, 2020, Map.of("CONTRACT_INVESTMENT", "15000000000.00")));
        events.add(targetSet(QINTANG, 2020, Map.of("CONTRACT_INVESTMENT", "10000000000.00")));
        events.add(targetSet(PINGNAN, 2020, Map.of("CONTRACT_INVESTMENT", "12000000000.00")));
        events.add(teamDefined(TEAM_GBA, GUIGANG, "贵港驻深圳招商工作队", "GBA", Map.of("2020", "10000000000.00")));
        events.add(teamDefined(TEAM_YRD, GUIGANG, "贵港驻上海招商工作队", "YRD", Map.of("2020", "30000000000.00")));

        List<UUID> thisYear = thisYearsProjects();
        lastYearsProjects();
        edges();
        funds(thisYear);
        excluded();
        engagements();
        events.add(ProjectWarningEvents.raised(WARNING_GANGBEI, GANGBEI, "STALE", "NEGOTIATING", "2020-08-01",
                "2020-09-10T02:00:00Z"));
        events.add(ProjectWarningEvents.raised(WARNING_GUIPING, GUIPING, "NOT_STARTED", "SIGNED", "2020-08-15",
                "2020-09-11T02:00:00Z"));
        // a started project with an open problem of its problem log past its deadline (issue 20)
        events.add(ProjectWarningEvents.raised(WARNING_GANGNAN_PROBLEM, GANGNAN, "PROBLEM_OVERDUE", "STARTED", "2020-08-20",
                "2020-09-12T02:00:00Z"));
    }

    /**
     * January–October 2020: 24 projects, 890.15亿, of which manufacturing 591.97亿. 港北 220亿 (of 200亿),
     * 港南 100亿 (of 150亿), 覃塘 80亿 (of 100亿), 平南 60亿 (of 120亿), 桂平 430.15亿 (no target). Three
     * on a 500 list, eight landed by October's end, six of them started.
     */
    private List<UUID> thisYearsProjects() {
        Object[][] projects = {
                {GANGBEI, "10000000000.00", true, List.of("FORTUNE_GLOBAL_500", "CHINA_500"), TEAM_GBA},
                {GANGBEI, "5000000000.00", true, List.of(), null},
                {GANGBEI, "4000000000.00", false, List.of(), null},
                {GANGBEI, "2000000000.00", true, List.of(), null},
                {GANGBEI, "1000000000.00", false, List.of(), null},
                {GANGNAN, "4000000000.00", true, List.of("CHINA_PRIVATE_500"), null},
                {GANGNAN, "3000000000.00", true, List.of(), null},
                {GANGNAN, "2000000000.00", false, List.of(), null},
                {GANGNAN, "1000000000.00", false, List.of(), null},
                {QINTANG, "3000000000.00", true, List.of(), null},
                {QINTANG, "2500000000.00", false, List.of(), null},
                {QINTANG, "1500000000.00", true, List.of(), null},
                {QINTANG, "1000000000.00", false, List.of(), null},
                {PINGNAN, "3000000000.00", true, List.of(), null},
                {PINGNAN, "2000000000.00", false, List.of(), null},
                {PINGNAN, "1000000000.00", false, List.of(), null},
                {GUIPING, "20000000000.00", true, List.of("CHINA_MANUFACTURING_500"), null},
                {GUIPING, "7697000000.00", true, List.of(), null},
                {GUIPING, "5000000000.00", false, List.of(), TEAM_YRD},
                {GUIPING, "4000000000.00", false, List.of(), null},
                {GUIPING, "3000000000.00", false, List.of(), null},
                {GUIPING, "2000000000.00", false, List.of(), null},
                {GUIPING, "818000000.00", false, List.of(), null},
                {GUIPING, "500000000.00", false, List.of(), null},
        };
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < projects.length; i++) {
            Object[] p = projects[i];
            UUID id = UUID.randomUUID();
            String county = (String) p[0];
            String amount = (String) p[1];
            @SuppressWarnings("unchecked")
            List<String> classes = (List<String>) p[3];
            UUID team = (UUID) p[4];
            LocalDate signing = LocalDate.of(2020, 1 + i % 10, 1 + i % 27);
            events.add(registered(new ProjectSpec(id, county, "SIGNED", amount, signing, (Boolean) p[2], true, classes,
                    team == null ? "EXPO" : "RESIDENT_TEAM", team, null, signing)));
            if (i < 8) {
                LocalDate landed = signing.plusDays(5);
                events.add(stageChanged(id, county, "SIGNED", "LANDED", landed, amount, signing, null, null));
                if (i < 6) {
                    events.add(stageChanged(id, county, "LANDED", "STARTED", landed.plusDays(5), amount, signing, null, null));
                }
            }
            ids.add(id);
        }
        return ids;
    }

    /** January–October 2019: ten projects, 796.70亿; funds of 427.33亿 on them in 2019. */
    private void lastYearsProjects() {
        String[] amounts = {"10000000000.00", "9000000000.00", "8000000000.00", "8000000000.00", "7000000000.00",
                "7000000000.00", "6000000000.00", "6000000000.00", "10000000000.00", "8670000000.00"};
        String[] counties = {GANGBEI, GANGNAN, QINTANG, PINGNAN, GUIPING};
        for (int i = 0; i < amounts.length; i++) {
            UUID id = UUID.randomUUID();
            LocalDate signing = LocalDate.of(2019, 1 + i, 3);
            events.add(registered(new ProjectSpec(id, counties[i % 5], "SIGNED", amounts[i], signing, i % 2 == 0, true,
                    List.of(), "EXPO", null, null, signing)));
            lastYear.add(id);
        }
        String[][] funds2019 = {{"0", "2019-03", "8000000000.00"}, {"1", "2019-05", "9000000000.00"},
                {"3", "2019-06", "7000000000.00"}, {"4", "2019-08", "7000000000.00"}, {"5", "2019-09", "6000000000.00"},
                {"9", "2019-10", "5733000000.00"}};
        for (String[] f : funds2019) {
            int project = Integer.parseInt(f[0]);
            events.add(fundsReported(lastYear.get(project), counties[project % 5], f[1], f[2]));
        }
        // continuing projects: 149.72亿 of 2020's funds
        events.add(fundsReported(lastYear.get(0), GANGBEI, "2020-02", "5000000000.00"));
        events.add(fundsReported(lastYear.get(1), GANGNAN, "2020-03", "4972000000.00"));
        events.add(fundsReported(lastYear.get(2), QINTANG, "2020-06", "5000000000.00"));
        // outside January–October, inside the trend: November 2019 (funds 10亿 on project 6), and signings below
        events.add(fundsReported(lastYear.get(6), GANGNAN, "2019-11", "1000000000.00"));
    }

    /** The trend's edges: November and December of 2017, 2018 and 2019. */
    private void edges() {
        signed(GUIPING, "700000000.00", LocalDate.of(2017, 11, 20), "2017-12", "300000000.00");
        signed(GANGNAN, "1500000000.00", LocalDate.of(2018, 11, 5), "2018-12", "500000000.00");
        signed(PINGNAN, "500000000.00", LocalDate.of(2018, 12, 5), null, null);
        signed(GANGBEI, "1200000000.00", LocalDate.of(2019, 11, 5), null, null);
        signed(QINTANG, "800000000.00", LocalDate.of(2019, 12, 5), null, null);
    }

    private void signed(String county, String amount, LocalDate signing, String fundsMonth, String funds) {
        UUID id = UUID.randomUUID();
        events.add(registered(new ProjectSpec(id, county, "SIGNED", amount, signing, false, true, List.of(), "EXPO", null,
                null, signing)));
        if (fundsMonth != null) {
            events.add(fundsReported(id, county, fundsMonth, funds));
        }
    }

    /** 400亿 of 2020's funds on 2020's projects, each in a month after its signing. */
    private void funds(List<UUID> thisYear) {
        events.add(fundsReported(thisYear.get(16), GUIPING, "2020-08", "12000000000.00"));
        events.add(fundsReported(thisYear.get(16), GUIPING, "2020-10", "8000000000.00"));
        events.add(fundsReported(thisYear.get(0), GANGBEI, "2020-05", "6000000000.00"));
        events.add(fundsReported(thisYear.get(0), GANGBEI, "2020-09", "4000000000.00"));
        events.add(fundsReported(thisYear.get(17), GUIPING, "2020-09", "5000000000.00"));
        events.add(fundsReported(thisYear.get(5), GANGNAN, "2020-07", "3000000000.00"));
        events.add(fundsReported(thisYear.get(9), QINTANG, "2020-10", "2000000000.00"));
        // November: after the period
        events.add(fundsReported(thisYear.get(0), GANGBEI, "2020-11", "500000000.00"));
    }

    /** Records no figure may count: terminated (with funds), never confirmed, signed after October. */
    private void excluded() {
        UUID terminated = UUID.randomUUID();
        events.add(registered(new ProjectSpec(terminated, GANGBEI, "SIGNED", "3000000000.00", LocalDate.of(2020, 5, 10),
                true, true, List.of("FORTUNE_GLOBAL_500"), "EXPO", null, null, LocalDate.of(2020, 5, 10))));
        events.add(fundsReported(terminated, GANGBEI, "2020-06", "1000000000.00"));
        events.add(terminated(terminated, GANGBEI, "SIGNED", LocalDate.of(2020, 7, 1)));
        events.add(registered(new ProjectSpec(UUID.randomUUID(), GANGNAN, "SIGNED", "2000000000.00", LocalDate.of(2020, 4, 15),
                false, false, List.of(), "EXPO", null, null, LocalDate.of(2020, 4, 15))));
        events.add(registered(new ProjectSpec(UUID.randomUUID(), GUIPING, "SIGNED", "4000000000.00", LocalDate.of(2020, 11, 3),
                true, true, List.of(), "EXPO", null, null, LocalDate.of(2020, 11, 3))));
    }

    /** Five enterprises docked by the two teams in 2020, one visit, one intent of 10亿. */
    private void engagements() {
        Map<UUID, UUID> dockings = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            dockings.put(UUID.randomUUID(), i < 3 ? TEAM_GBA : TEAM_YRD);
        }
        int i = 0;
        for (Map.Entry<UUID, UUID> docking : dockings.entrySet()) {
            boolean intent = i == 0;
            events.add(engagement("DOCKING", i < 3 ? GANGBEI : GUIPING, docking.getValue(), LocalDate.of(2020, 3 + i, 9),
                    docking.getKey(), intent ? "INTENT" : "FOLLOW_UP", intent ? "1000000000.00" : null, null, null, null));
            if (i == 1) {
                events.add(engagement("VISIT", GANGBEI, null, LocalDate.of(2020, 6, 20), docking.getKey(), "FOLLOW_UP", null,
                        null, null, null));
            }
            i++;
        }
    }
}
