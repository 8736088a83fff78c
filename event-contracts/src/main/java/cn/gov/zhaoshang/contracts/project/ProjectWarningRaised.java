package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The {@code data} of {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_WARNING_RAISED}; contract
 * {@code contracts/schemas/project/warning-raised.v1.json}. No personal data.
 *
 * @param kind  STALE or NOT_STARTED
 * @param stage the project's stage: NEGOTIATING, SIGNED or LANDED
 * @param since STALE: the date of the last update; NOT_STARTED: the planned start date that passed
 */
public record ProjectWarningRaised(UUID warningId, UUID projectId, String orgUnit, String kind, String stage,
        LocalDate since, Instant raisedAt) {
}
