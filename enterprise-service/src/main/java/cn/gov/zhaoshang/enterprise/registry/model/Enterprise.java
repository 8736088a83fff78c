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
        long version,
        UUID mergedInto) {

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

    /** The enterprise after a change, one version later. */
    public Enterprise changed(String newUscc, String newCountry, String newRegistrationNumber, String newNameZh,
            String newNameEn, List<String> newFormerNames, String newHqAdminCode, String newHqCountry,
            Ownership newOwnership, String newIndustryCode, List<String> newChainTags, boolean newListed, UUID newParentId,
            boolean newListOnly) {
        return new Enterprise(id, newUscc, newCountry, newRegistrationNumber, newNameZh, newNameEn, newFormerNames,
                newHqAdminCode, newHqCountry, newOwnership, newIndustryCode, newChainTags, newListed, newParentId,
                newListOnly, registeredAt, registeredBy, version + 1, mergedInto);
    }

    /** The names of the fields of the contract that differ between this and {@code other}. */
    public List<String> differencesFrom(Enterprise other) {
        List<String> fields = new java.util.ArrayList<>();
        if (!Objects.equals(uscc, other.uscc)) { fields.add("uscc"); }
        if (!Objects.equals(nameZh, other.nameZh)) { fields.add("nameZh"); }
        if (!Objects.equals(nameEn, other.nameEn)) { fields.add("nameEn"); }
        if (!Objects.equals(formerNames, other.formerNames)) { fields.add("formerNames"); }
        if (!Objects.equals(headquartersAdminCode, other.headquartersAdminCode)) { fields.add("headquartersAdminCode"); }
        if (!Objects.equals(headquartersCountry, other.headquartersCountry)) { fields.add("headquartersCountry"); }
        if (ownership != other.ownership) { fields.add("ownership"); }
        if (!Objects.equals(industryCode, other.industryCode)) { fields.add("industryCode"); }
        if (!Objects.equals(chainTags, other.chainTags)) { fields.add("chainTags"); }
        if (listed != other.listed) { fields.add("listed"); }
        if (!Objects.equals(parentId, other.parentId)) { fields.add("parentId"); }
        if (listOnly != other.listOnly) { fields.add("listOnly"); }
        return fields;
    }

    public cn.gov.zhaoshang.contracts.enterprise.EnterpriseChanged changedEvent(List<String> changedFields, Instant at) {
        return new cn.gov.zhaoshang.contracts.enterprise.EnterpriseChanged(id, uscc, country, registrationNumber, nameZh,
                nameEn, formerNames, headquartersAdminCode, headquartersCountry, ownership == null ? null : ownership.name(),
                industryCode, chainTags, listed, parentId, listOnly, changedFields, version, at);
    }

    public String searchText() {
        return EnterpriseName.searchText(nameZh, formerNames, nameEn);
    }

    public EnterpriseRegistered registeredEvent() {
        return new EnterpriseRegistered(id, uscc, country, registrationNumber, nameZh, nameEn, formerNames,
                headquartersAdminCode, headquartersCountry, ownership == null ? null : ownership.name(),
                industryCode, chainTags, listed, parentId, listOnly, registeredAt);
    }
}
