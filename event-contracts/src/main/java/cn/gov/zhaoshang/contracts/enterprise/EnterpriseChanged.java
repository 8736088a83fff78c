package cn.gov.zhaoshang.contracts.enterprise;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#ENTERPRISE_CHANGED}: the
 * enterprise after the change, the fields that changed and its new version.
 *
 * <p>The contract is {@code contracts/schemas/enterprise/changed.v1.json}. It carries no personal data.
 */
public record EnterpriseChanged(
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
        List<String> changedFields,
        long version,
        Instant changedAt) {
}
