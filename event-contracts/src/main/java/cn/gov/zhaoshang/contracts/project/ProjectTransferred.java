package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_TRANSFERRED};
 * contract {@code contracts/schemas/project/transferred.v1.json}. No personal data.
 *
 * @param orgUnit the owning unit after the transfer, equal to {@code toOrgUnit}
 */
public record ProjectTransferred(UUID projectId, String orgUnit, String fromOrgUnit, String toOrgUnit, String stage,
        Instant transferredAt) {
}
