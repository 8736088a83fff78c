package cn.gov.zhaoshang.project.library.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.project.ProjectRegistered;
import cn.gov.zhaoshang.contracts.project.ProjectStageChanged;
import cn.gov.zhaoshang.contracts.project.ProjectTerminated;
import cn.gov.zhaoshang.contracts.project.ProjectTransferred;

/**
 * A project of the library. Its decisions return what happened, so that the state change and
 * its event leave together, through the outbox, in one transaction.
 *
 * @param interruptedStage while SUSPENDED, the stage it interrupted; otherwise {@code null}
 */
public record Project(
        UUID id,
        String name,
        String orgUnit,
        ProjectStage stage,
        BigDecimal contractAmount,
        LocalDate signingDate,
        IndustryCode industryCode,
        Instant registeredAt,
        String registeredBy,
        long version,
        LocalDate startDate,
        ProjectStage interruptedStage,
        ReviewStatus review) {

    public Project {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(orgUnit);
        Objects.requireNonNull(stage);
        Objects.requireNonNull(industryCode);
        Objects.requireNonNull(review);
        if ((stage == ProjectStage.SUSPENDED) != (interruptedStage != null)) {
            throw new IllegalArgumentException("only a SUSPENDED project has an interrupted stage");
        }
    }

    /** What registration produced: the project and its first event. */
    public record Registered(Project project, ProjectRegistered event) {
    }

    /**
     * What a move produced: the project after it, and exactly one of its events (a termination has
     * its own event type, every other move a stage-changed event).
     */
    public record Moved(Project project, ProjectStage from, ProjectStageChanged stageChanged, ProjectTerminated terminated) {
    }

    /**
     * Registers a project at the stage it has already reached, which is how existing projects are
     * back-filled. The facts must prove every stage up to it.
     *
     * @param requireEvidence false only for the original request form without a stage, which
     *     registered signed projects without documents; see docs/projects.md
     * @throws MissingRequirementsException listing every field and document missing
     */
    public static Registered register(UUID id, String name, String orgUnit, ProjectStage stage, StageFacts facts,
            IndustryCode industryCode, Instant now, String actor, boolean requireEvidence) {
        if (!Lifecycle.canRegisterAt(stage)) {
            throw new MissingRequirementsException(List.of(new StageFacts.Missing("stage", "RegistrableStage",
                    "a project is registered at an active stage (LEAD to PRODUCING), not " + stage)));
        }
        List<StageFacts.Missing> missing = facts.missingFor(stage).stream()
                .filter(gap -> requireEvidence || !gap.field().equals("evidence"))
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingRequirementsException(missing);
        }
        boolean signed = stage.hasReached(ProjectStage.SIGNED);
        boolean started = stage.hasReached(ProjectStage.STARTED);
        Project project = new Project(id, name.strip(), orgUnit, stage,
                signed ? facts.contractAmount().setScale(2) : null, signed ? facts.signingDate() : null,
                industryCode, now, actor, 0, started ? facts.startDate() : null, null, ReviewStatus.ACCEPTED);
        return new Registered(project, project.registeredEvent());
    }

    /**
     * Moves the project to {@code to} on {@code movedOn}. A move into SIGNED takes its signing date
     * from {@code movedOn}; a move into STARTED its start date.
     *
     * @param contractAmount needed only by a move into SIGNED
     * @param evidence the document proving the move; required into SIGNED, LANDED and STARTED
     * @throws IllegalMoveException naming the allowed moves
     * @throws MissingRequirementsException listing what the target stage needs and lacks
     */
    public Moved move(ProjectStage to, LocalDate movedOn, BigDecimal contractAmount, Evidence evidence, Instant now) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(movedOn, "movedOn");
        requireAccepted();
        if (!Lifecycle.isAllowed(stage, interruptedStage, to)) {
            throw new IllegalMoveException(stage, to, Lifecycle.allowedMoves(stage, interruptedStage));
        }
        boolean resuming = stage == ProjectStage.SUSPENDED;
        BigDecimal amount = !resuming && to == ProjectStage.SIGNED ? contractAmount : this.contractAmount;
        LocalDate signedOn = !resuming && to == ProjectStage.SIGNED ? movedOn : signingDate;
        LocalDate startedOn = !resuming && to == ProjectStage.STARTED ? movedOn : startDate;
        if (!resuming) {
            List<StageFacts.Missing> missing = new StageFacts(amount, signedOn, startedOn,
                    evidence == null ? List.of() : List.of(evidence)).missingAt(to);
            if (!missing.isEmpty()) {
                throw new MissingRequirementsException(missing);
            }
        }
        Project after = new Project(id, name, orgUnit, to, amount == null ? null : amount.setScale(2), signedOn,
                industryCode, registeredAt, registeredBy, version + 1, startedOn,
                to == ProjectStage.SUSPENDED ? stage : null, review);
        if (to == ProjectStage.TERMINATED) {
            return new Moved(after, stage, null, new ProjectTerminated(id, orgUnit, stage.name(), movedOn, now));
        }
        ProjectStageChanged.Evidence document = evidence == null ? null
                : new ProjectStageChanged.Evidence(evidence.type().name(), evidence.number(), evidence.date());
        return new Moved(after, stage, new ProjectStageChanged(id, orgUnit, stage.name(), to.name(), movedOn, document,
                after.contractAmount() == null ? null : after.contractAmount().toPlainString(), signedOn, now), null);
    }

    /** What a transfer produced: the project under its new unit, and its event. */
    public record Transferred(Project project, ProjectTransferred event) {
    }

    /**
     * Moves the project to another landing unit. Who may do it (a user of a common ancestor) is
     * decided by the caller's scope, outside the model.
     *
     * @throws ProjectRuleException for a terminated project, which is out of the library, or the same unit
     */
    public Transferred transferTo(String unit, Instant now) {
        Objects.requireNonNull(unit, "unit");
        requireAccepted();
        if (stage == ProjectStage.TERMINATED) {
            throw new ProjectRuleException("a terminated project is out of the library and is not transferred");
        }
        if (unit.equals(orgUnit)) {
            throw new ProjectRuleException("the project already belongs to " + unit);
        }
        Project after = new Project(id, name, unit, stage, contractAmount, signingDate, industryCode, registeredAt,
                registeredBy, version + 1, startDate, interruptedStage, review);
        return new Transferred(after, new ProjectTransferred(id, unit, orgUnit, unit, stage.name(), now));
    }

    /** The project put into the duplicate review pool, where it is not counted. */
    public Project inReviewPool() {
        return new Project(id, name, orgUnit, stage, contractAmount, signingDate, industryCode, registeredAt,
                registeredBy, version, startDate, interruptedStage, ReviewStatus.PENDING);
    }

    /**
     * A reviewer's decision on a pooled project.
     *
     * @throws ProjectRuleException when the project is not in the pool
     */
    public Project decide(ReviewDecision decision) {
        if (review != ReviewStatus.PENDING) {
            throw new ProjectRuleException("the project is not in the review pool (it is " + review + ")");
        }
        return new Project(id, name, orgUnit, stage, contractAmount, signingDate, industryCode, registeredAt,
                registeredBy, version + 1, startDate, interruptedStage, decision.outcome());
    }

    /** Only a project that passed duplicate review is moved, transferred or given funds. */
    public void requireAccepted() {
        if (review != ReviewStatus.ACCEPTED) {
            throw new ProjectRuleException("the project is " + review + " in duplicate review and cannot change until it is accepted");
        }
    }

    public boolean isManufacturing() {
        return industryCode.isManufacturing();
    }

    /** The {@code registered} event: published at registration, or when a pooled project is kept as new. */
    public ProjectRegistered registeredEvent() {
        return new ProjectRegistered(id, name, orgUnit, stage.name(),
                contractAmount == null ? null : contractAmount.toPlainString(),
                signingDate, industryCode.value(), isManufacturing(), registeredAt);
    }
}
