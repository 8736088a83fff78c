package cn.gov.zhaoshang.enterprise.registry.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.enterprise.EnterpriseRegistered;

/**
 * An enterprise of the registry. A Chinese one has a {@code uscc}; a foreign one a {@code country}
 * and its {@code registrationNumber} there; a list-only record, created by an import, may have neither.
 */
public record Enterprise(
        UUID id,
        String uscc,
        String country,
        String registrationNumber,
        String nameZh,
        String nameEn,
        List<String> formerNames,
        String headquartersAdminCode,
        String headquartersCountry,
        Ownership ownership,
        String industryCode,
        List<String> chainTags,
        boolean listed,
        UUID parentId,
        boolean listOnly,
        Instant registeredAt,
        String registeredBy,
        long version) {

    public Enterprise {
        Objects.requireNonNull(id);
        Objects.requireNonNull(nameZh);
        formerNames = List.copyOf(formerNames);
        chainTags = List.copyOf(chainTags);
        if (uscc == null && (country == null || registrationNumber == null) && !listOnly) {
            throw new IllegalArgumentException("an enterprise has a USCC, or a country and a registration number");
        }
    }

    public String normalisedName() {
        return EnterpriseName.normalise(nameZh);
    }

    public EnterpriseRegistered registeredEvent() {
        return new EnterpriseRegistered(id, uscc, country, registrationNumber, nameZh, nameEn, formerNames,
                headquartersAdminCode, headquartersCountry, ownership == null ? null : ownership.name(),
                industryCode, chainTags, listed, parentId, listOnly, registeredAt);
    }
}
