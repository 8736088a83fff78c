package cn.gov.zhaoshang.project.library.application;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * What registration asks of the duplicate rules (the {@code duplicates} feature implements it, so
 * that the library does not depend on the feature that reviews its projects).
 */
public interface DuplicateCheck {

    /** A project just registered, as the duplicate rules compare it. */
    record Candidate(UUID projectId, String cityCode, String projectCode, String normalizedName, UUID investorEnterpriseId,
            String industryCode, BigDecimal contractAmount, String contactPhone, String siteAddress) {
    }

    /** The project a candidate duplicates, and by which rule (L1–L4). */
    record Hit(UUID duplicateOf, String rule) {
    }

    /** Makes registrations that could duplicate this one wait for each other (not the whole city). */
    void lockForCheck(Candidate candidate);

    /** The project this one duplicates by one of the weaker rules (L2–L4), if any; L1 is the library's own query. */
    Optional<Hit> weakerHit(Candidate candidate);

    /** For a bulk registration: locks these cities exclusively until the transaction ends. */
    void lockCitiesExclusively(Collection<String> cityCodes);
}
