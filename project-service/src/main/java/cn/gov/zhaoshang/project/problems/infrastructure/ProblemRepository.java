package cn.gov.zhaoshang.project.problems.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.project.problems.model.ProblemCategory;
import cn.gov.zhaoshang.project.problems.model.ProblemFilter;
import cn.gov.zhaoshang.project.problems.model.ProblemStatus;
import cn.gov.zhaoshang.project.problems.model.ProjectProblem;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The problems of the projects' problem logs in PostgreSQL (table {@code project_problem}). */
@Repository
public class ProblemRepository {

    /**
     * The orders a project's problems can be listed in. {@code status,asc}, the default, puts the
     * open ones (OPEN and IN_PROGRESS alike) before the solved ones, each by deadline.
     */
    public static final SortOrders SORT_ORDERS = SortOrders.of(
            "status,asc", "(status = 'SOLVED') ASC, deadline ASC, created_at ASC",
            "deadline,asc", "deadline ASC, created_at ASC",
            "deadline,desc", "deadline DESC, created_at DESC",
            "createdAt,asc", "created_at ASC",
            "createdAt,desc", "created_at DESC");

    private static final String COLUMNS = """
            id, project_id, category, description, department, deadline, status, resolution,
            created_at, created_by, updated_at, updated_by, version""";

    private static final String OVERDUE = "(status <> 'SOLVED' AND deadline < :today)";

    private final JdbcClient jdbc;

    public ProblemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ProjectProblem problem) {
        jdbc.sql("""
                INSERT INTO project_problem (id, project_id, category, description, department, deadline, status,
                                             resolution, created_at, created_by, updated_at, updated_by, version)
                VALUES (:id, :projectId, :category, :description, :department, :deadline, :status,
                        :resolution, :createdAt, :createdBy, :updatedAt, :updatedBy, :version)""")
                .param("id", problem.id())
                .param("projectId", problem.projectId())
                .param("category", problem.category().name())
                .param("description", problem.description())
                .param("department", problem.department())
                .param("deadline", problem.deadline())
                .param("status", problem.status().name())
                .param("resolution", problem.resolution())
                .param("createdAt", Timestamp.from(problem.createdAt()))
                .param("createdBy", problem.createdBy())
                .param("updatedAt", Timestamp.from(problem.updatedAt()))
                .param("updatedBy", problem.updatedBy())
                .param("version", problem.version())
                .update();
    }

    /** The problem of that project; empty when it does not exist or belongs to another project. */
    public Optional<ProjectProblem> find(UUID projectId, UUID problemId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project_problem WHERE id = :id AND project_id = :projectId")
                .param("id", problemId).param("projectId", projectId)
                .query(ProblemRepository::toProblem)
                .optional();
    }

    /** As {@link #find}, locked until the transaction ends, so that two changes of one problem happen one after the other. */
    public Optional<ProjectProblem> lock(UUID projectId, UUID problemId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project_problem WHERE id = :id AND project_id = :projectId FOR UPDATE")
                .param("id", problemId).param("projectId", projectId)
                .query(ProblemRepository::toProblem)
                .optional();
    }

    /**
     * Writes a changed problem over the version it was changed from.
     *
     * @throws OptimisticLockingFailureException when that version is no longer the stored one
     */
    public void update(ProjectProblem after, long changedFromVersion) {
        int updated = jdbc.sql("""
                UPDATE project_problem
                SET description = :description, department = :department, deadline = :deadline, status = :status,
                    resolution = :resolution, updated_at = :updatedAt, updated_by = :updatedBy, version = :version
                WHERE id = :id AND version = :changedFromVersion""")
                .param("id", after.id())
                .param("description", after.description())
                .param("department", after.department())
                .param("deadline", after.deadline())
                .param("status", after.status().name())
                .param("resolution", after.resolution())
                .param("updatedAt", Timestamp.from(after.updatedAt()))
                .param("updatedBy", after.updatedBy())
                .param("version", after.version())
                .param("changedFromVersion", changedFromVersion)
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("problem " + after.id() + " is no longer at version " + changedFromVersion);
        }
    }

    public List<ProjectProblem> page(UUID projectId, ProblemFilter filter, SortOrders.Order sort, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project_problem WHERE " + where(filter)
                        + " ORDER BY " + sort.orderBy() + ", id LIMIT :limit OFFSET :offset")
                .params(parameters(projectId, filter))
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(ProblemRepository::toProblem)
                .list();
    }

    public long count(UUID projectId, ProblemFilter filter) {
        return jdbc.sql("SELECT count(*) FROM project_problem WHERE " + where(filter))
                .params(parameters(projectId, filter))
                .query(Long.class).single();
    }

    private static String where(ProblemFilter filter) {
        String statuses = filter.statuses().isEmpty() ? "" : " AND status IN (:statuses)";
        String overdue = filter.overdue() == null ? "" : filter.overdue() ? " AND " + OVERDUE : " AND NOT " + OVERDUE;
        return "project_id = :projectId" + statuses + overdue;
    }

    private static Map<String, Object> parameters(UUID projectId, ProblemFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("projectId", projectId);
        parameters.put("today", filter.today());
        if (!filter.statuses().isEmpty()) {
            parameters.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        return parameters;
    }

    private static ProjectProblem toProblem(ResultSet rs, int row) throws SQLException {
        return new ProjectProblem(
                rs.getObject("id", UUID.class),
                rs.getObject("project_id", UUID.class),
                ProblemCategory.valueOf(rs.getString("category")),
                rs.getString("description"),
                rs.getString("department"),
                rs.getObject("deadline", LocalDate.class),
                ProblemStatus.valueOf(rs.getString("status")),
                rs.getString("resolution"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"),
                rs.getLong("version"));
    }
}
