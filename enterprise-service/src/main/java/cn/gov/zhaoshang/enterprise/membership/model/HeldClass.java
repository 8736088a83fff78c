package cn.gov.zhaoshang.enterprise.membership.model;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A class an enterprise holds on a date, and the membership that gives it.
 *
 * @param heldBy the member: the enterprise itself, or the parent group it inherits the class from
 */
public record HeldClass(EnterpriseClass enterpriseClass, UUID membershipId, UUID heldBy, boolean inherited,
        String edition, Integer rank, LocalDate publishedOn, LocalDate validFrom, LocalDate validUntil) {
}
