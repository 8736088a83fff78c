package cn.gov.zhaoshang.reporting.report.application;

import cn.gov.zhaoshang.reporting.report.infrastructure.UnitMonths;
import cn.gov.zhaoshang.reporting.report.infrastructure.UnitReportRepository;
import cn.gov.zhaoshang.reporting.report.model.Figure;
import cn.gov.zhaoshang.reporting.report.model.Ratio;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import cn.gov.zhaoshang.reporting.report.model.UnitMonth;
import cn.gov.zhaoshang.reporting.report.model.UnitReport;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.reporting.report.infrastructure.UnitReportRepository.FunnelCount;
import cn.gov.zhaoshang.reporting.report.infrastructure.UnitReportRepository.FunnelGrouping;
import cn.gov.zhaoshang.reporting.report.infrastructure.UnitReportRepository.FunnelKey;
import cn.gov.zhaoshang.reporting.report.infrastructure.UnitReportRepository.IntentSum;
import cn.gov.zhaoshang.reporting.report.infrastructure.UnitReportRepository.LeaderTrips;
import cn.gov.zhaoshang.reporting.report.infrastructure.UnitReportRepository.Rows;
import cn.gov.zhaoshang.reporting.report.infrastructure.UnitReportRepository.TeamRow;
import cn.gov.zhaoshang.reporting.report.infrastructure.UnitReportRepository.TeamSignings;
import cn.gov.zhaoshang.reporting.report.model.UnitReport.Fdi;
import cn.gov.zhaoshang.reporting.report.model.UnitReport.Funnel;
import cn.gov.zhaoshang.reporting.report.model.UnitReport.KeyAreaFunnel;
import cn.gov.zhaoshang.reporting.report.model.UnitReport.LeaderActivity;
import cn.gov.zhaoshang.reporting.report.model.UnitReport.ResidentTeams;
import cn.gov.zhaoshang.reporting.report.model.UnitReport.Share;
import cn.gov.zhaoshang.reporting.report.model.UnitReport.SizeBands;
import cn.gov.zhaoshang.reporting.report.model.UnitReport.TeamFunnel;
import cn.gov.zhaoshang.reporting.report.model.UnitReport.Top500;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit reports, made of what {@link UnitReportRepository} reads from the pre-aggregated read
 * models (docs/reporting.md). It does not check who asks: callers (the report API, exports, period
 * close) check the caller's org scope first.
 */
@Component
public class UnitReports {

    static final String ACTUALLY_USED_FDI_MISSING =
            "no event carries actually used foreign investment (实际利用外资); the contracts have only the contracted FDI of a project";
    static final String PER_PERSON_MISSING =
            "engagement-recorded events carry the leader's unit and role but not who the leader is (no personal data), so trips are counted per unit and role, not per person";

    private final JdbcClient jdbc;
    private final UnitReportRepository repository;
    private final UnitMonths months;

