package cn.gov.zhaoshang.reporting.cockpit;

import cn.gov.zhaoshang.reporting.cockpit.web.CockpitResponse;
import static cn.gov.zhaoshang.reporting.support.Events.fundsCorrected;
import static cn.gov.zhaoshang.reporting.support.Events.fundsReported;
import static cn.gov.zhaoshang.reporting.support.Events.registered;
import static cn.gov.zhaoshang.reporting.support.Events.signingConfirmed;
import static cn.gov.zhaoshang.reporting.support.Events.targetSet;
import static cn.gov.zhaoshang.reporting.support.Events.teamDefined;
import static cn.gov.zhaoshang.reporting.support.Events.terminated;
import static cn.gov.zhaoshang.reporting.support.Events.transferred;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import cn.gov.zhaoshang.contracts.targets.DefinitionPublished;
import cn.gov.zhaoshang.reporting.definitions.DefinitionEvents;
import cn.gov.zhaoshang.reporting.definitions.model.DefinitionRules;
import cn.gov.zhaoshang.reporting.definitions.infrastructure.DefinitionVersions;
import cn.gov.zhaoshang.reporting.definitions.model.RankingMethod;
import cn.gov.zhaoshang.reporting.ranking.model.CompetitionRanking;
import cn.gov.zhaoshang.reporting.ranking.model.ProgressWarning;
import cn.gov.zhaoshang.reporting.ranking.model.RankingScores;
import cn.gov.zhaoshang.reporting.ranking.application.StandingRows.UnitRow;
import cn.gov.zhaoshang.reporting.ranking.application.Standings;
import cn.gov.zhaoshang.reporting.report.model.Amounts;
import cn.gov.zhaoshang.reporting.report.infrastructure.ChildrenTargetFigures;
import cn.gov.zhaoshang.reporting.report.model.Figure;
import cn.gov.zhaoshang.reporting.report.model.Ratio;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import cn.gov.zhaoshang.reporting.report.model.TargetFigures;
import cn.gov.zhaoshang.reporting.report.model.UnitReport;
import cn.gov.zhaoshang.reporting.report.web.UnitReportResponse.FigureDto;
import cn.gov.zhaoshang.reporting.report.web.UnitReportResponse.RateDto;
import cn.gov.zhaoshang.reporting.report.application.UnitReports;
import cn.gov.zhaoshang.reporting.support.EventFeed;
import cn.gov.zhaoshang.reporting.support.Events;
import cn.gov.zhaoshang.reporting.support.Events.ProjectSpec;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rankings are now computed from {@link ChildrenTargetFigures} (one grouped statement for all the
 * ranked units) instead of one full {@link UnitReport} per unit. This test keeps the per-report path
 * as it was ({@link #perReportRanking}, {@link #perReportUnitRow}, {@link #perReportStandingRow}, copied
 * from {@code Standings}, {@code StandingRows} and {@code CockpitResponse} before the change) and
 * compares the two, value for value and scale for scale, over generated records: the region, cities
 * with and without counties, and a county, at several months, ranked by completion rate (2014, metrics.md's
 * defaults of version 1) and by weighted scores with and without a cap (2036–2037, versions of this
 * class), with ties, units without targets, a zero target, unconfirmed, terminated and transferred
 * projects and corrected funds. It compares the target figures, scores, ranks and warnings, and the
 * JSON of the rankings, warnings and cockpit endpoints with the rows the old path gives.
 *
 * <p>It keeps the real tree's codes, as it compares the whole region with its 14 cities and their
 * counties: no other class of the service writes figures under them (they write under units
 * generated for themselves, {@code GeneratedOrgUnits}, in trees of their own), so its records meet
 * no other class's. Definition versions are not per unit: its versions 62–64 take effect in
 * 2036–2037, years no other class reports on, and before 2040's newer versions.
 */
@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingFromTargetFiguresIT {

    private static final String GROUP = "reporting-service";
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final List<Integer> YEARS = List.of(2014, 2036, 2037);
    /** Units whose children are ranked: the region, cities with counties, a city without, a county (no children). */
    private static final List<String> RANKED = List.of("450000", "450100", "450200", "450800", "450300", "450881");
    private static final List<String> TARGET_CODES = List.of("CONTRACT_INVESTMENT", "SIGNED_COUNT", "FUNDS_IN_PLACE",
            "TOP500_FOUR_CLASSES", "LIBRARY_INTAKE", "PROJECTS_OVER_1B", "RESIDENT_TEAM_CONTRACT", "TOP500_CHINA_500");

    @LocalServerPort
    int port;

    @Autowired
    Standings standings;

    @Autowired
    ChildrenTargetFigures childrenFigures;

    @Autowired
    UnitReports reports;

    @Autowired
    DefinitionVersions definitions;

    @Autowired
    JsonMapper json;

    ApiClient region;
    final Random random = new Random(2014);
    int ids;

    @BeforeAll
    void feed() {
        region = ApiClient.atPort(port)
                .withToken(PlatformServers.identityProvider().tokenFor("eq-viewer", "450000", "viewer"));
        DefinitionEvents.ensureDefaultVersion1();
        DefinitionEvents.sendAndAwait(DefinitionEvents.published(62, LocalDate.of(2036, 1, 1), new DefinitionPublished.Rules(
                "-10", "-20", "WEIGHTED_SCORE", Map.of("CONTRACT_INVESTMENT", "0.4", "FUNDS_IN_PLACE", "0.3",
                        "SIGNED_COUNT", "0.2", "TOP500_FOUR_CLASSES", "0.1"), "1.5", 5)));
        DefinitionEvents.sendAndAwait(DefinitionEvents.published(63, LocalDate.of(2037, 1, 1), new DefinitionPublished.Rules(
                "-8", "-15", "WEIGHTED_SCORE", Map.of("CONTRACT_INVESTMENT", "1", "PROJECTS_OVER_1B", "0.5",
                        "RESIDENT_TEAM_CONTRACT", "0.25", "LIBRARY_INTAKE", "0.25"), null, 5)));
        // a weight on a figure that is not a counted figure with a target (a share): no unit has a score
        DefinitionEvents.sendAndAwait(DefinitionEvents.published(64, LocalDate.of(2037, 10, 1), new DefinitionPublished.Rules(
                "-10", "-20", "WEIGHTED_SCORE", Map.of("CONTRACT_INVESTMENT", "1", "MANUFACTURING_SHARE", "1"), null, 5)));
        EventFeed.sendAndAwait(PlatformServers.kafka().bootstrapServers(), GROUP, events(), DEADLINE);
    }

    // ------------------------------------------------------------------------------------------ tests

    @Test
    void theChildrensTargetFiguresAreTheirReportsFiguresScaleIncluded() {
        for (String unit : RANKED) {
            for (YearMonth month : months()) {
                ReportPeriod period = ReportPeriod.yearToDate(month);
                List<TargetFigures> fromReports = reports.children(unit, period).stream().map(TargetFigures::of).toList();
                // record equality: BigDecimal.equals compares the scale too ("0" where the report has "0", "0.00" where it has that)
                assertThat(childrenFigures.of(unit, period)).as(unit + " " + month).isEqualTo(fromReports);
            }
        }
        // the generated records do reach the figures both ways (the comparison is not of empty rankings)
        List<TargetFigures> cities = childrenFigures.of("450000", ReportPeriod.yearToDate(YearMonth.of(2014, 10)));
        assertThat(cities).hasSize(14);
        assertThat(cities.stream().filter(city -> city.contractInvestment().actual().signum() > 0)).hasSize(3);
        assertThat(cities.stream().filter(city -> city.actuals().get("LIBRARY_INTAKE").signum() > 0)).isNotEmpty();
        assertThat(cities.stream().filter(city -> city.actuals().get("RESIDENT_TEAM_CONTRACT").signum() > 0)).isNotEmpty();
        assertThat(cities.stream().filter(city -> city.actuals().get("TOP500_FOUR_CLASSES").signum() > 0)).isNotEmpty();
        assertThat(cities.stream().filter(city -> city.fundsInPlace().signum() > 0)).isNotEmpty();
    }

    @Test
    void theRankingIsTheOnePerReportRankingGaveForBothMethods() {
        int ranked = 0;
        int tied = 0;
        for (String unit : RANKED) {
            for (YearMonth month : months()) {
                PerReport old = perReportRanking(unit, month);
                Standings.Ranking fast = standings.childrenOf(unit, month);
                String what = unit + " " + month + " " + old.rules().rankingMethod();
                assertThat(fast.rules()).as(what).isEqualTo(old.rules());
                assertThat(fast.children()).as(what).hasSameSizeAs(old.children());
                for (int i = 0; i < old.children().size(); i++) {
                    Standings.UnitStanding standing = fast.children().get(i);
                    OldStanding expected = old.children().get(i);
                    assertThat(standing.figures()).as(what).isEqualTo(TargetFigures.of(expected.report()));
                    // equals, not compareTo: the same scale, so the same digits in the JSON
                    assertThat(standing.score()).as(what + " " + expected.report().orgUnit()).isEqualTo(expected.score());
                    assertThat(standing.rank()).as(what).isEqualTo(expected.rank());
                    assertThat(standing.warning()).as(what).isEqualTo(expected.warning());
                }
                ranked += (int) old.children().stream().filter(child -> child.rank() != null).count();
                tied += (int) old.children().stream().filter(child -> child.rank() != null
                        && old.children().stream().filter(other -> other != child && child.rank().equals(other.rank())).count() > 0)
                        .count();
            }
        }
        // the cases the comparison is about did occur
        assertThat(ranked).isGreaterThan(50);
        assertThat(tied).isGreaterThan(0);
        assertThat(perReportRanking("450000", YearMonth.of(2036, 9)).children().stream().filter(c -> c.rank() != null))
                .as("ranked by weighted score").isNotEmpty();
        assertThat(perReportRanking("450000", YearMonth.of(2037, 11)).children().stream().allMatch(c -> c.rank() == null))
                .as("no score with a weight on a share").isTrue();
    }

    @Test
    void theRankingsAndWarningsEndpointsAnswerWhatThePerReportPathGave() {
        for (String unit : RANKED) {
            for (YearMonth month : months()) {
                PerReport old = perReportRanking(unit, month);
                JsonNode rankings = get("/api/reports/units/" + unit + "/rankings?month=" + month);
                assertThat(rankings.get("items")).as(unit + " " + month)
                        .isEqualTo(json.valueToTree(old.children().stream().map(RankingFromTargetFiguresIT::perReportUnitRow).toList()));

                UnitReport own = reports.of(unit, ReportPeriod.yearToDate(month));
                OldStanding total = new OldStanding(own, perReportScore(own, old.rules()), null,
                        warning(own.contractInvestment(), month, old.rules()));
                List<UnitRow> warned = Stream.concat(Stream.of(total), old.children().stream())
                        .filter(standing -> standing.warning() != null).map(RankingFromTargetFiguresIT::perReportUnitRow).toList();
                assertThat(get("/api/reports/units/" + unit + "/warnings?month=" + month).get("units")).as(unit + " " + month)
                        .isEqualTo(json.valueToTree(warned));
            }
        }
    }

    @Test
    void theCockpitsRankingAndSiblingsAreThePerReportRows() {
        // the cockpit evaluates at the period's end only for a past period: 2014, ranked by completion rate
        for (String unit : RANKED) {
            for (YearMonth month : months().stream().filter(month -> month.getYear() == 2014).toList()) {
                JsonNode cockpit = get("/api/reports/units/" + unit + "/cockpit?period=" + month + "-YTD");
                PerReport old = perReportRanking(unit, month);
                assertThat(cockpit.get("ranking").get("units")).as(unit + " " + month)
                        .isEqualTo(json.valueToTree(standingRows(old, unit)));
                String parent = unit.equals("450000") ? null : unit.endsWith("00") ? "450000" : unit.substring(0, 4) + "00";
                if (parent == null) {
                    assertThat(cockpit.get("siblings").isNull()).isTrue();
                } else {
                    assertThat(cockpit.get("siblings").get("units")).as(unit + " " + month + " siblings")
                            .isEqualTo(json.valueToTree(standingRows(perReportRanking(parent, month), unit)));
                }
            }
        }
        // and by weighted score (2036–2037, ahead of the clock, so the rows are compared as the cockpit maps them)
        for (String unit : RANKED) {
            for (YearMonth month : months().stream().filter(month -> month.getYear() > 2014).toList()) {
                PerReport old = perReportRanking(unit, month);
                Standings.Ranking fast = standings.childrenOf(unit, month);
                List<CockpitResponse.UnitStandingRow> rows = fast.children().stream()
                        .map(standing -> CockpitResponse.UnitStandingRow.of(standing, fast.rules().rankingMethod(), "450802"))
                        .toList();
                JsonNode fastRows = json.valueToTree(rows);
                assertThat(fastRows).as(unit + " " + month).isEqualTo(json.valueToTree(standingRows(old, "450802")));
            }
        }
    }

    // ------------------------------------------------------------------ the per-report path, as it was

    record OldStanding(UnitReport report, BigDecimal score, Integer rank, ProgressWarning warning) {
    }

    record PerReport(DefinitionRules rules, List<OldStanding> children) {
    }

    /** {@code Standings.childrenOf} before the change: a full report per child, scored from the report. */
    private PerReport perReportRanking(String orgUnitCode, YearMonth month) {
        DefinitionRules rules = definitions.inForceOn(month.atEndOfMonth()).orElseGet(DefinitionRules::metricsMdDefaults);
        List<UnitReport> children = reports.children(orgUnitCode, ReportPeriod.yearToDate(month));
        List<CompetitionRanking.Ranked<UnitReport>> ranked = CompetitionRanking.rank(children,
                child -> perReportScore(child, rules));
        List<OldStanding> standings = new ArrayList<>();
        for (CompetitionRanking.Ranked<UnitReport> child : ranked) {
            standings.add(new OldStanding(child.item(), child.score(), child.rank(),
                    warning(child.item().contractInvestment(), month, rules)));
        }
        return new PerReport(rules, standings);
    }

    private static BigDecimal perReportScore(UnitReport report, DefinitionRules rules) {
        if (rules.rankingMethod() == RankingMethod.COMPLETION_RATE) {
            Figure contract = report.contractInvestment();
            return RankingScores.completionRate(contract.actual(), contract.target());
        }
        Map<String, BigDecimal> actuals = new HashMap<>();
        Map<String, BigDecimal> targets = new HashMap<>();
        report.figuresByTargetCode().forEach((code, figure) -> {
            actuals.put(code, figure.actual());
            if (figure.target() != null) {
                targets.put(code, figure.target());
            }
        });
        return RankingScores.weightedScore(rules.rankingWeights(), rules.rankingCap(), actuals, targets);
    }

    private static ProgressWarning warning(Figure figure, YearMonth month, DefinitionRules rules) {
        return ProgressWarning.of(figure.actual(), figure.target(), month.getMonthValue(), rules.yellowBelowGapPoints(),
                rules.redBelowGapPoints());
    }

    /** {@code StandingRows.UnitRow.of} before the change. */
    private static UnitRow perReportUnitRow(OldStanding standing) {
        Figure contract = standing.report().contractInvestment();
        return new UnitRow(standing.report().orgUnit(), standing.report().orgUnitName(), standing.rank(),
                plain(standing.score()), Amounts.yuan(contract.actual()), Amounts.yi(contract.actual()),
                Amounts.yuan(contract.target()), contract.completion() == null ? null : contract.completion().percentForDisplay(),
                contract.progressGap() == null ? null : plain(contract.progressGap().value().multiply(BigDecimal.valueOf(100))),
                contract.progressGap() == null ? null : contract.progressGap().pointsForDisplay(),
                standing.warning() == null ? null : standing.warning().name());
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static List<CockpitResponse.UnitStandingRow> standingRows(PerReport ranking, String self) {
        return ranking.children().stream()
                .map(standing -> perReportStandingRow(standing, ranking.rules().rankingMethod(), self)).toList();
    }

    /** {@code CockpitResponse.UnitStandingRow.of} before the change. */
    private static CockpitResponse.UnitStandingRow perReportStandingRow(OldStanding standing, RankingMethod method,
            String selfCode) {
        UnitReport report = standing.report();
        FigureDto contract = FigureDto.amount(report.contractInvestment());
        RateDto score = standing.score() == null ? null : RateDto.rate(method == RankingMethod.COMPLETION_RATE
                ? report.contractInvestment().completion() : new Ratio(standing.score(), BigDecimal.ONE));
        return new CockpitResponse.UnitStandingRow(report.orgUnit(), report.orgUnitName(), report.level(), standing.rank(),
                score, new CockpitResponse.StandingContractInvestment(contract.actual(), contract.actualYi(), contract.target(),
                        contract.targetYi(), contract.completion(), contract.progressGap()),
                FigureDto.count(report.signedCount()).actual(), Amounts.yi(report.fundsInPlace().actual()),
                standing.warning(), report.orgUnit().equals(selfCode));
    }

    // -------------------------------------------------------------------------------- helpers

    private static List<YearMonth> months() {
        return List.of(YearMonth.of(2014, 1), YearMonth.of(2014, 3), YearMonth.of(2014, 10), YearMonth.of(2014, 12),
                YearMonth.of(2036, 2), YearMonth.of(2036, 9), YearMonth.of(2037, 6), YearMonth.of(2037, 11));
    }

    private JsonNode get(String path) {
        ApiClient.Response response = region.get(path);
        assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
        return response.json();
    }

    // ---------------------------------------------------------------------------- the records

    /**
     * Per year: targets of every unit but a few (random subsets of the figures, one zero contract target,
     * two cities without counties on the same target, so they tie at zero), two resident teams per city
     * with counties, and zero to six projects per county, each possibly manufacturing, on Top-500 lists,
     * by a team, over 1亿 or 10亿, unconfirmed (some confirmed later), terminated, transferred to another
     * city's county, with funds reported and corrected.
     */
    private List<Events.Event> events() {
        List<Events.Event> events = new ArrayList<>();
        List<String> counties = new ArrayList<>();
        for (String city : List.of("450100", "450200", "450800")) {
            for (String code : countiesOf(city)) {
                counties.add(code);
            }
        }
        List<String> cities = List.of("450100", "450200", "450300", "450400", "450500", "450600", "450700", "450800",
                "450900", "451000", "451100", "451200", "451300", "451400");
        Map<String, List<UUID>> teams = new LinkedHashMap<>();
        for (String city : List.of("450100", "450200", "450800")) {
            for (int t = 0; t < 2; t++) {
                UUID team = UUID.nameUUIDFromBytes(("ranking-eq-team-" + city + "-" + t).getBytes());
                teams.computeIfAbsent(city, c -> new ArrayList<>()).add(team);
                Map<String, String> targets = new HashMap<>();
                YEARS.forEach(year -> targets.put(String.valueOf(year), amount(2_000_000_000L, 40_000_000_000L)));
                events.add(teamDefined(team, city, "测试工作队 " + city + "-" + t, t == 0 ? "GBA" : "YRD", targets));
            }
        }
        for (int year : YEARS) {
            List<String> all = new ArrayList<>();
            all.add("450000");
            all.addAll(cities);
            all.addAll(counties);
            for (String unit : all) {
                if (random.nextInt(10) == 0 && !List.of("450000", "450300", "450400", "450500").contains(unit)) {
                    continue; // no targets at all: not ranked
                }
                Map<String, String> targets = new LinkedHashMap<>();
                for (String code : TARGET_CODES) {
                    boolean main = List.of("CONTRACT_INVESTMENT", "SIGNED_COUNT", "FUNDS_IN_PLACE", "TOP500_FOUR_CLASSES")
                            .contains(code);
                    if (random.nextInt(10) < (main ? 9 : 6)) {
                        targets.put(code, targetValue(code, unit));
                    }
                }
                targets.put("MANUFACTURING_SHARE", "45");
                if (unit.equals("450300") || unit.equals("450400")) {
                    targets.put("CONTRACT_INVESTMENT", "30000000000.00");
                }
                if (unit.equals("450500")) {
                    targets.put("CONTRACT_INVESTMENT", "0");
                }
                events.add(targetSet(unit, year, targets));
            }
            for (String county : counties) {
                int projects = random.nextInt(7);
                for (int p = 0; p < projects; p++) {
                    project(events, county, year, teams.get(county.substring(0, 4) + "00"), counties);
                }
            }
        }
        return events;
    }

    private void project(List<Events.Event> events, String county, int year, List<UUID> teams, List<String> counties) {
        UUID id = UUID.nameUUIDFromBytes(("ranking-eq-project-" + ids++).getBytes());
        LocalDate signing = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        String amount = random.nextInt(4) == 0 ? amount(5_000_000L, 100_000_000L) : amount(100_000_000L, 30_000_000_000L);
        boolean confirmed = random.nextInt(8) != 0;
        List<String> classes = switch (random.nextInt(8)) {
            case 0 -> List.of("FORTUNE_GLOBAL_500", "CHINA_500");
            case 1 -> List.of("CHINA_PRIVATE_500");
            case 2 -> List.of("CHINA_MANUFACTURING_500");
            default -> List.of();
        };
        boolean byTeam = random.nextInt(3) == 0;
        UUID team = byTeam ? teams.get(random.nextInt(teams.size())) : null;
        LocalDate registeredOn = signing.minusDays(random.nextInt(40));
        events.add(registered(new ProjectSpec(id, county, "SIGNED", amount, signing, random.nextBoolean(), confirmed, classes,
                byTeam ? "RESIDENT_TEAM" : "EXPO", team, random.nextInt(5) == 0 ? "1000000.00" : null, registeredOn)));
        if (!confirmed && random.nextBoolean()) {
            events.add(signingConfirmed(id, county, signing));
        }
        String unit = county;
        if (random.nextInt(12) == 0) {
            String to = counties.get(random.nextInt(counties.size()));
            if (!to.equals(county)) {
                events.add(transferred(id, county, to, "SIGNED", signing.plusDays(10)));
                unit = to;
            }
        }
        int funds = random.nextInt(3);
        for (int f = 0; f < funds; f++) {
            YearMonth month = YearMonth.from(signing).plusMonths(random.nextInt(4));
            String reported = amount(1_000_000L, 2_000_000_000L);
            events.add(fundsReported(id, unit, month.toString(), reported));
            if (random.nextInt(4) == 0) {
                events.add(fundsCorrected(id, unit, month.toString(), 2, amount(1_000_000L, 2_000_000_000L), reported));
            }
        }
        if (random.nextInt(15) == 0) {
            events.add(terminated(id, unit, "SIGNED", signing.plusDays(20)));
        }
    }

    private String targetValue(String code, String unit) {
        long scale = unit.equals("450000") ? 20 : unit.endsWith("00") ? 5 : 1;
        return switch (code) {
            case "SIGNED_COUNT", "TOP500_FOUR_CLASSES", "LIBRARY_INTAKE", "PROJECTS_OVER_1B" ->
                    String.valueOf((1 + random.nextInt(8)) * scale);
            // now and then a target with decimals beyond the fen (the column keeps four)
            default -> amount(1_000_000_000L, 60_000_000_000L * scale) + (random.nextInt(6) == 0 ? "5" : "");
        };
    }

    /** A yuan amount with two decimals between the bounds. */
    private String amount(long fromYuan, long toYuan) {
        long fen = fromYuan * 100 + (long) (random.nextDouble() * (toYuan - fromYuan) * 100);
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static List<String> countiesOf(String city) {
        return switch (city) {
            case "450100" -> List.of("450102", "450103", "450105", "450107", "450108", "450109", "450110", "450123",
                    "450124", "450125", "450126", "450181");
            case "450200" -> List.of("450202", "450203", "450204", "450205", "450206", "450222", "450223", "450224",
                    "450225", "450226");
            case "450800" -> List.of("450802", "450803", "450804", "450821", "450881");
            default -> List.of();
        };
    }
}
