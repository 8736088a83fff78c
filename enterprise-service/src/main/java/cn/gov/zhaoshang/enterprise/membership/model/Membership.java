package cn.gov.zhaoshang.enterprise.membership.model;

import java.time.LocalDate;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.enterprise.EnterpriseClassified;

/** An enterprise on one edition of a list. {@code validUntil} is exclusive. */
public record Membership(UUID id, ListEdition edition, UUID enterpriseId, Integer rank, LocalDate validFrom,
        LocalDate validUntil) {

    public Membership {
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("a membership ends after it starts");
        }
    }

    public EnterpriseClassified classifiedEvent(String change) {
        return new EnterpriseClassified(id, enterpriseId, change, edition.enterpriseClass().name(), edition.edition(),
                rank, edition.publishedOn(), validFrom, validUntil);
    }
}
