package cn.gov.zhaoshang.enterprise.membership.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One published edition (a year) or batch of a list.
 *
 * @param validYears how long a membership of a PERIOD list counts from its start; null otherwise
 */
public record ListEdition(UUID id, EnterpriseClass enterpriseClass, String edition, LocalDate publishedOn,
        Integer validYears) {

    public ListEdition {
        Objects.requireNonNull(id);
        Objects.requireNonNull(enterpriseClass);
        Objects.requireNonNull(edition);
        Objects.requireNonNull(publishedOn);
        if (enterpriseClass.validityKind() == ValidityKind.PERIOD && validYears == null) {
            throw new IllegalArgumentException("a batch or certificate states its validity period");
        }
    }

    /**
     * The exclusive end of a membership starting on {@code validFrom}: the stated period for a batch
     * or certificate; none for a ranked list (the next edition ends it) or a standing designation.
     */
    public LocalDate validUntilFor(LocalDate validFrom) {
        return enterpriseClass.validityKind() == ValidityKind.PERIOD ? validFrom.plusYears(validYears) : null;
    }
}
