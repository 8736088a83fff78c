package cn.gov.zhaoshang.project.duplicates.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.duplicates.model.ReviewingUnit;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectRuleException;
import cn.gov.zhaoshang.project.library.model.ReviewDecision;
import cn.gov.zhaoshang.project.library.model.ReviewStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duplicate review pool: projects a rule flagged at registration wait here, uncounted, until a
 * reviewer keeps them as new (their {@code registered} event is published then), rejects them or
 * merges them into the project they duplicate. Every decision is audited. The decision belongs to a
 * reviewer of the lowest unit that holds both projects, never to the unit that registered the pooled
 * one ({@link ReviewingUnit}).
 */
@Service
public class DuplicateReview {

    private final ProjectRepository projects;
    private final OrgUnitDirectory orgUnits;
    private final EventPublisher events;
    private final AuditTrail audit;

    public DuplicateReview(ProjectRepository projects, OrgUnitDirectory orgUnits, EventPublisher events, AuditTrail audit) {
        this.projects = projects;
        this.orgUnits = orgUnits;
        this.events = events;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Project> pool(OrgScope scope, int page, int size) {
        return projects.pageReviewPool(scope, page, size);
    }

    @Transactional(readOnly = true)
    public long poolSize(OrgScope scope) {
        return projects.countReviewPool(scope);
    }

    /**
     * @throws NotFoundException when the project does not exist or is outside the scope
     * @throws ConflictException when it is not in the pool (already decided, or never pooled)
     * @throws AccessDeniedException when the caller is not a reviewer of the unit that decides ({@link ReviewingUnit})
     */
    @Transactional
    public Project decide(UUID projectId, ReviewDecision decision, String note, OrgScope scope) {
        Project before = projects.lockInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        if (before.review() == ReviewStatus.PENDING) {
            String reviewing = ReviewingUnit.pathFor(orgUnits.pathOf(before.orgUnit()),
                    projects.pathOfPossibleDuplicate(projectId).orElse(null));
            if (!(reviewing + ".").startsWith(scope.path() + ".")) {
                // the unit that registered it, or a sibling: said without naming the other project or its unit
                throw new AccessDeniedException("a reviewer of the unit above the one that registered this project decides on it");
            }
        }
        Project after;
        try {
            after = before.decide(decision);
        } catch (ProjectRuleException refused) {
            throw new ConflictException(refused.getMessage(), Map.of("reviewStatus", before.review().name()));
        }
        projects.updateReview(after, null, null);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("reviewStatus", after.review().name());
        outcome.put("decision", decision.name());
        outcome.put("note", note);
        audit.record(scope.caller(), "project", projectId.toString(), "review-decided",
                Map.of("reviewStatus", before.review().name()), outcome);
        if (after.review() == ReviewStatus.ACCEPTED) {
            events.publish(EventTypes.PROJECT_REGISTERED, projectId.toString(), after.orgUnit(), after.registeredEvent());
        }
        return after;
    }
}
