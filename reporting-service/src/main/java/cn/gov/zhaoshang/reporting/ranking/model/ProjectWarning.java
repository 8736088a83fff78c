package cn.gov.zhaoshang.reporting.ranking.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A project warning as project-service raised it.
 *
 * @param kind  STALE, NOT_STARTED or PROBLEM_OVERDUE
 * @param since STALE: the last update; NOT_STARTED: the planned start that passed; PROBLEM_OVERDUE: the
 *     earliest deadline that passed among the project's open problems
 * @param keyProject whether the project is a key project (重点项目) now
 */
public record ProjectWarning(UUID warningId, UUID projectId, String orgUnit, String kind, String stage,
        LocalDate since, Instant raisedAt, boolean keyProject) {
}
