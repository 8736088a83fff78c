package cn.gov.zhaoshang.reporting.report;

import cn.gov.zhaoshang.reporting.report.application.UnitReports;
import cn.gov.zhaoshang.reporting.report.infrastructure.UnitReportRepository;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import static cn.gov.zhaoshang.reporting.support.Events.engagement;
import static cn.gov.zhaoshang.reporting.support.Events.teamDefined;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import cn.gov.zhaoshang.reporting.support.EventFeed;
import cn.gov.zhaoshang.reporting.support.Events;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.GeneratedOrgUnits;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * The resident-team funnel's statement ({@link UnitReports#FUNNEL_SQL}) counts what the statement it
 * replaced counted: that one, kept here as it was ({@link #PER_ROW_EXISTS_FUNNEL_SQL}), decided per
 * docking with EXISTS subqueries and a join between its CTEs, which PostgreSQL ran as nested loops
 * under a generic plan (seconds for the region). Both run on generated engagements (dockings by
 * several teams of the same enterprises, in and out of the period, visits before and after, by
 * teams reporting has never heard of, intents, promotion events) for units from the region down,
 * over months, quarters, half years, years and years to date, and must return the same rows.
 *
 * <p>The units (a region with 南宁, 贵港 and 桂林, named as the real ones) are generated for this class
 * alone ({@link GeneratedOrgUnits}), so no other class's engagements meet them.
 */
@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentTeamFunnelStatementIT {

    private static final GeneratedOrgUnits UNITS = GeneratedOrgUnits.newTree()
            .cityLike("450100").cityLike("450800").cityLike("450300").build();
    private static final String REGION = UNITS.twinOf("450000").code();
    private static final String NANNING = UNITS.twinOf("450100").code();
    private static final String XINGNING = UNITS.twinOf("450102").code();
    private static final String QINGXIU = UNITS.twinOf("450103").code();
    private static final String JIANGNAN = UNITS.twinOf("450105").code();
    private static final String GUIGANG = UNITS.twinOf("450800").code();
    private static final String GANGBEI = UNITS.twinOf("450802").code();
    private static final String GANGNAN = UNITS.twinOf("450803").code();
    private static final String GUIPING = UNITS.twinOf("450881").code();
    private static final String GUILIN = UNITS.twinOf("450300").code();

    private static final List<String> FUNNEL_UNITS = List.of(REGION, NANNING, GUIGANG, GUIPING, XINGNING, GUILIN);
    private static final List<String> PERIODS = List.of("2013-03", "2013-08", "2013-Q2", "2013-Q4", "2013-H1", "2013",
            "2013-10-YTD", "2013-01-YTD");
    private static final List<String> COUNTIES = List.of(XINGNING, QINGXIU, JIANGNAN, GANGBEI, GANGNAN, GUIPING);

    @Autowired
    NamedParameterJdbcOperations jdbc;

    final Random random = new Random(2013);

    @BeforeAll
    void feed() {
        UNITS.makeKnownTo("reporting-service");
        List<Events.Event> events = new ArrayList<>();
        List<UUID> teams = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            UUID team = UUID.nameUUIDFromBytes(("funnel-2013-team-" + t).getBytes());
            teams.add(team);
            events.add(teamDefined(team, t < 3 ? NANNING : GUIGANG, "测试工作队 2013-" + t, List.of("GBA", "YRD", "BTH").get(t % 3),
                    Map.of("2013", "1000000000.00")));
        }
        // a team that reporting has never heard of: no name, no key area
        teams.add(UUID.nameUUIDFromBytes("funnel-2013-unknown-team".getBytes()));
        List<UUID> enterprises = new ArrayList<>();
        for (int e = 0; e < 60; e++) {
            enterprises.add(UUID.nameUUIDFromBytes(("funnel-2013-enterprise-" + e).getBytes()));
        }
        for (int i = 0; i < 600; i++) {
            String county = COUNTIES.get(random.nextInt(COUNTIES.size()));
            UUID enterprise = enterprises.get(random.nextInt(enterprises.size()));
            LocalDate on = LocalDate.of(2013, 1, 1).plusDays(random.nextInt(365));
            UUID team = random.nextInt(5) == 0 ? null : teams.get(random.nextInt(teams.size()));
            String kind = switch (random.nextInt(10)) {
                case 0, 1, 2 -> "VISIT";
                case 3 -> "PROMOTION_EVENT";
                default -> "DOCKING";
            };
            boolean intent = team != null && random.nextInt(6) == 0;
            events.add(engagement(kind, county, team, on, enterprise, intent ? "INTENT" : "FOLLOW_UP",
                    intent ? (100 + random.nextInt(5000)) + "000000.00" : null, null, null, null));
        }
        EventFeed.sendAndAwait(PlatformServers.kafka().bootstrapServers(), "reporting-service", events, Duration.ofSeconds(120));
    }

    @Test
    void theFunnelStatementCountsWhatThePerRowExistsStatementCounted() {
        int visited = 0;
        int teamRows = 0;
        int areaRows = 0;
        for (String unit : FUNNEL_UNITS) {
            for (String text : PERIODS) {
                ReportPeriod period = ReportPeriod.parse(text);
                MapSqlParameterSource params = new MapSqlParameterSource().addValue("code", unit)
                        .addValue("from", period.from()).addValue("to", period.to())
                        .addValue("ytdFrom", period.yearToDateAtEnd().from());
                List<String> expected = rows(PER_ROW_EXISTS_FUNNEL_SQL, params);
                List<String> actual = rows(UnitReportRepository.FUNNEL_SQL, params);
                assertThat(actual).as(unit + " " + text).isEqualTo(expected);
                visited += (int) actual.stream().filter(row -> row.startsWith("F|UNIT") && !row.split("\\|", -1)[4].equals("0")).count();
                teamRows += (int) actual.stream().filter(row -> row.startsWith("F|TEAM")).count();
                areaRows += (int) actual.stream().filter(row -> row.startsWith("F|AREA")).count();
            }
        }
        // the records reach every part of the funnel
        assertThat(visited).isGreaterThan(10);
        assertThat(teamRows).isGreaterThan(50);
        assertThat(areaRows).isGreaterThan(20);
    }

    /** Every row as text (numbers as PostgreSQL gave them, scale included), sorted. */
    private List<String> rows(String sql, MapSqlParameterSource params) {
        List<String> rows = new ArrayList<>(jdbc.query(sql, params, (rs, row) -> String.join("|", rs.getString("kind"),
                rs.getString("grouping"), String.valueOf(rs.getString("key")), rs.getString("docked"), rs.getString("visited"),
                rs.getString("intents"), rs.getString("amount"))));
        rows.sort(null);
        return rows;
    }

    /** {@code UnitReportRepository.FUNNEL_SQL} before it counted over one window: as it was, verbatim. */
    private static final String PER_ROW_EXISTS_FUNNEL_SQL = UnitReportRepository.UNITS + """
            , team_engagement AS (
                SELECT e.enterprise_id, e.kind, e.team, e.occurred_on, t.key_area
                FROM engagement_enterprise e LEFT JOIN resident_team t ON t.team_id::text = e.team
                WHERE e.team IS NOT NULL AND e.org_unit_code IN (SELECT code FROM units)
                  AND e.occurred_on BETWEEN :ytdFrom AND :to),
            docked AS (
                SELECT DISTINCT enterprise_id, team, key_area FROM team_engagement
                WHERE kind = 'DOCKING' AND occurred_on BETWEEN :from AND :to),
            docked_in_year AS (
                SELECT DISTINCT enterprise_id, team, key_area FROM team_engagement WHERE kind = 'DOCKING'),
            visits AS (
                SELECT DISTINCT enterprise_id FROM engagement_enterprise
                WHERE kind = 'VISIT' AND occurred_on BETWEEN :from AND :to
                  AND org_unit_code IN (SELECT code FROM units)),
            intent AS (
                SELECT e.team, t.key_area, e.intent_amount
                FROM engagement_fact e LEFT JOIN resident_team t ON t.team_id::text = e.team
                WHERE e.outcome = 'INTENT' AND e.team IS NOT NULL AND e.occurred_on BETWEEN :from AND :to
                  AND e.org_unit_code IN (SELECT code FROM units))
            SELECT 'F' AS kind, 'UNIT' AS grouping, '' AS key,
                   (SELECT count(DISTINCT enterprise_id) FROM docked) AS docked,
                   (SELECT count(DISTINCT d.enterprise_id) FROM docked_in_year d JOIN visits v USING (enterprise_id)) AS visited,
                   0 AS intents, 0 AS amount
            UNION ALL
            SELECT 'F', 'TEAM', team, count(DISTINCT enterprise_id) FILTER (WHERE in_period),
                   count(DISTINCT enterprise_id) FILTER (WHERE visited), 0, 0
            FROM (SELECT d.enterprise_id, d.team,
                         EXISTS (SELECT 1 FROM docked p WHERE p.enterprise_id = d.enterprise_id AND p.team = d.team) AS in_period,
                         EXISTS (SELECT 1 FROM visits v WHERE v.enterprise_id = d.enterprise_id) AS visited
                  FROM docked_in_year d) per_team
            GROUP BY team
            UNION ALL
            SELECT 'F', 'AREA', key_area, count(DISTINCT enterprise_id) FILTER (WHERE in_period),
                   count(DISTINCT enterprise_id) FILTER (WHERE visited), 0, 0
            FROM (SELECT d.enterprise_id, d.key_area,
                         EXISTS (SELECT 1 FROM docked p WHERE p.enterprise_id = d.enterprise_id AND p.key_area = d.key_area) AS in_period,
                         EXISTS (SELECT 1 FROM visits v WHERE v.enterprise_id = d.enterprise_id) AS visited
                  FROM docked_in_year d WHERE d.key_area IS NOT NULL) per_area
            GROUP BY key_area
            UNION ALL
            SELECT 'I', 'UNIT', '', 0, 0, count(*), coalesce(sum(intent_amount), 0) FROM intent
            UNION ALL
            SELECT 'I', 'TEAM', team, 0, 0, count(*), coalesce(sum(intent_amount), 0) FROM intent GROUP BY team
            UNION ALL
            SELECT 'I', 'AREA', key_area, 0, 0, count(*), coalesce(sum(intent_amount), 0) FROM intent
            WHERE key_area IS NOT NULL GROUP BY key_area""";
}
