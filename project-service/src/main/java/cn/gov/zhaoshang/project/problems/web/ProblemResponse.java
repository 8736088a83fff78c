package cn.gov.zhaoshang.project.problems.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.gov.zhaoshang.project.problems.model.ProjectProblem;

/**
 * A problem as the API shows it.
 *
 * @param resolution null unless SOLVED
 * @param overdue    open and past its deadline today (in the bureaus' calendar): what raises the
 *     project's PROBLEM_OVERDUE warning
 * @param version    the version a change must name in {@code If-Match} (as the ETag {@code "<version>"})
 */
public record ProblemResponse(UUID id, UUID projectId, String category, String description, String department,
        LocalDate deadline, String status, String resolution, boolean overdue, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy, long version) {

    static ProblemResponse of(ProjectProblem problem, LocalDate today) {
        return new ProblemResponse(problem.id(), problem.projectId(), problem.category().name(), problem.description(),
                problem.department(), problem.deadline(), problem.status().name(), problem.resolution(),
                problem.isOverdueOn(today), problem.createdAt(), problem.createdBy(), problem.updatedAt(),
                problem.updatedBy(), problem.version());
    }
}
