package cn.gov.zhaoshang.reporting.report;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.reporting.report.UnitReport.Fdi;
import cn.gov.zhaoshang.reporting.report.UnitReport.Funnel;
import cn.gov.zhaoshang.reporting.report.UnitReport.KeyAreaFunnel;
import cn.gov.zhaoshang.reporting.report.UnitReport.LeaderActivity;
import cn.gov.zhaoshang.reporting.report.UnitReport.ResidentTeams;
import cn.gov.zhaoshang.reporting.report.UnitReport.Share;
import cn.gov.zhaoshang.reporting.report.UnitReport.SizeBands;
import cn.gov.zhaoshang.reporting.report.UnitReport.TeamFunnel;
import cn.gov.zhaoshang.reporting.report.UnitReport.Top500;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit reports, read from the pre-aggregated read models (docs/reporting.md). It does not check
 * who asks: callers (the report API, exports, period close) check the caller's org scope first.
 */
@Component
public class UnitReports {

    /** The key areas leader trips count for (glossary; the same list as enterprise-service's). */
    public static final List<String> LEADER_TRIP_KEY_AREAS = List.of("GBA", "YRD", "BTH");

    static final String ACTUALLY_USED_FDI_MISSING =
            "no event carries actually used foreign investment (实际利用外资); the contracts have only the contracted FDI of a project";
    static final String PER_PERSON_MISSING =
            "engagement-recorded events carry the leader's unit and role but not who the leader is (no personal data), so trips are counted per unit and role, not per person";

    /** Not a figure code (those are upper case): where {@link #targets} puts the definition version. */
    private static final String DEFINITION_VERSION = "definition-version";

    static final String UNITS =
            "WITH units AS (SELECT code FROM org_unit WHERE path <@ (SELECT path FROM org_unit WHERE code = :code)) ";

    private static final String YEAR_TO_DATE_SPAN = "ytd";

    /** Columns of unit_month_signing, summed for a span. */
    private static final List<String> SIGNING_COLUMNS = List.of("signed_count", "contract_investment",
            "manufacturing_count", "manufacturing_investment", "resident_team_count", "resident_team_investment",
            "fdi_contract_usd", "over_100m", "over_1b", "over_10b", "over_20b", "fortune_global_500", "china_500",
            "china_private_500", "china_manufacturing_500", "top500_three_classes", "top500_four_classes");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batch;

