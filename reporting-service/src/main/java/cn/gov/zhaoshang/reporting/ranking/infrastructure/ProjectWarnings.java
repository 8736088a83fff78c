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
                SELECT warning_id, project_id, org_unit_code, kind, stage, since, raised_at FROM project_warning
                WHERE\s""" + OrgScope.codeInSubtree("org_unit_code", "path") + """

                  AND raised_at < :end AND (cleared_at IS NULL OR cleared_at >= :end)
                ORDER BY raised_at, warning_id""")
                .param("path", unitPath).param("end", Timestamp.from(end))
                .query((rs, row) -> new ProjectWarning(rs.getObject("warning_id", UUID.class),
                        rs.getObject("project_id", UUID.class), rs.getString("org_unit_code"), rs.getString("kind"),
                        rs.getString("stage"), rs.getObject("since", LocalDate.class),
                        rs.getTimestamp("raised_at").toInstant()))
                .list();
    }
}
