package cn.gov.zhaoshang.project.library.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.References;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectRuleException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers (划转) of projects between landing units. Only a user of a common ancestor may make
 * one: the caller's scope must hold both the project's unit and the target unit.
 */
@Service
public class ProjectTransfers {

    private final ProjectRepository projects;
    private final References references;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public ProjectTransfers(ProjectRepository projects, References references, EventPublisher events,
            AuditTrail audit, Clock clock) {
        this.projects = projects;
        this.references = references;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws NotFoundException when the project does not exist or is outside the scope
     * @throws AccessDeniedException when the target unit is outside the scope (403, as for registration)
     * @throws ConflictException for a terminated project or the unit it already belongs to
     */
    @Transactional
    public Project transfer(UUID projectId, String toUnitCode, String reason, OrgScope scope) {
        Project before = projects.lockInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        OrgUnit target = references.orgUnitInScope("toOrgUnit", toUnitCode, scope);
        if (target.level() != OrgLevel.COUNTY && target.level() != OrgLevel.PARK) {
            throw new RequestValidationException(List.of(new FieldViolation("toOrgUnit", "LandingUnit",
                    "a project lands in a county or an industrial park, not a " + target.level())));
        }
        Project.Transferred transferred;
        try {
            transferred = before.transferTo(target.code(), clock.instant());
        } catch (ProjectRuleException refused) {
            throw new ConflictException(refused.getMessage(), Map.of("stage", before.stage().name(), "orgUnit", before.orgUnit(),
                    "reviewStatus", before.review().name()));
        }
        Project after = transferred.project();
        projects.updateOrgUnit(after);
        Map<String, Object> auditAfter = new LinkedHashMap<>();
        auditAfter.put("orgUnit", after.orgUnit());
        auditAfter.put("reason", reason);
        audit.record(scope.caller(), "project", projectId.toString(), "transferred",
                Map.of("orgUnit", before.orgUnit()), auditAfter);
        events.publish(EventTypes.PROJECT_TRANSFERRED, projectId.toString(), after.orgUnit(), transferred.event());
        return after;
    }
}
