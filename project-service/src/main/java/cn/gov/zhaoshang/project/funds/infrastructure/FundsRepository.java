package cn.gov.zhaoshang.project.funds.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.funds.model.FundsEvidenceType;
import cn.gov.zhaoshang.project.funds.model.FundsVersion;
import cn.gov.zhaoshang.project.funds.model.MonthTotal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Versions of funds in place in PostgreSQL: inserted, never updated. */
@Repository
public class FundsRepository {

    private final JdbcClient jdbc;

    public FundsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID projectId, FundsVersion version) {
        jdbc.sql("""
                INSERT INTO project_funds (project_id, month, version, amount, evidence_type, evidence_number,
                                           evidence_date, reason, reported_at, reported_by)
                VALUES (:projectId, :month, :version, :amount, :evidenceType, :evidenceNumber, :evidenceDate,
                        :reason, :reportedAt, :reportedBy)""")
                .param("projectId", projectId)
                .param("month", version.month().atDay(1))
                .param("version", version.version())
                .param("amount", version.amount())
                .param("evidenceType", version.evidenceType().name())
                .param("evidenceNumber", version.evidenceNumber())
                .param("evidenceDate", version.evidenceDate())
                .param("reason", version.reason())
                .param("reportedAt", Timestamp.from(version.reportedAt()))
                .param("reportedBy", version.reportedBy())
                .update();
    }

    /** Every version of every month of a project, by month then version. */
    public List<FundsVersion> versionsOf(UUID projectId) {
        return jdbc.sql("SELECT * FROM project_funds WHERE project_id = :projectId ORDER BY month, version")
                .param("projectId", projectId)
                .query(FundsRepository::toVersion)
                .list();
    }

    public List<FundsVersion> versionsOf(UUID projectId, YearMonth month) {
        return jdbc.sql("SELECT * FROM project_funds WHERE project_id = :projectId AND month = :month ORDER BY version")
                .param("projectId", projectId)
                .param("month", month.atDay(1))
                .query(FundsRepository::toVersion)
                .list();
    }

    /**
     * The month's funds in place of the projects in scope, each project counted with its latest
     * version only; terminated projects, projects not accepted in duplicate review and SIGNED-pending
     * projects (waiting for a leader's confirmation) are out of every count.
     */
    public MonthTotal totalInScope(YearMonth month, OrgScope scope) {
        return jdbc.sql("""
                SELECT coalesce(sum(latest.amount), 0) AS total, count(*) AS projects
                FROM (SELECT DISTINCT ON (f.project_id) f.project_id, f.amount
                      FROM project_funds f
                      JOIN project p ON p.id = f.project_id
                      WHERE f.month = :month AND p.stage <> 'TERMINATED' AND p.review_status = 'ACCEPTED' AND p.signing_confirmed AND\s"""
                          + OrgScope.codeInSubtree("p.org_unit_code", OrgScope.CALLER_PATH) + """

                      ORDER BY f.project_id, f.version DESC) latest""")
                .param("month", month.atDay(1))
                .param("callerPath", scope.path())
                .query((rs, row) -> new MonthTotal(rs.getBigDecimal("total").setScale(2), rs.getLong("projects")))
                .single();
    }

    private static FundsVersion toVersion(ResultSet rs, int row) throws SQLException {
        return new FundsVersion(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getInt("version"),
                rs.getBigDecimal("amount"), FundsEvidenceType.valueOf(rs.getString("evidence_type")),
                rs.getString("evidence_number"), rs.getObject("evidence_date", LocalDate.class), rs.getString("reason"),
                rs.getTimestamp("reported_at").toInstant(), rs.getString("reported_by"));
    }
}
