package cn.gov.zhaoshang.project.library.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import cn.gov.zhaoshang.project.library.model.IndustryCode;
import cn.gov.zhaoshang.project.library.model.Project;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Enters projects into the library: the row, its audit entry and its event, in one transaction. */
@Service
public class ProjectRegistration {

    private final ProjectRepository projects;
    private final OrgUnitDirectory orgUnits;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public ProjectRegistration(ProjectRepository projects, OrgUnitDirectory orgUnits, EventPublisher events,
            AuditTrail audit, Clock clock) {
        this.projects = projects;
        this.orgUnits = orgUnits;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param command already checked for syntax; the unit is checked here against the caller's scope
     */
    @Transactional
    public Project registerSigned(RegisterSignedProject command, OrgScope scope) {
        OrgUnit unit = orgUnits.find(command.orgUnit()).orElseThrow(() -> new RequestValidationException(
                List.of(new FieldViolation("orgUnit", "KnownOrgUnit", "is not a known org unit code"))));
        if (!scope.contains(unit)) {
            throw new AccessDeniedException("org unit " + unit.code() + " is outside your scope");
        }
        if (unit.level() != OrgLevel.COUNTY && unit.level() != OrgLevel.PARK) {
            throw new RequestValidationException(List.of(new FieldViolation("orgUnit", "LandingUnit",
                    "a project lands in a county or an industrial park, not a " + unit.level())));
        }
        Project.Registered registered = Project.registerSigned(UUID.randomUUID(), command.name(), unit.code(),
                command.contractAmount(), command.signingDate(), command.industryCode(), clock.instant(),
                scope.caller().username());
        projects.insert(registered.project());
        audit.record(scope.caller(), "project", registered.project().id().toString(), "registered", null,
                registered.event());
        events.publish(EventTypes.PROJECT_REGISTERED, registered.project().id().toString(), unit.code(),
                registered.event());
        return registered.project();
    }

    /** A signed project to enter into the library. */
    public record RegisterSignedProject(String name, String orgUnit, BigDecimal contractAmount,
            LocalDate signingDate, IndustryCode industryCode) {
    }
}
