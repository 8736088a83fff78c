package cn.gov.zhaoshang.contracts.enterprise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#ENGAGEMENT_RECORDED}.
 *
 * <p>The contract is {@code contracts/schemas/enterprise/engagement-recorded.v1.json}. It carries no
 * personal data: no participant, leader or contact names.
 */
public record EngagementRecorded(
        UUID engagementId,
        String kind,
        String orgUnit,
        String team,
        LocalDate occurredOn,
        List<UUID> enterpriseIds,
        String outcome,
        String intentAmount,
        String intentIndustryCode,
        String leaderRole,
        String leaderUnit,
        String destinationArea,
        Instant recordedAt) {
}
