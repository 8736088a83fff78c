package cn.gov.zhaoshang.contracts.enterprise;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#ENTERPRISE_MERGED}: read
 * every reference to {@code mergedId} as {@code survivorId} from now on.
 *
 * <p>The contract is {@code contracts/schemas/enterprise/merged.v1.json}.
 */
public record EnterpriseMerged(UUID mergedId, UUID survivorId, Instant mergedAt) {
}
