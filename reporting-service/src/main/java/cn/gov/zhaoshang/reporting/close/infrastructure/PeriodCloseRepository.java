package cn.gov.zhaoshang.reporting.close.infrastructure;

import cn.gov.zhaoshang.reporting.close.model.PeriodClose;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The closed months, frozen: rows are inserted once and never updated. */
@Repository
public class PeriodCloseRepository {

    private static final String COLUMNS = """
            close_id, org_unit_code, month, closed_at, closed_by, deadline, late, definition_version,
            figures::text AS figures""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public PeriodCloseRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return false when the unit's month was closed already (by a concurrent request too) */
    public boolean insert(PeriodClose close) {
        return jdbc.sql("""
                INSERT INTO period_close (close_id, org_unit_code, month, closed_at, closed_by, deadline, late,
                    definition_version, figures)
                VALUES (:id, :unit, :month, :closedAt, :closedBy, :deadline, :late, :version, CAST(:figures AS jsonb))
                ON CONFLICT (org_unit_code, month) DO NOTHING""")
                .param("id", close.id())
                .param("unit", close.orgUnit())
                .param("month", close.month().atDay(1))
                .param("closedAt", Timestamp.from(close.closedAt()))
                .param("closedBy", close.closedBy())
                .param("deadline", close.deadline())
                .param("late", close.late())
                .param("version", close.definitionVersion())
                .param("figures", json.writeValueAsString(close.figures()))
                .update() == 1;
    }

    public Optional<PeriodClose> find(String orgUnit, YearMonth month) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM period_close WHERE org_unit_code = :unit AND month = :month")
                .param("unit", orgUnit).param("month", month.atDay(1))
                .query(this::toClose).optional();
    }

    /** The closes of {@code month} among the given units, by unit code. */
    public Map<String, PeriodClose> findAll(Collection<String> orgUnits, YearMonth month) {
        Map<String, PeriodClose> byUnit = new LinkedHashMap<>();
        if (orgUnits.isEmpty()) {
            return byUnit;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM period_close WHERE org_unit_code IN (:units) AND month = :month")
                .param("units", orgUnits).param("month", month.atDay(1))
                .query(this::toClose).list()
                .forEach(close -> byUnit.put(close.orgUnit(), close));
        return byUnit;
    }

    /** The unit's closed months from {@code from} to {@code to}, inclusive, oldest first. */
    public List<PeriodClose> closedBetween(String orgUnit, YearMonth from, YearMonth to) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM period_close WHERE org_unit_code = :unit AND month BETWEEN :from AND :to ORDER BY month")
                .param("unit", orgUnit).param("from", from.atDay(1)).param("to", to.atDay(1))
                .query(this::toClose).list();
    }

    private PeriodClose toClose(ResultSet rs, int row) throws SQLException {
        Map<String, String> figures = json.readValue(rs.getString("figures"), new TypeReference<LinkedHashMap<String, String>>() { });
        return new PeriodClose(rs.getObject("close_id", UUID.class), rs.getString("org_unit_code"),
                YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getTimestamp("closed_at").toInstant(),
                rs.getString("closed_by"), rs.getObject("deadline", LocalDate.class), rs.getBoolean("late"),
                rs.getInt("definition_version"), figures);
    }
}
