package cn.gov.zhaoshang.project.library.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import cn.gov.zhaoshang.project.library.infrastructure.SigningSettingRepository;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirmation of signings: the units' setting, the leaders' confirmations and the pending list.
 * A unit's setting holds for it and for every unit below that has none of its own; without any
 * setting on its path, signings need no confirmation.
 */
@Service
public class SigningConfirmations {

    private final SigningSettingRepository settings;
    private final ProjectRepository projects;
    private final OrgUnitDirectory orgUnits;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public SigningConfirmations(SigningSettingRepository settings, ProjectRepository projects, OrgUnitDirectory orgUnits,
            EventPublisher events, AuditTrail audit, Clock clock) {
        this.settings = settings;
        this.projects = projects;
        this.orgUnits = orgUnits;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The setting in force for a unit.
     *
     * @param setOn the unit whose own setting applies (the unit itself or an ancestor); {@code null} when none is set
     */
    public record EffectiveSetting(String orgUnit, boolean required, String setOn) {
    }

    /** @throws NotFoundException when the unit is unknown or outside the caller's scope */
    @Transactional(readOnly = true)
    public EffectiveSetting settingOf(String unitCode, OrgScope scope) {
        OrgUnit unit = unitInScope(unitCode, scope);
        return effective(unit);
    }

    /**
     * Sets a unit's own setting (a leader or admin of the unit or above). Audited with before and after.
     *
     * @throws NotFoundException when the unit is unknown or outside the caller's scope
     */
    @Transactional
    public EffectiveSetting set(String unitCode, boolean required, OrgScope scope) {
        OrgUnit unit = unitInScope(unitCode, scope);
        EffectiveSetting before = effective(unit);
        settings.save(unit.code(), required, clock.instant(), scope.caller().username());
        EffectiveSetting after = effective(unit);
        audit.record(scope.caller(), "signing-confirmation-setting", unit.code(), "set", before, after);
        return after;
    }

    /**
     * A leader confirms a SIGNED-pending signing: audited, and published as {@code signing-confirmed}.
     *
     * @throws NotFoundException when the project does not exist or is outside the scope
     * @throws ConflictException when the project is not waiting for a confirmation
     */
    @Transactional
    public Project confirm(UUID projectId, OrgScope scope) {
        Project before = projects.lockInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        Project.Confirmed confirmed;
        try {
            confirmed = before.confirmSigning(clock.instant());
        } catch (ProjectRuleException refused) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("stage", before.stage().name());
            details.put("signingConfirmed", before.signingConfirmed());
            throw new ConflictException(refused.getMessage(), details);
        }
        projects.updateSigningConfirmed(confirmed.project());
        audit.record(scope.caller(), "project", projectId.toString(), "signing-confirmed",
                Map.of("signingConfirmed", false), Map.of("signingConfirmed", true, "signingDate", before.signingDate().toString()));
        events.publish(EventTypes.PROJECT_SIGNING_CONFIRMED, projectId.toString(), before.orgUnit(), confirmed.event());
        return confirmed.project();
    }

    /** SIGNED-pending projects in the caller's scope, optionally only under one unit of it. */
    @Transactional(readOnly = true)
    public List<Project> pending(String unitCode, OrgScope scope, SortOrders.Order sort, int page, int size) {
        return projects.pageSigningPending(pathOf(unitCode, scope), sort, page, size);
    }

    @Transactional(readOnly = true)
    public long pendingCount(String unitCode, OrgScope scope) {
        return projects.countSigningPending(pathOf(unitCode, scope));
    }

    private String pathOf(String unitCode, OrgScope scope) {
        return unitCode == null ? scope.path() : unitInScope(unitCode, scope).path();
    }

    private EffectiveSetting effective(OrgUnit unit) {
        return settings.effectiveFor(unit)
                .map(found -> new EffectiveSetting(unit.code(), found.required(), found.setOn()))
                .orElse(new EffectiveSetting(unit.code(), false, null));
    }

    private OrgUnit unitInScope(String unitCode, OrgScope scope) {
        return orgUnits.find(unitCode).filter(scope::contains)
                .orElseThrow(() -> new NotFoundException("org unit", unitCode));
    }
}
