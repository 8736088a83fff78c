package cn.gov.zhaoshang.reporting.report.infrastructure;

import cn.gov.zhaoshang.reporting.report.application.UnitReports;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statements of a unit report over the pre-aggregated read models (docs/reporting.md), and the
 * typed rows they return; {@link UnitReports} makes the report of them.
 */
@Repository
public class UnitReportRepository {

    /** The key areas leader trips count for (glossary; the same list as enterprise-service's). */
    public static final List<String> LEADER_TRIP_KEY_AREAS = List.of("GBA", "YRD", "BTH");

    /** Not a figure code (those are upper case): where {@link #TARGETS_SQL} puts the definition version. */
    private static final String DEFINITION_VERSION = "definition-version";

    /**
     * The codes of the unit bound to {@code :code} and of every unit under it. Not written with
     * {@code OrgScope.pathInSubtree}: that condition needs the subtree's path bound as a parameter,
     * while every report statement is asked by unit code (and reads the unit's row and targets by it
     * too). Reading the path inside the statement keeps the subtree that of the statement's own
     * snapshot, so a unit moved meanwhile cannot make a report sum one tree's units under another's
     * path, and an unknown code simply finds nothing.
     */
    public static final String UNITS =
            "WITH units AS (SELECT code FROM org_unit WHERE path <@ (SELECT path FROM org_unit WHERE code = :code)) ";

    public static final String YEAR_TO_DATE_SPAN = "ytd";

    /** Columns of unit_month_signing, summed for a span. */
    private static final List<String> SIGNING_COLUMNS = List.of("signed_count", "contract_investment",
            "manufacturing_count", "manufacturing_investment", "resident_team_count", "resident_team_investment",
            "fdi_contract_usd", "over_100m", "over_1b", "over_10b", "over_20b", "fortune_global_500", "china_500",
            "china_private_500", "china_manufacturing_500", "top500_three_classes", "top500_four_classes");

    private static final TypeReference<Map<String, BigDecimal>> TARGETS_BY_YEAR = new TypeReference<>() {
    };

    private final NamedParameterJdbcOperations batch;
    private final JsonMapper json;

    public UnitReportRepository(NamedParameterJdbcOperations batch, JsonMapper json) {
        this.batch = batch;
        this.json = json;
    }

    /** How the funnel statement groups its rows: the whole unit, one team, or one key area. */
    public enum FunnelGrouping {
        UNIT, TEAM, AREA
    }

    /** A row group of the funnel statement: the unit (key ""), a team by id, or a key area by code. */
    public record FunnelKey(FunnelGrouping grouping, String key) {

        public static final FunnelKey UNIT = new FunnelKey(FunnelGrouping.UNIT, "");

        public static FunnelKey team(String teamId) {
            return new FunnelKey(FunnelGrouping.TEAM, teamId);
        }

        public static FunnelKey area(String keyArea) {
            return new FunnelKey(FunnelGrouping.AREA, keyArea);
        }
    }

    /** Distinct enterprises docked in the period, and of those docked in the year, those that visited. */
    public record FunnelCount(long docked, long visited) {
    }

    /** Intents recorded in the period and their amount. */
    public record IntentSum(long count, BigDecimal amount) {
    }

    /** A team's signings this period and the same period last year. */
    public record TeamSignings(BigDecimal signedCount, BigDecimal investment, BigDecimal lastYearSignedCount,
            BigDecimal lastYearInvestment) {

        public static final TeamSignings NONE = new TeamSignings(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        public TeamSignings plus(TeamSignings other) {
            return new TeamSignings(signedCount.add(other.signedCount), investment.add(other.investment),
                    lastYearSignedCount.add(other.lastYearSignedCount), lastYearInvestment.add(other.lastYearInvestment));
        }
    }

    /** A resident team; {@code own} when a unit under the report's unit owns it. */
    public record TeamRow(String id, String name, String orgUnit, String keyArea, Map<String, BigDecimal> contractTargets,
            boolean own) {

        public UUID teamId() {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException notAnId) {
                return null;
            }
        }
    }

    /** Leader trips to the key areas in the half year, of one leader unit and role. */
    public record LeaderTrips(String leaderUnit, String role, OrgLevel level, long trips) {
    }

    /**
     * What the report's statements return.
     *
     * @param unit null when the unit is unknown
     * @param definitionVersion the metric-definition version in force on the period's last day, if any
     * @param sums span name ({@code now}, {@code before}, {@code ytd}) → column → sum; under {@code funds} the other sums
     * @param leaderTargets leader unit → figure → target
     */
    public record Rows(OrgUnit unit, Map<String, BigDecimal> targets, Integer definitionVersion,
            Map<String, Map<String, BigDecimal>> sums, Map<FunnelKey, FunnelCount> funnelCounts,
            Map<FunnelKey, IntentSum> intents, Map<String, TeamSignings> teamSignings, List<TeamRow> residentTeams,
            List<LeaderTrips> leaderTrips, Map<String, Map<String, BigDecimal>> leaderTargets) {
    }

