package cn.gov.zhaoshang.reporting.report.infrastructure;

import cn.gov.zhaoshang.reporting.report.application.UnitReports;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import cn.gov.zhaoshang.reporting.report.model.TargetFigures;
import cn.gov.zhaoshang.reporting.report.model.UnitReport;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link TargetFigures} of every direct child of a unit, for one period, in one grouped statement
 * over the aggregates the unit report adds up ({@code unit_month_signing}, {@code unit_month_funds_in_place},
 * {@code unit_month_intake}) and the children's targets: what rankings read, instead of one full
 * report per child (seven statements each, most of them for figures a ranking never uses). Each actual
 * is the report's: the same rows of the child's subtree, the same sums, and 0 where the subtree has no
 * row in the period, so the results equal {@link TargetFigures#of(UnitReport)} of the children's
 * reports, scale included. It does not check who asks.
 */
@Component
public class ChildrenTargetFigures {

    /** Target figure code → the column of the statement that holds its actual (the report's sum of that figure). */
    static final Map<String, String> COLUMNS = columns();

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("SIGNED_COUNT", "signed_count");
        columns.put("CONTRACT_INVESTMENT", "contract_investment");
        columns.put("FUNDS_IN_PLACE", "funds");
        columns.put("LIBRARY_INTAKE", "intake");
        columns.put("TOP500_FORTUNE_GLOBAL_500", "fortune_global_500");
        columns.put("TOP500_CHINA_500", "china_500");
        columns.put("TOP500_CHINA_PRIVATE_500", "china_private_500");
        columns.put("TOP500_CHINA_MANUFACTURING_500", "china_manufacturing_500");
        columns.put("TOP500_THREE_CLASSES", "top500_three_classes");
        columns.put("TOP500_FOUR_CLASSES", "top500_four_classes");
        columns.put("PROJECTS_OVER_100M", "over_100m");
        columns.put("PROJECTS_OVER_1B", "over_1b");
        columns.put("PROJECTS_OVER_10B", "over_10b");
        columns.put("PROJECTS_OVER_20B", "over_20b");
        columns.put("RESIDENT_TEAM_CONTRACT", "resident_team_investment");
        return Collections.unmodifiableMap(columns);
    }

    /** The unit_month_signing columns among them. */
    private static final List<String> SIGNING_COLUMNS = COLUMNS.values().stream()
            .filter(column -> !column.equals("funds") && !column.equals("intake")).toList();

    /**
     * Per child, its subtree's rows of each aggregate in the period, summed; a child whose subtree has
     * no row gets the report's 0 ({@code coalesce(sum(…), 0)}). Targets come as two arrays (codes and
     * values) of the child's own targets of the year. Children in code order, as
     * {@link UnitReports#children} gives them.
     */
    private static final String SQL = """
            WITH children AS (SELECT code, name_zh, level, path FROM org_unit WHERE parent_code = :code),
            members AS (SELECT c.code AS child, u.code AS member FROM children c JOIN org_unit u ON u.path <@ c.path),
            signing AS (
                SELECT m.child, %s
                FROM members m JOIN unit_month_signing s ON s.org_unit_code = m.member
                WHERE s.month BETWEEN :from AND :to
                GROUP BY m.child),
            funds AS (
                SELECT m.child, sum(f.amount) AS funds
                FROM members m JOIN unit_month_funds_in_place f ON f.org_unit_code = m.member
                WHERE f.month BETWEEN :from AND :to
                GROUP BY m.child),
            intake AS (
                SELECT m.child, sum(i.project_count) AS intake
                FROM members m JOIN unit_month_intake i ON i.org_unit_code = m.member
                WHERE i.month BETWEEN :from AND :to
                GROUP BY m.child),
            targets AS (
                SELECT t.org_unit_code AS child, array_agg(t.figure ORDER BY t.figure) AS target_figures,
                       array_agg(t.value ORDER BY t.figure) AS target_values
                FROM unit_target t JOIN children c ON c.code = t.org_unit_code
                WHERE t.year = :year
                GROUP BY t.org_unit_code)
            SELECT c.code, c.name_zh, c.level, %s,
                   coalesce(f.funds, 0) AS funds, coalesce(i.intake, 0) AS intake,
                   t.target_figures, t.target_values
            FROM children c
            LEFT JOIN signing s ON s.child = c.code
            LEFT JOIN funds f ON f.child = c.code
            LEFT JOIN intake i ON i.child = c.code
            LEFT JOIN targets t ON t.child = c.code
            ORDER BY c.code""".formatted(
            SIGNING_COLUMNS.stream().map(column -> "sum(s." + column + ") AS " + column).collect(Collectors.joining(", ")),
            SIGNING_COLUMNS.stream().map(column -> "coalesce(s." + column + ", 0) AS " + column).collect(Collectors.joining(", ")));

    private final JdbcClient jdbc;

    public ChildrenTargetFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit's direct children by code; empty for a unit without children (or an unknown one). */
    @Transactional(readOnly = true)
    public List<TargetFigures> of(String orgUnitCode, ReportPeriod period) {
        return jdbc.sql(SQL).param("code", orgUnitCode).param("from", period.from()).param("to", period.to())
                .param("year", period.year())
                .query((rs, row) -> figures(rs, period))
                .list();
    }

    private static TargetFigures figures(ResultSet rs, ReportPeriod period) throws SQLException {
        Map<String, BigDecimal> actuals = new HashMap<>();
        for (Map.Entry<String, String> column : COLUMNS.entrySet()) {
            actuals.put(column.getKey(), rs.getBigDecimal(column.getValue()));
        }
        Map<String, BigDecimal> targets = new HashMap<>();
        Array figures = rs.getArray("target_figures");
        if (figures != null) {
            String[] codes = (String[]) figures.getArray();
            BigDecimal[] values = (BigDecimal[]) rs.getArray("target_values").getArray();
            for (int i = 0; i < codes.length; i++) {
                // as the report keeps targets (stripped), and only those a target figure is measured against
                if (COLUMNS.containsKey(codes[i])) {
                    targets.put(codes[i], values[i].stripTrailingZeros());
                }
            }
        }
        return new TargetFigures(rs.getString("code"), rs.getString("name_zh"), rs.getString("level"), period, actuals,
                targets);
    }
}
