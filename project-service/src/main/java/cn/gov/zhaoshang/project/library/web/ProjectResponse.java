package cn.gov.zhaoshang.project.library.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.project.library.application.ProjectViews.ProjectView;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectDetails;

/**
 * A project as the API shows it; amounts are decimal strings (yuan, and US dollars for FDI). The
 * investor's contact is masked unless the caller is a {@code contacts-reader}. A project in the
 * review pool says {@code possibleDuplicate: true}, and names the project it may duplicate and the
 * rule only when that project is within the caller's scope.
 */
public record ProjectResponse(
        UUID id,
        String name,
        String orgUnit,
        String stage,
        String contractAmount,
        LocalDate signingDate,
        String industryCode,
        boolean manufacturing,
        Instant registeredAt,
        String registeredBy,
        long version,
        LocalDate startDate,
        LocalDate landingDate,
        LocalDate completionDate,
        LocalDate productionDate,
        String interruptedStage,
        String reviewStatus,
        String projectCode,
        UUID investorEnterpriseId,
        List<String> industryChainTags,
        String sourceKeyArea,
        String channel,
        UUID residentTeamId,
        String fdiContractUsd,
        boolean reinvestment,
        LocalDate plannedStartDate,
        String siteAddress,
        LocalDate stageReachedOn,
        boolean signingConfirmed,
        List<InvestorClassResponse> investorClasses,
        ContactResponse investorContact,
        boolean possibleDuplicate,
        UUID duplicateOf,
        String duplicateRule,
        boolean keyProject,
        KeyResponsibility keyResponsibility) {

    /** Who answers for a key project (领导挂点): the leader with the unit they lead, and the officer. */
    public record KeyResponsibility(String leaderName, String leaderUnit, String officerName) {
    }

    /** A class of the investor on the signing date, as stored at signing. */
    public record InvestorClassResponse(String enterpriseClass, String edition) {
    }

    /** The investor's contact; {@code masked} says whether name and phone are masked. */
    public record ContactResponse(String name, String phone, boolean masked) {
    }

    public static ProjectResponse of(ProjectView view) {
        Project project = view.project();
        ProjectDetails details = project.details();
        return new ProjectResponse(project.id(), project.name(), project.orgUnit(), project.stage().name(),
                project.contractAmount() == null ? null : project.contractAmount().toPlainString(),
                project.signingDate(), project.industryCode().value(), project.isManufacturing(),
                project.registeredAt(), project.registeredBy(), project.version(), project.startDate(),
                project.stageDates().landingDate(), project.stageDates().completionDate(), project.stageDates().productionDate(),
                project.interruptedStage() == null ? null : project.interruptedStage().name(), project.review().name(),
                details.projectCode(), details.investorEnterpriseId(), details.industryChainTags(),
                details.sourceKeyArea() == null ? null : details.sourceKeyArea().name(),
                details.channel() == null ? null : details.channel().name(), details.residentTeamId(),
                details.fdiContractUsd() == null ? null : details.fdiContractUsd().toPlainString(),
                details.reinvestment(), details.plannedStartDate(), details.siteAddress(), project.stageReachedOn(),
                project.signingConfirmed(),
                project.investorClasses().stream()
                        .map(held -> new InvestorClassResponse(held.enterpriseClass(), held.edition())).toList(),
                view.contact() == null ? null
                        : new ContactResponse(view.contact().name(), view.contact().phone(), view.contactMasked()),
                view.possibleDuplicate() != null,
                view.possibleDuplicate() == null ? null : view.possibleDuplicate().duplicateOf(),
                view.possibleDuplicate() == null ? null : view.possibleDuplicate().rule(),
                view.key().key(),
                view.key().key() ? new KeyResponsibility(view.key().leaderName(), view.key().leaderUnit(), view.key().officerName()) : null);
    }
}
