package cn.gov.zhaoshang.project.library.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
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
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import cn.gov.zhaoshang.project.library.infrastructure.StageMoveRepository;
import cn.gov.zhaoshang.project.library.model.Evidence;
import cn.gov.zhaoshang.project.library.model.IllegalMoveException;
import cn.gov.zhaoshang.project.library.model.MissingRequirementsException;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectRuleException;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.library.model.RecordedMove;
import cn.gov.zhaoshang.project.library.model.Signing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Moves projects through their stages: the new state, the history entry, the audit entry and one event, in one transaction. */
@Service
public class ProjectLifecycle {

    private final ProjectRepository projects;
    private final StageMoveRepository moves;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final SigningRules signingRules;
    private final OrgUnitDirectory orgUnits;
    private final Clock clock;

    public ProjectLifecycle(ProjectRepository projects, StageMoveRepository moves, EventPublisher events,
            AuditTrail audit, SigningRules signingRules, OrgUnitDirectory orgUnits, Clock clock) {
        this.projects = projects;
        this.moves = moves;
        this.events = events;
        this.audit = audit;
        this.signingRules = signingRules;
        this.orgUnits = orgUnits;
        this.clock = clock;
    }

    /**
     * @throws NotFoundException when the project does not exist or is outside the scope
     * @throws ConflictException when the lifecycle does not allow the move; details name the allowed moves
     * @throws RequestValidationException when the target stage's fields or documents are missing
     */
    @Transactional
    public Project move(UUID projectId, MoveStage command, OrgScope scope) {
        Project before = projects.lockInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        // Only a signing (not a resumption back to SIGNED) takes the unit's rule and the class snapshot.
        Signing signing = command.to() == ProjectStage.SIGNED && before.stage() != ProjectStage.SUSPENDED
                ? orgUnits.find(before.orgUnit())
                        .map(unit -> signingRules.signing(unit, before.details().investorEnterpriseId(), command.movedOn()))
                        .orElse(Signing.NOTHING_REQUIRED)
                : Signing.NOTHING_REQUIRED;
        Project.Moved moved;
        try {
            moved = before.move(command.to(), command.movedOn(), command.contractAmount(), command.evidence(), signing,
                    clock.instant());
        } catch (IllegalMoveException illegal) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", illegal.from().name());
            details.put("to", illegal.to().name());
            details.put("allowedMoves", illegal.allowed().stream().map(Enum::name).toList());
            throw new ConflictException(illegal.getMessage(), details);
        } catch (MissingRequirementsException missing) {
            throw asValidationFailure(missing);
        } catch (ProjectRuleException refused) {
            throw new ConflictException(refused.getMessage(), Map.of("reviewStatus", before.review().name()));
        }
        Project after = moved.project();
        projects.updateLifecycle(after);
        moves.insert(projectId, new RecordedMove(UUID.randomUUID(), before.stage(), after.stage(), command.movedOn(),
                clock.instant(), scope.caller().username(), command.reason(),
                command.evidence() == null ? List.of() : List.of(command.evidence())));
        Object event = moved.terminated() != null ? moved.terminated() : moved.stageChanged();
        audit.record(scope.caller(), "project", projectId.toString(),
                after.stage() == ProjectStage.TERMINATED ? "terminated" : "stage-moved", before, after);
        events.publish(moved.terminated() != null ? EventTypes.PROJECT_TERMINATED : EventTypes.PROJECT_STAGE_CHANGED,
                projectId.toString(), after.orgUnit(), event);
        return after;
    }

    /** The stage history of a project in scope, registration first. */
    @Transactional(readOnly = true)
    public List<RecordedMove> history(UUID projectId, OrgScope scope) {
        projects.findInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        return moves.historyOf(projectId);
    }

    static RequestValidationException asValidationFailure(MissingRequirementsException missing) {
        return new RequestValidationException(missing.missing().stream()
                .map(gap -> new FieldViolation(gap.field(), gap.rule(), gap.message()))
                .toList());
    }

    /**
     * A move to make.
     *
     * @param movedOn the date the stage was reached: the signing date into SIGNED, the start date into STARTED
     * @param contractAmount needed only into SIGNED
     * @param evidence needed into SIGNED, LANDED and STARTED; optional otherwise
     * @param reason optional, kept in the history (never in events)
     */
    public record MoveStage(ProjectStage to, LocalDate movedOn, BigDecimal contractAmount, Evidence evidence, String reason) {
    }
}
