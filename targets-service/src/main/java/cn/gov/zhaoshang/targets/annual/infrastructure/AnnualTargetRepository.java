package cn.gov.zhaoshang.targets.annual.infrastructure;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.targets.annual.model.TargetFigure;
import cn.gov.zhaoshang.targets.annual.model.TargetStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Annual targets in PostgreSQL, one row per unit, year, figure and status. */
@Repository
public class AnnualTargetRepository {

    private final JdbcClient jdbc;

    public AnnualTargetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit's figures of the year with this status, at each figure's scale. */
    public Map<TargetFigure, BigDecimal> figures(UUID unitId, int year, TargetStatus status) {
        Map<TargetFigure, BigDecimal> figures = new EnumMap<>(TargetFigure.class);
        jdbc.sql("SELECT figure, value FROM annual_target WHERE unit_id = :unit AND year = :year AND status = :status")
                .param("unit", unitId).param("year", year).param("status", status.name())
                .query((rs, row) -> {
                    TargetFigure figure = TargetFigure.valueOf(rs.getString("figure"));
                    figures.put(figure, figure.normalize(rs.getBigDecimal("value").stripTrailingZeros()));
                    return null;
                }).list();
        return figures;
    }

    /** Confirmed figures of the year for each of the units (units without any are absent). */
    public Map<UUID, Map<TargetFigure, BigDecimal>> confirmedOf(List<UUID> unitIds, int year) {
        Map<UUID, Map<TargetFigure, BigDecimal>> byUnit = new HashMap<>();
        if (unitIds.isEmpty()) {
            return byUnit;
        }
        jdbc.sql("SELECT unit_id, figure, value FROM annual_target WHERE unit_id IN (:units) AND year = :year AND status = 'CONFIRMED'")
                .param("units", unitIds).param("year", year)
                .query((rs, row) -> {
                    TargetFigure figure = TargetFigure.valueOf(rs.getString("figure"));
                    byUnit.computeIfAbsent(rs.getObject("unit_id", UUID.class), id -> new EnumMap<>(TargetFigure.class))
                            .put(figure, figure.normalize(rs.getBigDecimal("value").stripTrailingZeros()));
                    return null;
                }).list();
        return byUnit;
    }

    /** Makes these the unit's figures of the year with this status; figures not given are removed. */
    public void replace(UUID unitId, int year, TargetStatus status, Map<TargetFigure, BigDecimal> figures,
            String actor, Instant at) {
        jdbc.sql("DELETE FROM annual_target WHERE unit_id = :unit AND year = :year AND status = :status")
                .param("unit", unitId).param("year", year).param("status", status.name()).update();
        figures.forEach((figure, value) -> jdbc.sql("""
                INSERT INTO annual_target (unit_id, year, figure, status, value, updated_at, updated_by)
                VALUES (:unit, :year, :figure, :status, :value, :at, :actor)""")
                .param("unit", unitId).param("year", year).param("figure", figure.name()).param("status", status.name())
                .param("value", value).param("at", Timestamp.from(at)).param("actor", actor)
                .update());
    }
}
