package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_TERMINATED};
 * contract {@code contracts/schemas/project/terminated.v1.json}. No personal data.
 */
public record ProjectTerminated(UUID projectId, String orgUnit, String fromStage, LocalDate terminatedOn,
        Instant terminatedAt) {
}
