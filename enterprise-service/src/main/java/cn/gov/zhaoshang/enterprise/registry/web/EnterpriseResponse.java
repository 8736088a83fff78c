package cn.gov.zhaoshang.enterprise.registry.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.registry.model.Enterprise;

/** An enterprise as the API shows it. */
public record EnterpriseResponse(
        UUID id,
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
        Instant registeredAt,
        String registeredBy,
        long version,
        UUID mergedInto) {

    static EnterpriseResponse of(Enterprise e) {
        return new EnterpriseResponse(e.id(), e.uscc(), e.country(), e.registrationNumber(), e.nameZh(), e.nameEn(),
                e.formerNames(), e.headquartersAdminCode(), e.headquartersCountry(),
                e.ownership() == null ? null : e.ownership().name(), e.industryCode(), e.chainTags(), e.listed(),
                e.parentId(), e.listOnly(), e.registeredAt(), e.registeredBy(), e.version(), e.mergedInto());
    }
}
