package cn.gov.zhaoshang.project.library.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.orgunits.KnownOrgUnit;
import cn.gov.zhaoshang.platform.validation.MoneyAmount;
import cn.gov.zhaoshang.project.library.application.ProjectRegistration.RegisterProject;
import cn.gov.zhaoshang.project.library.model.Channel;
import cn.gov.zhaoshang.project.library.model.IndustryCode;
import cn.gov.zhaoshang.project.library.model.InvestorContact;
import cn.gov.zhaoshang.project.library.model.ProjectDetails;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.library.model.SourceKeyArea;
import cn.gov.zhaoshang.project.library.model.StageDates;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A project to register at the stage it has reached. Amounts are decimal strings in yuan, so that
 * no client rounds them. Which fields and documents are required depends on the stage (see
 * docs/projects.md); without a stage the project is registered as SIGNED, as the first version of
 * this request did. A project registered at a later stage gives the date of every stage it reached:
 * {@code signingDate}, {@code landingDate} (or its landing document's date), {@code startDate},
 * {@code completionDate} and {@code productionDate}, in that order. {@code residentTeamId} is required when the channel is RESIDENT_TEAM and refused
 * otherwise; {@code investorContact} is personal data, shown masked.
 */
public record RegisterProjectRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @KnownOrgUnit String orgUnit,
        @Pattern(regexp = "^[0-9A-Za-z-]{1,32}$", message = "must be 1 to 32 letters, digits or hyphens") String projectCode,
        ProjectStage stage,
        @MoneyAmount
        @DecimalMin(value = "0.01", message = "must be positive")
        String contractAmount,
        @PastOrPresent LocalDate signingDate,
        @PastOrPresent LocalDate startDate,
        @PastOrPresent LocalDate landingDate,
        @PastOrPresent LocalDate completionDate,
        @PastOrPresent LocalDate productionDate,
        @Size(max = 10) List<@Valid EvidenceRequest> evidence,
        @NotBlank
        @Pattern(regexp = IndustryCode.PATTERN, message = "must be a GB/T 4754 code such as C3963")
        String industryCode,
        UUID investorEnterpriseId,
        @Size(max = 20) List<@NotBlank @Size(max = 30) String> industryChainTags,
        SourceKeyArea sourceKeyArea,
        Channel channel,
        UUID residentTeamId,
        @MoneyAmount(message = MoneyAmount.IN_US_DOLLARS)
        String fdiContractUsd,
        Boolean reinvestment,
        LocalDate plannedStartDate,
        @Size(max = 300) String siteAddress,
        @Valid ContactRequest investorContact) {

    /** The investor's contact person for the project: personal data. */
    public record ContactRequest(
            @Size(max = 100) String name,
            @Pattern(regexp = "^\\+?[0-9 -]{5,20}$", message = "must be a phone number such as 13812345678") String phone) {
    }

    RegisterProject toCommand() {
        ProjectDetails details = new ProjectDetails(projectCode, investorEnterpriseId, industryChainTags, sourceKeyArea, channel,
                residentTeamId, fdiContractUsd == null ? null : new BigDecimal(fdiContractUsd), Boolean.TRUE.equals(reinvestment),
                plannedStartDate, siteAddress);
        return new RegisterProject(name, orgUnit, projectCode, stage, contractAmount == null ? null : new BigDecimal(contractAmount),
                signingDate, startDate,
                evidence == null ? List.of() : evidence.stream().map(EvidenceRequest::toEvidence).toList(),
                new IndustryCode(industryCode), details,
                investorContact == null ? null : new InvestorContact(investorContact.name(), investorContact.phone()),
                new StageDates(landingDate, completionDate, productionDate));
    }
}
