package cn.gov.zhaoshang.project.library.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * What a project is besides its stage and contract: investor, origin, channel, FDI and plans. The
 * investor's contact is not here: it is personal data and kept out of the record that events and
 * audit rows are made from (see {@code InvestorContacts}).
 *
 * @param projectCode unique within the city (duplicate rule L1), {@code null} when none
 * @param investorEnterpriseId an enterprise of the registry, {@code null} when not known yet
 * @param residentTeamId required exactly when the channel is RESIDENT_TEAM
 * @param fdiContractUsd contracted FDI in US dollars, kept apart from the CNY amounts
 */
public record ProjectDetails(
        String projectCode,
        UUID investorEnterpriseId,
        List<String> industryChainTags,
        SourceKeyArea sourceKeyArea,
        Channel channel,
        UUID residentTeamId,
        BigDecimal fdiContractUsd,
        boolean reinvestment,
        LocalDate plannedStartDate,
        String siteAddress) {

    public static final ProjectDetails NONE = new ProjectDetails(null, null, List.of(), null, null, null, null, false, null, null);

    public ProjectDetails {
        // tags are a set: trimmed, in the order given, each once
        industryChainTags = chainTags(industryChainTags);
        fdiContractUsd = fdiContractUsd == null ? null : fdiContractUsd.setScale(2);
        siteAddress = siteAddress == null || siteAddress.isBlank() ? null : siteAddress.strip();
    }

    /** Chain tags as a project holds them: a set, trimmed, in the order given, each once, none empty. */
    public static List<String> chainTags(List<String> tags) {
        return tags == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(tags.stream().map(String::strip).filter(tag -> !tag.isEmpty()).toList()));
    }

    /** The rules between fields: a resident team exactly when the channel is RESIDENT_TEAM. */
    public List<StageFacts.Missing> violations() {
        List<StageFacts.Missing> violations = new ArrayList<>();
        if (channel == Channel.RESIDENT_TEAM && residentTeamId == null) {
            violations.add(new StageFacts.Missing("residentTeamId", "RequiredForChannel",
                    "a project of channel RESIDENT_TEAM names its resident team"));
        }
        if (channel != Channel.RESIDENT_TEAM && residentTeamId != null) {
            violations.add(new StageFacts.Missing("residentTeamId", "OnlyForResidentTeamChannel",
                    "a resident team is given only when the channel is RESIDENT_TEAM"));
        }
        return violations;
    }

    public ProjectDetails withProjectCode(String code) {
        return new ProjectDetails(code, investorEnterpriseId, industryChainTags, sourceKeyArea, channel, residentTeamId,
                fdiContractUsd, reinvestment, plannedStartDate, siteAddress);
    }

    public ProjectDetails withInvestor(UUID investor) {
        return new ProjectDetails(projectCode, investor, industryChainTags, sourceKeyArea, channel, residentTeamId,
                fdiContractUsd, reinvestment, plannedStartDate, siteAddress);
    }

    public ProjectDetails withFdi(BigDecimal fdi) {
        return new ProjectDetails(projectCode, investorEnterpriseId, industryChainTags, sourceKeyArea, channel, residentTeamId,
                fdi, reinvestment, plannedStartDate, siteAddress);
    }
}
