package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_DETAILS_CHANGED};
 * contract {@code contracts/schemas/project/details-changed.v1.json}. A correction of a project's
 * descriptive fields: it carries the fields that reporting keeps, as they are after the correction,
 * and the names of those that changed. No personal data: the investor's contact and the site stay
 * in project-service, and a corrected contact is named in {@code changed} only.
 *
 * @param version the project's version after the correction; a consumer ignores a correction not
 *     newer than the last it applied
 * @param changed the fields corrected, by their API names, e.g. {@code ["channel", "residentTeamId"]}
 * @param investorClasses the investor's classes on the signing date, recomputed for a corrected
 *     investor; empty before signing
 */
public record ProjectDetailsChanged(
        UUID projectId,
        String orgUnit,
        long version,
        List<String> changed,
        String name,
        UUID investorEnterpriseId,
        List<InvestorClass> investorClasses,
        String channel,
        UUID residentTeamId,
        String sourceKeyArea,
        List<String> industryChainTags,
        LocalDate plannedStartDate,
        Instant changedAt) {

    public ProjectDetailsChanged {
        changed = List.copyOf(changed);
        investorClasses = investorClasses == null ? List.of() : List.copyOf(investorClasses);
        industryChainTags = industryChainTags == null ? List.of() : List.copyOf(industryChainTags);
    }
}
