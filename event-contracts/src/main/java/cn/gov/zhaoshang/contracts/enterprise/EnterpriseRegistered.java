package cn.gov.zhaoshang.contracts.enterprise;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#ENTERPRISE_REGISTERED}.
 *
 * <p>The contract is {@code contracts/schemas/enterprise/registered.v1.json}; this record follows it.
 * It carries no personal data: contacts never leave the enterprise service.
 */
public record EnterpriseRegistered(
        UUID enterpriseId,
        String uscc,
        String country,
        String registrationNumber,
        String nameZh,
        String nameEn,
        List<String> formerNames,
        String headquartersAdminCode,
        String headquartersCountry,
        String ownership,
        String industryCode,
        List<String> chainTags,
        boolean listed,
        UUID parentId,
        boolean listOnly,
        Instant registeredAt) {
}
