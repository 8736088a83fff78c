package cn.gov.zhaoshang.contracts.enterprise;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#ENTERPRISE_CLASSIFIED}:
 * a list membership was added or removed.
 *
 * <p>The contract is {@code contracts/schemas/enterprise/classified.v1.json}; this record follows it.
 *
 * @param change ADDED or REMOVED
 * @param validUntil exclusive end of a stated validity period; null for ranked yearly lists (they end
 *     when the next edition is published) and for standing designations
 */
public record EnterpriseClassified(
        UUID membershipId,
        UUID enterpriseId,
        String change,
        String enterpriseClass,
        String edition,
        Integer rank,
        LocalDate publishedOn,
        LocalDate validFrom,
        LocalDate validUntil) {
}
