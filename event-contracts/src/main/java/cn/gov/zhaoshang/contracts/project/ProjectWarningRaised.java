package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The {@code data} of {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_WARNING_RAISED}; contract
 * {@code contracts/schemas/project/warning-raised.v1.json}. No personal data.
 *
 * @param kind  STALE, NOT_STARTED or PROBLEM_OVERDUE
 * @param stage the project's stage: NEGOTIATING, SIGNED or LANDED (STALE, NOT_STARTED); SIGNED to
 *     PRODUCING (PROBLEM_OVERDUE)
 * @param since STALE: the date of the last update; NOT_STARTED: the planned start date that passed;
 *     PROBLEM_OVERDUE: the earliest deadline that passed among the project's open problems
 */
public record ProjectWarningRaised(UUID warningId, UUID projectId, String orgUnit, String kind, String stage,
        LocalDate since, Instant raisedAt) {
}