    /** The rows as the batch's readers fill them in. */
    private static final class Statement {
        OrgUnit unit;
        Integer definitionVersion;
        final Map<String, BigDecimal> targets = new HashMap<>();
        Map<String, Map<String, BigDecimal>> sums = Map.of();
        final Map<FunnelKey, FunnelCount> funnelCounts = new LinkedHashMap<>();
        final Map<FunnelKey, IntentSum> intents = new LinkedHashMap<>();
        final Map<String, TeamSignings> teamSignings = new LinkedHashMap<>();
        final List<TeamRow> residentTeams = new ArrayList<>();
        final List<LeaderTrips> leaderTrips = new ArrayList<>();
        final Map<String, Map<String, BigDecimal>> leaderTargets = new HashMap<>();

        Rows done() {
            return new Rows(unit, targets, definitionVersion, sums, funnelCounts, intents, teamSignings, residentTeams,
                    leaderTrips, leaderTargets);
        }
    }

    /**
     * Every statement of a report, sent to PostgreSQL as one batch (one round trip: the driver sends
     * the statements of a multi-statement prepared statement together and reads their results in
     * order). Each statement finds the unit's subtree from the unit's code itself, so none waits for
     * another's answer.
     */
    public Rows read(String orgUnitCode, ReportPeriod period) {
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
        Statement rows = new Statement();
        batch.execute(sql, params, (PreparedStatement statement) -> {
            statement.execute();
            List<ResultSetReader> readers = List.of(
                    rs -> rows.unit = rs.next() ? new OrgUnit(rs.getString("code"), rs.getString("parent_code"),
                            OrgLevel.valueOf(rs.getString("level")), rs.getString("name_zh"), rs.getString("name_en"),
                            rs.getString("path")) : null,
                    rs -> {
                        while (rs.next()) {
                            if (DEFINITION_VERSION.equals(rs.getString("figure"))) {
                                rows.definitionVersion = rs.getBigDecimal("value").intValueExact();
                            } else {
                                rows.targets.put(rs.getString("figure"), rs.getBigDecimal("value").stripTrailingZeros());
                            }
                        }
                    },
                    rs -> {
                        rs.next();
                        rows.sums = sums(rs, spans.keySet());
                    },
                    rs -> {
                        while (rs.next()) {
                            FunnelKey key = new FunnelKey(FunnelGrouping.valueOf(rs.getString("grouping")), rs.getString("key"));
                            if ("F".equals(rs.getString("kind"))) {
                                rows.funnelCounts.put(key, new FunnelCount(rs.getLong("docked"), rs.getLong("visited")));
                            } else {
                                rows.intents.put(key, new IntentSum(rs.getLong("intents"), rs.getBigDecimal("amount")));
                            }
                        }
                    },
                    rs -> {
                        while (rs.next()) {
                            rows.teamSignings.put(rs.getString("team"), new TeamSignings(rs.getBigDecimal("signed_count"),
                                    rs.getBigDecimal("investment"), rs.getBigDecimal("ly_signed_count"),
                                    rs.getBigDecimal("ly_investment")));
                        }
                    },
                    rs -> {
                        while (rs.next()) {
                            rows.residentTeams.add(teamRow(rs));
                        }
                    },
                    rs -> {
                        while (rs.next()) {
                            rows.leaderTrips.add(new LeaderTrips(rs.getString("leader_unit"), rs.getString("leader_role"),
                                    OrgLevel.valueOf(rs.getString("level")), rs.getLong("trips")));
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
        return rows.done();
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
    private static String sumsSql(Set<String> spans) {
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
    private static Map<String, Map<String, BigDecimal>> sums(ResultSet rs, Set<String> spans) throws SQLException {
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
     * the region. The counts are those of the per-row EXISTS it replaces (ResidentTeamFunnelStatementIT).
     */
    public static final String FUNNEL_SQL = UNITS + """
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
     * those and the teams whose engagements or signings fall under it ({@link UnitReports}).
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

    private TeamRow teamRow(ResultSet rs) throws SQLException {
        // {"2022": "35000000000.00"}: flat strings only, as the team contract says
        String targets = rs.getString("targets");
        Map<String, BigDecimal> byYear = targets == null ? Map.of() : json.readValue(targets, TARGETS_BY_YEAR);
        return new TeamRow(rs.getString("id"), rs.getString("name"), rs.getString("org_unit_code"), rs.getString("key_area"),
                byYear, rs.getBoolean("own"));
    }
}
