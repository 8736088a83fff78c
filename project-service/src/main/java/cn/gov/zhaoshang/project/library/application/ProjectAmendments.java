package cn.gov.zhaoshang.project.library.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import cn.gov.zhaoshang.project.library.infrastructure.TermsRepository;
import cn.gov.zhaoshang.project.library.model.IndustryCode;
import cn.gov.zhaoshang.project.library.model.MissingRequirementsException;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectRuleException;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.library.model.TermsVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Amendments (变更) of a signed project's terms: each is a new version with its reason, audited and
 * published as {@code amended} with before and after. The signing date does not move, so reporting
 * shows the change as a revision of the signing's period.
 */
@Service
public class ProjectAmendments {

    private final ProjectRepository projects;
    private final TermsRepository terms;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public ProjectAmendments(ProjectRepository projects, TermsRepository terms, EventPublisher events, AuditTrail audit, Clock clock) {
        this.projects = projects;
        this.terms = terms;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param contractAmount the new amount in yuan; {@code null} keeps it
     * @param fdiContractUsd the new FDI in US dollars; {@code null} keeps it
     * @param industryCode the new industry; {@code null} keeps it
     * @throws RequestValidationException without a reason, or when nothing changes
     * @throws ConflictException when the project is not signed, terminated or not accepted in review
     */
    @Transactional
    public Project amend(UUID projectId, BigDecimal contractAmount, BigDecimal fdiContractUsd, IndustryCode industryCode,
            String reason, OrgScope scope) {
        Project before = projects.lockInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        if (reason == null || reason.isBlank()) {
            throw new RequestValidationException(List.of(new FieldViolation("reason", "NotBlank",
                    "an amendment states its reason")));
        }
        if (before.stage() == ProjectStage.TERMINATED) {
            throw new ConflictException("a terminated project is out of the library and its terms are not amended",
                    Map.of("stage", before.stage().name()));
        }
        List<TermsVersion> history = terms.historyOf(projectId);
        int next = history.isEmpty() ? 2 : history.getLast().version() + 1;
        Project.Amended amended;
        try {
            amended = before.amend(contractAmount, fdiContractUsd, industryCode, reason.strip(), next, clock.instant());
        } catch (ProjectRuleException refused) {
            throw new ConflictException(refused.getMessage(), Map.of("stage", before.stage().name()));
        } catch (MissingRequirementsException nothing) {
            throw ProjectLifecycle.asValidationFailure(nothing);
        }
        if (history.isEmpty()) {
            // version 1, the terms at signing, is written when they are first amended
            TermsRepository.SignedBy signed = terms.signingOf(projectId);
            terms.insert(projectId, versionOf(before, 1, null, signed.at(), signed.by()));
        }
        Project after = amended.project();
        terms.insert(projectId, versionOf(after, next, reason.strip(), clock.instant(), scope.caller().username()));
        terms.updateProjectTerms(projectId, after.contractAmount(), after.details().fdiContractUsd(), after.industryCode().value(),
                after.isManufacturing(), after.version());
        audit.record(scope.caller(), "project", projectId.toString(), "amended", amended.event().before(),
                Map.of("terms", amended.event().after(), "version", next, "reason", reason.strip()));
        events.publish(EventTypes.PROJECT_AMENDED, projectId.toString(), after.orgUnit(), amended.event());
        return after;
    }

    /** Every version of the terms, the terms at signing first; a signed project never amended has only version 1. */
    @Transactional(readOnly = true)
    public List<TermsVersion> history(UUID projectId, OrgScope scope) {
        Project project = projects.findInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        List<TermsVersion> history = new ArrayList<>(terms.historyOf(projectId));
        if (history.isEmpty() && project.isSigned()) {
            TermsRepository.SignedBy signed = terms.signingOf(projectId);
            history.add(versionOf(project, 1, null, signed.at(), signed.by()));
        }
        return history;
    }

    private static TermsVersion versionOf(Project project, int version, String reason, Instant at, String by) {
        return new TermsVersion(version, project.contractAmount(), project.details().fdiContractUsd(), project.industryCode().value(),
                project.isManufacturing(), reason, at, by);
    }
}