    public UnitReports(JdbcClient jdbc, NamedParameterJdbcOperations batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The report of a unit and everything under it, or empty when the unit is unknown. */
    @Transactional(readOnly = true)
    public Optional<UnitReport> find(String orgUnitCode, ReportPeriod period) {
        Statements rows = read(orgUnitCode, period);
        return Optional.ofNullable(rows.unit).map(unit -> report(unit, period, rows));
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

    private UnitReport report(OrgUnit unit, ReportPeriod period, Statements rows) {
        Ratio timeProgress = period.timeProgress();
        Map<String, BigDecimal> targets = rows.targets;
        BigDecimal definitionVersion = targets.remove(DEFINITION_VERSION);

        Map<String, Map<String, BigDecimal>> spans = rows.sums;
        Map<String, BigDecimal> now = spans.get("now");
        Map<String, BigDecimal> before = spans.get("before");
        Map<String, BigDecimal> ytd = spans.get(YEAR_TO_DATE_SPAN);
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
                definitionVersion == null ? null : definitionVersion.intValueExact(), timeProgress,
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

    /** What the report's statements return, read in one round trip ({@link #read}). */
    private static final class Statements {
        OrgUnit unit;
        final Map<String, BigDecimal> targets = new HashMap<>();
        Map<String, Map<String, BigDecimal>> sums = Map.of();
        final Map<String, long[]> funnelCounts = new LinkedHashMap<>();
        final Map<String, Object[]> intents = new LinkedHashMap<>();
        final Map<String, BigDecimal[]> teamSignings = new LinkedHashMap<>();
        final List<TeamRow> residentTeams = new ArrayList<>();
        final List<Object[]> leaderTrips = new ArrayList<>();
        final Map<String, Map<String, BigDecimal>> leaderTargets = new HashMap<>();
    }

    /**
     * Every statement of a report, sent to PostgreSQL as one batch (one round trip: the driver sends
     * the statements of a multi-statement prepared statement together and reads their results in
     * order). Each statement finds the unit's subtree from the unit's code itself, so none waits for
     * another's answer.
     */
    private Statements read(String orgUnitCode, ReportPeriod period) {
        ReportPeriod lastYear = period.sameLastYear();
        ReportPeriod yearToDate = period.yearToDateAtEnd();
        ReportPeriod half = period.halfYearAtEnd();
        Map<String, ReportPeriod> spans = new LinkedHashMap<>();
        spans.put("now", period);
        spans.put("before", lastYear);
        spans.put(YEAR_TO_DATE_SPAN, yearToDate);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("code", orgUnitCode).addValue("from", period.from()).addValue("to", period.to())
                .addValue("lyFrom", lastYear.from()).addValue("lyTo", lastYear.to())
                .addValue("ytdFrom", yearToDate.from()).addValue("lastMonth", period.lastMonth().atDay(1))
                .addValue("year", period.year()).addValue("day", period.to()).addValue("definition", DEFINITION_VERSION)
                .addValue("halfFrom", half.from()).addValue("halfYear", half.year()).addValue("areas", LEADER_TRIP_KEY_AREAS);
        for (Map.Entry<String, ReportPeriod> span : spans.entrySet()) {
            params.addValue(span.getKey() + "From", span.getValue().from()).addValue(span.getKey() + "To", span.getValue().to());
        }
        String sql = String.join(";\n", UNIT_SQL, TARGETS_SQL, sumsSql(spans.keySet()), FUNNEL_SQL, TEAM_SIGNINGS_SQL,
                RESIDENT_TEAMS_SQL, LEADER_TRIPS_SQL, LEADER_TARGETS_SQL);
        Statements rows = new Statements();
        batch.execute(sql, params, (PreparedStatement statement) -> {
            statement.execute();
            List<ResultSetReader> readers = List.of(
                    rs -> rows.unit = rs.next() ? new OrgUnit(rs.getString("code"), rs.getString("parent_code"),
                            OrgLevel.valueOf(rs.getString("level")), rs.getString("name_zh"), rs.getString("name_en"),
                            rs.getString("path")) : null,
                    rs -> {
                        while (rs.next()) {
                            rows.targets.put(rs.getString("figure"), rs.getBigDecimal("value").stripTrailingZeros());
                        }
                    },
                    rs -> {
                        rs.next();
                        rows.sums = sums(rs, spans.keySet());
                    },
                    rs -> {
                        while (rs.next()) {
                            String key = rs.getString("grouping") + ":" + rs.getString("key");
                            if ("F".equals(rs.getString("kind"))) {
                                rows.funnelCounts.put(key, new long[] {rs.getLong("docked"), rs.getLong("visited")});
                            } else {
                                rows.intents.put(key, new Object[] {rs.getLong("intents"), rs.getBigDecimal("amount")});
                            }
                        }
                    },
                    rs -> {
                        while (rs.next()) {
                            rows.teamSignings.put(rs.getString("team"), new BigDecimal[] {rs.getBigDecimal("signed_count"),
                                    rs.getBigDecimal("investment"), rs.getBigDecimal("ly_signed_count"),
                                    rs.getBigDecimal("ly_investment")});
                        }
                    },
                    rs -> {
                        while (rs.next()) {
                            rows.residentTeams.add(teamRow(rs));
                        }
                    },
                    rs -> {
                        while (rs.next()) {
                            rows.leaderTrips.add(new Object[] {rs.getString("leader_unit"), rs.getString("leader_role"),
                                    OrgLevel.valueOf(rs.getString("level")), rs.getLong("trips")});
                        }
                    },
                    rs -> {
                        while (rs.next()) {
                            rows.leaderTargets.computeIfAbsent(rs.getString("org_unit_code"), unit -> new HashMap<>())
                                    .put(rs.getString("figure"), rs.getBigDecimal("value").stripTrailingZeros());
                        }
                    });
            for (int i = 0; i < readers.size(); i++) {
                if (i > 0 && !statement.getMoreResults()) {
                    throw new IllegalStateException("the report batch returned " + i + " results, not " + readers.size());
                }
                try (ResultSet rs = statement.getResultSet()) {
                    readers.get(i).read(rs);
                }
            }
            return null;
        });
        return rows;
    }

    @FunctionalInterface
    private interface ResultSetReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static final String UNIT_SQL =
            "SELECT code, parent_code, level, name_zh, name_en, path::text AS path FROM org_unit WHERE code = :code";

    /**
     * The unit's own annual targets (set per unit, never summed from children) and, under the key
     * {@link #DEFINITION_VERSION}, the metric-definition version in force on the period's last day
     * ({@code definitions.DefinitionVersions}' table).
     */
    private static final String TARGETS_SQL = """
            SELECT figure, value FROM unit_target WHERE org_unit_code = :code AND year = :year
            UNION ALL
            (SELECT CAST(:definition AS varchar), CAST(version AS numeric) FROM definition_version
             WHERE effective_from <= :day ORDER BY effective_from DESC, version DESC LIMIT 1)""";

    /**
     * Every sum over the (unit, month) read models, in one row: the signing sums of each span; funds
     * in place of the period and last year's; the funds to the period's end of the projects signed in
     * the year to date; the library intake of both years; and how many of the projects signed in the
     * year to date reached LANDED and STARTED (or beyond) by its end. Each unit of the subtree is one
     * short index range of each table (their keys start with the unit, V12).
     */
    private static String sumsSql(java.util.Set<String> spans) {
        StringBuilder select = new StringBuilder();
        for (String span : spans) {
            for (String column : columnsOf(span)) {
                select.append(select.isEmpty() ? "" : ", ").append("coalesce(sum(").append(column)
                        .append(") FILTER (WHERE month BETWEEN :").append(span).append("From AND :").append(span)
                        .append("To), 0) AS ").append(span).append("_").append(column);
            }
        }
        // one month range per unit (last year's first month to the period's end), which the
        // (unit, month) index answers alone; the filters then pick each span's months
        return UNITS + "SELECT s.*, f.*, i.*, r.* FROM (SELECT " + select
                + " FROM unit_month_signing WHERE month BETWEEN :lyFrom AND :to AND org_unit_code IN (SELECT code FROM units)) s, "
                + """
                (SELECT (SELECT coalesce(sum(amount), 0) FROM unit_month_funds_in_place
                         WHERE month BETWEEN :from AND :to AND org_unit_code IN (SELECT code FROM units)) AS funds,
                        (SELECT coalesce(sum(amount), 0) FROM unit_month_funds_in_place
                         WHERE month BETWEEN :lyFrom AND :lyTo AND org_unit_code IN (SELECT code FROM units)) AS funds_before,
                        (SELECT coalesce(sum(amount), 0) FROM unit_signed_funds_to_date
                         WHERE to_month = :lastMonth AND signing_month BETWEEN :ytdFrom AND :lastMonth
                           AND org_unit_code IN (SELECT code FROM units)) AS funds_of_signed) f,
                (SELECT coalesce(sum(project_count) FILTER (WHERE month BETWEEN :from AND :to), 0) AS intake,
                        coalesce(sum(project_count) FILTER (WHERE month BETWEEN :lyFrom AND :lyTo), 0) AS intake_before
                 FROM unit_month_intake
                 WHERE month BETWEEN :lyFrom AND :to AND org_unit_code IN (SELECT code FROM units)) i,
                (SELECT coalesce(sum(project_count) FILTER (WHERE stage = 'LANDED'), 0) AS landed,
                        coalesce(sum(project_count) FILTER (WHERE stage = 'STARTED'), 0) AS started
                 FROM unit_stage_reached
                 WHERE signing_month BETWEEN :ytdFrom AND :to AND reached_month <= :to
                   AND org_unit_code IN (SELECT code FROM units)) r""";
    }

    /**
     * The signing columns a span needs: every one for the period and last year's; of the year to
     * date only the denominators of the landing, start and funds-to-contract rates.
     */
    private static List<String> columnsOf(String span) {
        return YEAR_TO_DATE_SPAN.equals(span) ? List.of("signed_count", "contract_investment") : SIGNING_COLUMNS;
    }

    /** The sums' row as {@code span name → column → sum}; under {@code "funds"} the other sums. */
    private static Map<String, Map<String, BigDecimal>> sums(ResultSet rs, java.util.Set<String> spans) throws SQLException {
        Map<String, Map<String, BigDecimal>> bySpan = new HashMap<>();
        for (String span : spans) {
            Map<String, BigDecimal> sums = new HashMap<>();
            for (String column : columnsOf(span)) {
                sums.put(column, rs.getBigDecimal(span + "_" + column));
            }
            bySpan.put(span, sums);
        }
        Map<String, BigDecimal> other = new HashMap<>();
        for (String column : List.of("funds", "funds_before", "funds_of_signed", "intake", "intake_before", "landed",
                "started")) {
            other.put(column, rs.getBigDecimal(column));
        }
        bySpan.put("funds", other);
        return bySpan;
    }

    /**
     * The resident-team funnel: the unit (every team's engagements recorded under it), per team, and
     * per key area (the area the team is stationed in; teams unknown to reporting have no area).
     *
     * <p>Every docking by a team under the unit in the year to the period's end is one row, marked
     * whether it falls in the period and whether its enterprise visited the unit in the period; the
     * counts are distinct enterprises over those rows: docked = with a docking in the period,
     * visited = among those docked in the year, those that visited. Whether an enterprise visited is
     * a window over the dockings and the visits together (sorted by enterprise), not a join or a
     * subquery per docking: the planner estimates one unit under any path (docs/benchmarks/history.md, cockpit), and
     * with a generic plan it ran such joins and subqueries as nested loops, which took seconds for
     * the region. The counts are those of the per-row EXISTS it replaces (ResidentTeamFunnelStatementTest).
     */
    static final String FUNNEL_SQL = UNITS + """
            , marks AS (
                SELECT e.enterprise_id, e.team, t.key_area, e.occurred_on >= :from AS in_period, false AS visit
                FROM engagement_enterprise e LEFT JOIN resident_team t ON t.team_id::text = e.team
                WHERE e.kind = 'DOCKING' AND e.team IS NOT NULL AND e.occurred_on BETWEEN :ytdFrom AND :to
                  AND e.org_unit_code IN (SELECT code FROM units)
                UNION ALL
                SELECT enterprise_id, NULL, NULL, false, true FROM engagement_enterprise
                WHERE kind = 'VISIT' AND occurred_on BETWEEN :from AND :to
                  AND org_unit_code IN (SELECT code FROM units)),
            docking AS (
                SELECT enterprise_id, team, key_area, in_period, visited
                FROM (SELECT *, bool_or(visit) OVER (PARTITION BY enterprise_id) AS visited FROM marks) flagged
                WHERE NOT visit),
            intent AS (
                SELECT e.team, t.key_area, e.intent_amount
                FROM engagement_fact e LEFT JOIN resident_team t ON t.team_id::text = e.team
                WHERE e.outcome = 'INTENT' AND e.team IS NOT NULL AND e.occurred_on BETWEEN :from AND :to
                  AND e.org_unit_code IN (SELECT code FROM units))
            SELECT 'F' AS kind, 'UNIT' AS grouping, '' AS key,
                   count(DISTINCT enterprise_id) FILTER (WHERE in_period) AS docked,
                   count(DISTINCT enterprise_id) FILTER (WHERE visited) AS visited, 0 AS intents, 0 AS amount
            FROM docking
            UNION ALL
            SELECT 'F', 'TEAM', team, count(DISTINCT enterprise_id) FILTER (WHERE in_period),
                   count(DISTINCT enterprise_id) FILTER (WHERE visited), 0, 0
            FROM docking GROUP BY team
            UNION ALL
            SELECT 'F', 'AREA', key_area, count(DISTINCT enterprise_id) FILTER (WHERE in_period),
                   count(DISTINCT enterprise_id) FILTER (WHERE visited), 0, 0
            FROM docking WHERE key_area IS NOT NULL GROUP BY key_area
            UNION ALL
            SELECT 'I', 'UNIT', '', 0, 0, count(*), coalesce(sum(intent_amount), 0) FROM intent
            UNION ALL
            SELECT 'I', 'TEAM', team, 0, 0, count(*), coalesce(sum(intent_amount), 0) FROM intent GROUP BY team
            UNION ALL
            SELECT 'I', 'AREA', key_area, 0, 0, count(*), coalesce(sum(intent_amount), 0) FROM intent
            WHERE key_area IS NOT NULL GROUP BY key_area""";

    /** Per team: signed count and investment this period, and the same last year. */
    private static final String TEAM_SIGNINGS_SQL = UNITS + """
            SELECT team_id::text AS team,
                   coalesce(sum(signed_count) FILTER (WHERE month BETWEEN :from AND :to), 0) AS signed_count,
                   coalesce(sum(contract_investment) FILTER (WHERE month BETWEEN :from AND :to), 0) AS investment,
                   coalesce(sum(signed_count) FILTER (WHERE month BETWEEN :lyFrom AND :lyTo), 0) AS ly_signed_count,
                   coalesce(sum(contract_investment) FILTER (WHERE month BETWEEN :lyFrom AND :lyTo), 0) AS ly_investment
            FROM team_month_signing
            WHERE month BETWEEN :lyFrom AND :to AND org_unit_code IN (SELECT code FROM units)
            GROUP BY team_id
            HAVING count(*) FILTER (WHERE month BETWEEN :from AND :to OR month BETWEEN :lyFrom AND :lyTo) > 0""";

    /**
     * Every resident team, with whether a unit under the report's unit owns it: the report shows
     * those and the teams whose engagements or signings fall under it ({@link #teams}).
     */
    private static final String RESIDENT_TEAMS_SQL = UNITS + """
            SELECT team_id::text AS id, name, org_unit_code, key_area, contract_targets::text AS targets,
                   org_unit_code IN (SELECT code FROM units) AS own
            FROM resident_team""";

    /** Leader trips to the key areas in the half year to the period's end, per leader unit and role. */
    private static final String LEADER_TRIPS_SQL = UNITS + """
            SELECT e.leader_unit, e.leader_role, o.level, count(*) AS trips
            FROM engagement_fact e JOIN org_unit o ON o.code = e.leader_unit
            WHERE e.kind = 'LEADER_TRIP' AND e.destination_area IN (:areas)
              AND e.occurred_on BETWEEN :halfFrom AND :to
              AND e.leader_unit IN (SELECT code FROM units)
            GROUP BY e.leader_unit, e.leader_role, o.level
            ORDER BY e.leader_unit, e.leader_role DESC""";

    /** The leader units' own targets of the half year's year. */
    private static final String LEADER_TARGETS_SQL = UNITS + """
            SELECT org_unit_code, figure, value FROM unit_target
            WHERE year = :halfYear AND org_unit_code IN (
                SELECT e.leader_unit FROM engagement_fact e
                WHERE e.kind = 'LEADER_TRIP' AND e.destination_area IN (:areas)
                  AND e.occurred_on BETWEEN :halfFrom AND :to
                  AND e.leader_unit IN (SELECT code FROM units))""";

    private ResidentTeams residentTeams(ReportPeriod period, FigureFactory figures, Ratio timeProgress, Statements rows) {
        Map<String, long[]> funnelCounts = rows.funnelCounts;
        Map<String, Object[]> intents = rows.intents;
        Map<String, BigDecimal[]> teamSignings = rows.teamSignings;
        Map<String, TeamRow> teams = teams(rows.residentTeams, teamSignings.keySet(), funnelCounts.keySet(), intents.keySet());

        Funnel total = funnel(funnelCounts.get("UNIT:"), intents.get("UNIT:"),
                figures.of("resident_team_count", null), figures.of("resident_team_investment", "RESIDENT_TEAM_CONTRACT"));

        List<TeamFunnel> teamFunnels = new ArrayList<>();
        Map<String, BigDecimal[]> areaSignings = new LinkedHashMap<>();
        for (TeamRow team : teams.values()) {
            BigDecimal[] signed = teamSignings.getOrDefault(team.id, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal target = team.contractTargets.get(String.valueOf(period.year()));
            Funnel funnel = funnel(funnelCounts.get("TEAM:" + team.id), intents.get("TEAM:" + team.id),
                    Figure.of(null, signed[0], signed[2], null, timeProgress),
                    Figure.of(null, signed[1], signed[3], target, timeProgress));
            teamFunnels.add(new TeamFunnel(team.teamId(), team.name, team.orgUnit, team.keyArea, funnel));
            if (team.keyArea != null) {
                areaSignings.merge(team.keyArea, signed, (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1]),
                        a[2].add(b[2]), a[3].add(b[3])});
            }
        }
        List<KeyAreaFunnel> areas = new ArrayList<>();
        areaSignings.keySet().stream().sorted().forEach(area -> {
            BigDecimal[] signed = areaSignings.get(area);
            areas.add(new KeyAreaFunnel(area, funnel(funnelCounts.get("AREA:" + area), intents.get("AREA:" + area),
                    Figure.of(null, signed[0], signed[2], null, timeProgress),
                    Figure.of(null, signed[1], signed[3], null, timeProgress))));
        });
        return new ResidentTeams(total, teamFunnels, areas);
    }

    private static Funnel funnel(long[] counts, Object[] intents, Figure signedCount, Figure signedInvestment) {
        long docked = counts == null ? 0 : counts[0];
        long visited = counts == null ? 0 : counts[1];
        long intentCount = intents == null ? 0 : (Long) intents[0];
        BigDecimal intentAmount = intents == null ? BigDecimal.ZERO : (BigDecimal) intents[1];
        return new Funnel(docked, visited, Ratio.of(BigDecimal.valueOf(visited), BigDecimal.valueOf(docked)),
                intentCount, intentAmount, signedCount, signedInvestment);
    }

    private record TeamRow(String id, String name, String orgUnit, String keyArea, Map<String, BigDecimal> contractTargets,
            boolean own) {
        UUID teamId() {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException notAnId) {
                return null;
            }
        }
    }

    /**
     * The teams of the report: those owned by a unit under it, and those whose engagements or
     * signings fall under it; a team that reporting has not heard of is shown by its id alone.
     */
    private static Map<String, TeamRow> teams(List<TeamRow> residentTeams, java.util.Set<String> signingTeams,
            java.util.Set<String> funnelKeys, java.util.Set<String> intentKeys) {
        Map<String, TeamRow> teams = new java.util.TreeMap<>();
        java.util.Set<String> mentioned = new java.util.TreeSet<>(signingTeams);
        for (String key : funnelKeys) {
            if (key.startsWith("TEAM:")) {
                mentioned.add(key.substring(5));
            }
        }
        for (String key : intentKeys) {
            if (key.startsWith("TEAM:")) {
                mentioned.add(key.substring(5));
            }
        }
        // the unit's own teams, and teams of other units (a regional lead department's) whose work falls under it
        for (TeamRow team : residentTeams) {
            if (team.own || mentioned.contains(team.id)) {
                teams.put(team.id, team);
            }
        }
        for (String id : mentioned) {
            teams.putIfAbsent(id, new TeamRow(id, null, null, null, Map.of(), false));
        }
        return teams;
    }

    private static TeamRow teamRow(ResultSet rs) throws SQLException {
        Map<String, BigDecimal> targets = new HashMap<>();
        String json = rs.getString("targets");
        // {"2022": "35000000000.00"}: flat strings only, as the team contract says
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\d{4})\"\\s*:\\s*\"([0-9.]+)\"").matcher(json);
        while (m.find()) {
            targets.put(m.group(1), new BigDecimal(m.group(2)));
        }
        return new TeamRow(rs.getString("id"), rs.getString("name"), rs.getString("org_unit_code"), rs.getString("key_area"), targets,
                rs.getBoolean("own"));
    }

    private List<LeaderActivity> leaderActivities(ReportPeriod period, Statements rows) {
        ReportPeriod half = period.halfYearAtEnd();
        List<LeaderActivity> activities = new ArrayList<>();
        for (Object[] trip : rows.leaderTrips) {
            String leaderUnit = (String) trip[0];
            activities.add(leaderActivity(leaderUnit, (String) trip[1], (OrgLevel) trip[2], half, (Long) trip[3],
                    rows.leaderTargets.getOrDefault(leaderUnit, Map.of())));
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
