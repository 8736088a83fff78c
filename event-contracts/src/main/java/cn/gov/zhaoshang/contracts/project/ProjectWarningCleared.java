package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code data} of {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_WARNING_CLEARED}; contract
 * {@code contracts/schemas/project/warning-cleared.v1.json}. No personal data.
 *
 * @param warningId the warning raised earlier
 * @param kind      STALE, NOT_STARTED or PROBLEM_OVERDUE
 */
public record ProjectWarningCleared(UUID warningId, UUID projectId, String orgUnit, String kind, Instant clearedAt) {
}