    public UnitReports(JdbcClient jdbc, UnitReportRepository repository, UnitMonths months) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.months = months;
    }

    /**
     * The unit's contract investment and funds in place month by month, from {@code first} to
     * {@code last}, oldest first; a month without records is zero. They add up to the report's figures.
     */
    public List<UnitMonth> monthByMonth(String orgUnitCode, YearMonth first, YearMonth last) {
        return months.of(orgUnitCode, first, last);
    }

    /** The report of a unit and everything under it, or empty when the unit is unknown. */
    @Transactional(readOnly = true)
    public Optional<UnitReport> find(String orgUnitCode, ReportPeriod period) {
        Rows rows = repository.read(orgUnitCode, period);
        return Optional.ofNullable(rows.unit()).map(unit -> report(unit, period, rows));
    }

    /**
     * The report of a unit and everything under it.
     *
     * @throws IllegalArgumentException when the unit is unknown
     */
    @Transactional(readOnly = true)
    public UnitReport of(String orgUnitCode, ReportPeriod period) {
        return find(orgUnitCode, period).orElseThrow(() -> new IllegalArgumentException("unknown org unit " + orgUnitCode));
    }

    /** The reports of the unit's direct children (the rows of the monthly statistics table), by code. */
    @Transactional(readOnly = true)
    public List<UnitReport> children(String orgUnitCode, ReportPeriod period) {
        List<String> codes = jdbc.sql("SELECT code FROM org_unit WHERE parent_code = :code ORDER BY code")
                .param("code", orgUnitCode).query(String.class).list();
        List<UnitReport> reports = new ArrayList<>(codes.size());
        for (String code : codes) {
            reports.add(of(code, period));
        }
        return reports;
    }

    private UnitReport report(OrgUnit unit, ReportPeriod period, Rows rows) {
        Ratio timeProgress = period.timeProgress();
        Map<String, BigDecimal> targets = rows.targets();
        Integer definitionVersion = rows.definitionVersion();

        Map<String, Map<String, BigDecimal>> spans = rows.sums();
        Map<String, BigDecimal> now = spans.get("now");
        Map<String, BigDecimal> before = spans.get("before");
        Map<String, BigDecimal> ytd = spans.get(UnitReportRepository.YEAR_TO_DATE_SPAN);
        Map<String, BigDecimal> sums = spans.get("funds");
        FigureFactory figures = new FigureFactory(now, before, targets, timeProgress);

        Figure contract = figures.of("contract_investment", "CONTRACT_INVESTMENT");
        Figure manufacturingInvestment = figures.of("manufacturing_investment", null);
        Share manufacturingShare = Share.of(Ratio.of(manufacturingInvestment.actual(), contract.actual()),
                targets.get("MANUFACTURING_SHARE"));

        BigDecimal fundsNow = sums.get("funds");
        BigDecimal fundsBefore = sums.get("funds_before");
        Figure fundsInPlace = Figure.of("FUNDS_IN_PLACE", fundsNow, fundsBefore, targets.get("FUNDS_IN_PLACE"), timeProgress);
        Ratio fundsToContract = Ratio.of(sums.get("funds_of_signed"), ytd.get("contract_investment"));

        BigDecimal signedThisYear = ytd.get("signed_count");
        Share landing = Share.of(Ratio.of(sums.get("landed"), signedThisYear), targets.get("LANDING_RATE"));
        Share start = Share.of(Ratio.of(sums.get("started"), signedThisYear), targets.get("START_RATE"));

        Figure intake = Figure.of("LIBRARY_INTAKE", sums.get("intake"), sums.get("intake_before"),
                targets.get("LIBRARY_INTAKE"), timeProgress);

        Fdi fdi = new Fdi(now.get("fdi_contract_usd"), before.get("fdi_contract_usd"),
                Ratio.growth(now.get("fdi_contract_usd"), before.get("fdi_contract_usd")), null, ACTUALLY_USED_FDI_MISSING);

        return new UnitReport(unit.code(), unit.nameZh(), unit.level().name(), period,
                definitionVersion, timeProgress,
                figures.of("signed_count", "SIGNED_COUNT"), contract,
                figures.of("manufacturing_count", null), manufacturingInvestment, manufacturingShare,
                fundsInPlace, fundsToContract,
                new Top500(figures.of("fortune_global_500", "TOP500_FORTUNE_GLOBAL_500"),
                        figures.of("china_500", "TOP500_CHINA_500"),
                        figures.of("china_private_500", "TOP500_CHINA_PRIVATE_500"),
                        figures.of("china_manufacturing_500", "TOP500_CHINA_MANUFACTURING_500"),
                        figures.of("top500_three_classes", "TOP500_THREE_CLASSES"),
                        figures.of("top500_four_classes", "TOP500_FOUR_CLASSES")),
                new SizeBands(figures.of("over_100m", "PROJECTS_OVER_100M"), figures.of("over_1b", "PROJECTS_OVER_1B"),
                        figures.of("over_10b", "PROJECTS_OVER_10B"), figures.of("over_20b", "PROJECTS_OVER_20B")),
                landing, start, intake, fdi,
                residentTeams(period, figures, timeProgress, rows),
                leaderActivities(period, rows));
    }

    /** Builds figures from the sums of this period and last year's and the unit's targets. */
    private record FigureFactory(Map<String, BigDecimal> now, Map<String, BigDecimal> before,
            Map<String, BigDecimal> targets, Ratio timeProgress) {

        Figure of(String column, String targetCode) {
            return Figure.of(targetCode, now.get(column), before.get(column),
                    targetCode == null ? null : targets.get(targetCode), timeProgress);
        }
    }

    private ResidentTeams residentTeams(ReportPeriod period, FigureFactory figures, Ratio timeProgress, Rows rows) {
        Map<FunnelKey, FunnelCount> funnelCounts = rows.funnelCounts();
        Map<FunnelKey, IntentSum> intents = rows.intents();
        Map<String, TeamSignings> teamSignings = rows.teamSignings();
        Map<String, TeamRow> teams = teams(rows.residentTeams(), teamSignings.keySet(), funnelCounts.keySet(), intents.keySet());

        Funnel total = funnel(funnelCounts.get(FunnelKey.UNIT), intents.get(FunnelKey.UNIT),
                figures.of("resident_team_count", null), figures.of("resident_team_investment", "RESIDENT_TEAM_CONTRACT"));

        List<TeamFunnel> teamFunnels = new ArrayList<>();
        Map<String, TeamSignings> areaSignings = new LinkedHashMap<>();
        for (TeamRow team : teams.values()) {
            TeamSignings signed = teamSignings.getOrDefault(team.id(), TeamSignings.NONE);
            BigDecimal target = team.contractTargets().get(String.valueOf(period.year()));
            Funnel funnel = funnel(funnelCounts.get(FunnelKey.team(team.id())), intents.get(FunnelKey.team(team.id())),
                    Figure.of(null, signed.signedCount(), signed.lastYearSignedCount(), null, timeProgress),
                    Figure.of(null, signed.investment(), signed.lastYearInvestment(), target, timeProgress));
            teamFunnels.add(new TeamFunnel(team.teamId(), team.name(), team.orgUnit(), team.keyArea(), funnel));
            if (team.keyArea() != null) {
                areaSignings.merge(team.keyArea(), signed, TeamSignings::plus);
            }
        }
        List<KeyAreaFunnel> areas = new ArrayList<>();
        areaSignings.keySet().stream().sorted().forEach(area -> {
            TeamSignings signed = areaSignings.get(area);
            areas.add(new KeyAreaFunnel(area, funnel(funnelCounts.get(FunnelKey.area(area)), intents.get(FunnelKey.area(area)),
                    Figure.of(null, signed.signedCount(), signed.lastYearSignedCount(), null, timeProgress),
                    Figure.of(null, signed.investment(), signed.lastYearInvestment(), null, timeProgress))));
        });
        return new ResidentTeams(total, teamFunnels, areas);
    }

    private static Funnel funnel(FunnelCount counts, IntentSum intents, Figure signedCount, Figure signedInvestment) {
        long docked = counts == null ? 0 : counts.docked();
        long visited = counts == null ? 0 : counts.visited();
        long intentCount = intents == null ? 0 : intents.count();
        BigDecimal intentAmount = intents == null ? BigDecimal.ZERO : intents.amount();
        return new Funnel(docked, visited, Ratio.of(BigDecimal.valueOf(visited), BigDecimal.valueOf(docked)),
                intentCount, intentAmount, signedCount, signedInvestment);
    }

    /**
     * The teams of the report: those owned by a unit under it, and those whose engagements or
     * signings fall under it; a team that reporting has not heard of is shown by its id alone.
     */
    private static Map<String, TeamRow> teams(List<TeamRow> residentTeams, Set<String> signingTeams,
            Set<FunnelKey> funnelKeys, Set<FunnelKey> intentKeys) {
        Map<String, TeamRow> teams = new TreeMap<>();
        Set<String> mentioned = new TreeSet<>(signingTeams);
        Stream.concat(funnelKeys.stream(), intentKeys.stream()).filter(key -> key.grouping() == FunnelGrouping.TEAM)
                .forEach(key -> mentioned.add(key.key()));
        // the unit's own teams, and teams of other units (a regional lead department's) whose work falls under it
        for (TeamRow team : residentTeams) {
            if (team.own() || mentioned.contains(team.id())) {
                teams.put(team.id(), team);
            }
        }
        for (String id : mentioned) {
            teams.putIfAbsent(id, new TeamRow(id, null, null, null, Map.of(), false));
        }
        return teams;
    }

    private List<LeaderActivity> leaderActivities(ReportPeriod period, Rows rows) {
        ReportPeriod half = period.halfYearAtEnd();
        List<LeaderActivity> activities = new ArrayList<>();
        for (LeaderTrips trip : rows.leaderTrips()) {
            activities.add(leaderActivity(trip.leaderUnit(), trip.role(), trip.level(), half, trip.trips(),
                    rows.leaderTargets().getOrDefault(trip.leaderUnit(), Map.of())));
        }
        return activities;
    }

    private static LeaderActivity leaderActivity(String leaderUnit, String role, OrgLevel level, ReportPeriod half, long trips,
            Map<String, BigDecimal> unitTargets) {
        String targetCode = switch (level) {
            case CITY -> "PRINCIPAL".equals(role) ? "LEADER_TRIPS_CITY_PRINCIPAL" : "LEADER_TRIPS_CITY_DEPUTY";
            case COUNTY, PARK -> "PRINCIPAL".equals(role) ? "LEADER_TRIPS_COUNTY_PARK_PRINCIPAL" : null;
            case REGION -> null;
        };
        BigDecimal target = targetCode == null ? null : unitTargets.get(targetCode);
        if (target != null) {
            return new LeaderActivity(leaderUnit, role, half, trips, target, "TARGET", PER_PERSON_MISSING);
        }
        return new LeaderActivity(leaderUnit, role, half, trips, planMinimum(level, role),
                planMinimum(level, role) == null ? null : "PLAN_MINIMUM", PER_PERSON_MISSING);
    }

    /**
     * The glossary's requirement per person and half year: city principals and the principals of the
     * region's lead departments at least 1; city deputies and county and park principals at least 2.
     * The plan sets none for county deputies.
     */
    static BigDecimal planMinimum(OrgLevel level, String role) {
        boolean principal = "PRINCIPAL".equals(role);
        return switch (level) {
            case REGION -> principal ? BigDecimal.ONE : null;
            case CITY -> principal ? BigDecimal.ONE : BigDecimal.TWO;
            case COUNTY, PARK -> principal ? BigDecimal.TWO : null;
        };
    }
}
