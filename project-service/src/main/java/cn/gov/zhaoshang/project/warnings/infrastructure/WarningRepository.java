package cn.gov.zhaoshang.project.warnings.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.warnings.model.ProjectWarning;
import cn.gov.zhaoshang.project.warnings.model.WarningFilter;
import cn.gov.zhaoshang.project.warnings.model.WarningKind;
import cn.gov.zhaoshang.project.warnings.model.WarningRules;
import cn.gov.zhaoshang.project.warnings.model.WarningRules.ProjectFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Project warnings in PostgreSQL, and the facts the evaluation reads from the library. */
@Repository
public class WarningRepository {

    /** The orders a list of warnings can be sorted by. */
    public static final SortOrders SORT_ORDERS = SortOrders.of(
            "raisedAt,desc", "w.raised_at DESC",
            "raisedAt,asc", "w.raised_at ASC",
            "since,asc", "w.since ASC",
            "since,desc", "w.since DESC",
            "orgUnit,asc", "p.org_unit_code ASC",
            "orgUnit,desc", "p.org_unit_code DESC");

    private static final String COLUMNS = """
            w.id, w.project_id, p.name, p.org_unit_code, w.kind, w.stage, w.since, w.raised_at, w.cleared_at""";

    private static final String IN_SCOPE = OrgScope.codeInSubtree("p.org_unit_code", OrgScope.CALLER_PATH);

    private static final String IN_UNIT = OrgScope.codeInSubtree("p.org_unit_code", "unitPath");

    private final JdbcClient jdbc;

    public WarningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Lets one evaluation run at a time across every replica of the service, until the
     * transaction ends.
     *
     * @return false when another evaluation is running
     */
    public boolean tryLockEvaluation() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('project-warnings-evaluation'))")
                .query(Boolean.class).single();
    }

    /**
     * The facts of every project that counts (accepted in duplicate review) in a watched stage: a
     * stage where it can be stale or not started, or one where its problems are watched while it
     * has open ones. Its last update is the latest of its registration, its stage moves, its funds
     * reports and any audited change of the project itself (reads of personal data excluded); the
     * problem log's entries are the problems' own, not updates of the project. The earliest open
     * deadline is read through the partial index of open problems ({@code project_problem_open_deadline}).
     */
    public List<ProjectFacts> watchedProjects() {
        return jdbc.sql("""
                SELECT p.id, p.org_unit_code, p.stage, p.planned_start_date,
                       greatest(p.registered_at,
                                (SELECT max(m.moved_at) FROM project_stage_move m WHERE m.project_id = p.id),
                                (SELECT max(f.reported_at) FROM project_funds f WHERE f.project_id = p.id),
                                (SELECT max(a.occurred_at) FROM audit_log a
                                  WHERE a.entity_type = 'project' AND a.entity_id = p.id::text
                                    AND a.action NOT LIKE 'read%')) AS last_update,
                       (SELECT min(pp.deadline) FROM project_problem pp
                         WHERE pp.project_id = p.id AND pp.status <> 'SOLVED') AS earliest_open_problem_deadline
                FROM project p
                WHERE p.review_status = 'ACCEPTED'
                  AND (p.stage IN (:staleOrNotStartedStages)
                       OR (p.stage IN (:problemStages)
                           AND EXISTS (SELECT 1 FROM project_problem pp WHERE pp.project_id = p.id AND pp.status <> 'SOLVED')))""")
                .param("staleOrNotStartedStages", names(Stream.concat(WarningRules.STALE_AFTER.keySet().stream(),
                        WarningRules.NOT_STARTED_IN.stream())))
                .param("problemStages", names(WarningRules.PROBLEMS_WATCHED_IN.stream()))
                .query((rs, row) -> new ProjectFacts(rs.getObject("id", UUID.class), rs.getString("org_unit_code"),
                        ProjectStage.valueOf(rs.getString("stage")),
                        rs.getTimestamp("last_update").toInstant(),
                        rs.getObject("planned_start_date", LocalDate.class),
                        rs.getObject("earliest_open_problem_deadline", LocalDate.class)))
                .list();
    }

    private static List<String> names(Stream<ProjectStage> stages) {
        return stages.map(Enum::name).distinct().sorted().toList();
    }

    /** Every open warning, with its project's current unit. */
    public List<ProjectWarning> openWarnings() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project_warning w JOIN project p ON p.id = w.project_id"
                        + " WHERE w.cleared_at IS NULL")
                .query(WarningRepository::toWarning)
                .list();
    }

    public void insert(ProjectWarning warning) {
        jdbc.sql("""
                INSERT INTO project_warning (id, project_id, kind, stage, since, raised_at)
                VALUES (:id, :projectId, :kind, :stage, :since, :raisedAt)""")
                .param("id", warning.id())
                .param("projectId", warning.projectId())
                .param("kind", warning.kind().name())
                .param("stage", warning.stage().name())
                .param("since", warning.since())
                .param("raisedAt", Timestamp.from(warning.raisedAt()))
                .update();
    }

    public void clear(UUID warningId, Instant clearedAt) {
        jdbc.sql("UPDATE project_warning SET cleared_at = :clearedAt WHERE id = :id AND cleared_at IS NULL")
                .param("id", warningId)
                .param("clearedAt", Timestamp.from(clearedAt))
                .update();
    }

    public List<ProjectWarning> page(OrgScope scope, WarningFilter filter, SortOrders.Order sort, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project_warning w JOIN project p ON p.id = w.project_id WHERE "
                        + where(filter) + " ORDER BY " + sort.orderBy() + ", w.id LIMIT :limit OFFSET :offset")
                .param("callerPath", scope.path())
                .param("unitPath", filter.unitPath())
                .param("kind", filter.kind() == null ? null : filter.kind().name())
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(WarningRepository::toWarning)
                .list();
    }

    public long count(OrgScope scope, WarningFilter filter) {
        return jdbc.sql("SELECT count(*) FROM project_warning w JOIN project p ON p.id = w.project_id WHERE " + where(filter))
                .param("callerPath", scope.path())
                .param("unitPath", filter.unitPath())
                .param("kind", filter.kind() == null ? null : filter.kind().name())
                .query(Long.class).single();
    }

    private static String where(WarningFilter filter) {
        String open = filter.open() == null ? "" : filter.open() ? " AND w.cleared_at IS NULL" : " AND w.cleared_at IS NOT NULL";
        String kind = filter.kind() == null ? "" : " AND w.kind = :kind";
        return IN_SCOPE + " AND " + IN_UNIT + open + kind;
    }

    private static ProjectWarning toWarning(ResultSet rs, int row) throws SQLException {
        Timestamp cleared = rs.getTimestamp("cleared_at");
        return new ProjectWarning(
                rs.getObject("id", UUID.class),
                rs.getObject("project_id", UUID.class),
                rs.getString("name"),
                rs.getString("org_unit_code"),
                WarningKind.valueOf(rs.getString("kind")),
                ProjectStage.valueOf(rs.getString("stage")),
                rs.getObject("since", LocalDate.class),
                rs.getTimestamp("raised_at").toInstant(),
                cleared == null ? null : cleared.toInstant());
    }
}
