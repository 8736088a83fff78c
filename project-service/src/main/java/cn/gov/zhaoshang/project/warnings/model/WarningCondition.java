package cn.gov.zhaoshang.project.warnings.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import cn.gov.zhaoshang.project.library.model.ProjectStage;

/**
 * A warning condition that holds for a project now.
 *
 * @param since STALE: the date of the last update; NOT_STARTED: the planned start date that passed;
 *     PROBLEM_OVERDUE: the earliest deadline that passed among the open problems. A warning whose
 *     condition still holds with the same {@code since} stays raised; a later update (or deadline)
 *     gives a new {@code since}, which clears the old warning.
 */
public record WarningCondition(UUID projectId, String orgUnit, WarningKind kind, ProjectStage stage, LocalDate since) {

    public WarningCondition {
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(orgUnit);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(stage);
        Objects.requireNonNull(since);
    }
}
