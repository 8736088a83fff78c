package cn.gov.zhaoshang.reporting.ranking.infrastructure;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.reporting.ranking.model.ProjectWarning;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Project warnings as project-service raised and cleared them (table {@code project_warning}, kept
 * by the read-model projector): reporting shows them and never computes them again.
 */
@Repository
public class ProjectWarnings {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    public ProjectWarnings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The warnings open at the month's end (Beijing time) of projects under the unit at {@code unitPath}. */
    public List<ProjectWarning> openAtEndOf(String unitPath, YearMonth month) {
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(CHINA).toInstant();
        return jdbc.sql("""
                SELECT w.warning_id, w.project_id, w.org_unit_code, w.kind, w.stage, w.since, w.raised_at,
                       coalesce(f.key_project, false) AS key_project
                FROM project_warning w LEFT JOIN project_fact f ON f.project_id = w.project_id
                WHERE\s""" + OrgScope.codeInSubtree("w.org_unit_code", "path") + """

                  AND w.raised_at < :end AND (w.cleared_at IS NULL OR w.cleared_at >= :end)
                ORDER BY w.raised_at, w.warning_id""")
                .param("path", unitPath).param("end", Timestamp.from(end))
                .query((rs, row) -> new ProjectWarning(rs.getObject("warning_id", UUID.class),
                        rs.getObject("project_id", UUID.class), rs.getString("org_unit_code"), rs.getString("kind"),
                        rs.getString("stage"), rs.getObject("since", LocalDate.class),
                        rs.getTimestamp("raised_at").toInstant(), rs.getBoolean("key_project")))
                .list();
    }
}
