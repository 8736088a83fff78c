package cn.gov.zhaoshang.project.library.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.project.InvestorClass;
import cn.gov.zhaoshang.contracts.project.ProjectAmended;
import cn.gov.zhaoshang.contracts.project.ProjectDetailsChanged;
import cn.gov.zhaoshang.contracts.project.ProjectRegistered;
import cn.gov.zhaoshang.contracts.project.ProjectStageChanged;
import cn.gov.zhaoshang.contracts.project.ProjectTerminated;
import cn.gov.zhaoshang.contracts.project.ProjectTransferred;
import cn.gov.zhaoshang.contracts.project.SigningConfirmed;

/**
 * A project of the library. Its decisions return what happened, so that the state change and
 * its event leave together, through the outbox, in one transaction.
 *
 * @param interruptedStage while SUSPENDED, the stage it interrupted; otherwise {@code null}
 * @param stageReachedOn the date the initial stage was reached, {@code null} when not known
 * @param signingConfirmed {@code false} while a signing waits for a leader's confirmation (SIGNED-pending)
 * @param investorClasses the investor's classes on the signing date, stored at signing; empty before
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
        ReviewStatus review,
        ProjectDetails details,
        LocalDate stageReachedOn,
        boolean signingConfirmed,
        List<InvestorClass> investorClasses,
        StageDates stageDates) {

    public Project {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(orgUnit);
        Objects.requireNonNull(stage);
        Objects.requireNonNull(industryCode);
        Objects.requireNonNull(review);
        Objects.requireNonNull(details);
        investorClasses = investorClasses == null ? List.of() : List.copyOf(investorClasses);
        stageDates = stageDates == null ? StageDates.NONE : stageDates;
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
            IndustryCode industryCode, ProjectDetails details, Signing signing, Instant now, String actor,
            boolean requireEvidence) {
        if (!Lifecycle.canRegisterAt(stage)) {
            throw new MissingRequirementsException(List.of(new StageFacts.Missing("stage", "RegistrableStage",
                    "a project is registered at an active stage (LEAD to PRODUCING), not " + stage)));
        }
        List<StageFacts.Missing> missing = new ArrayList<>(facts.missingFor(stage).stream()
                .filter(gap -> requireEvidence || !gap.field().equals("evidence"))
                .toList());
        // A back-filled project records the date of every stage it reached. The original form and
        // the imported list carry no such dates; there a stage without its date counts from the date
        // the registered stage was reached, as before stage dates were recorded (docs/projects.md).
        if (requireEvidence) {
            missing.addAll(facts.missingDatesFor(stage));
        }
        missing.addAll(facts.datesBeyond(stage));
        missing.addAll(facts.datesOutOfOrder(stage));
        missing.addAll(details.violations());
        if (!missing.isEmpty()) {
            throw new MissingRequirementsException(missing);
        }
        boolean signed = stage.hasReached(ProjectStage.SIGNED);
        boolean started = stage.hasReached(ProjectStage.STARTED);
        Project project = new Project(id, name.strip(), orgUnit, stage,
                signed ? facts.contractAmount().setScale(2) : null, signed ? facts.signingDate() : null,
                industryCode, now, actor, 0, started ? facts.startDate() : null, null, ReviewStatus.ACCEPTED,
                details, facts.reachedOn(stage), !(signed && signing.confirmationRequired()),
                signed ? signing.investorClasses() : List.of(), facts.datesAt(stage));
        return new Registered(project, project.registeredEvent());
    }

    /**
     * Moves the project to {@code to} on {@code movedOn}. A move into SIGNED takes its signing date
     * from {@code movedOn}; a move into STARTED its start date.
     *
     * @param contractAmount needed only by a move into SIGNED
     * @param evidence the document proving the move; required into SIGNED, LANDED and STARTED
     * @param signing used only by a move into SIGNED: the confirmation its unit requires and the
     *     investor's classes on {@code movedOn}
     * @throws IllegalMoveException naming the allowed moves
     * @throws MissingRequirementsException listing what the target stage needs and lacks
     */
    public Moved move(ProjectStage to, LocalDate movedOn, BigDecimal contractAmount, Evidence evidence, Signing signing,
            Instant now) {
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
        boolean signingNow = !resuming && to == ProjectStage.SIGNED;
        Project after = new Project(id, name, orgUnit, to, amount == null ? null : amount.setScale(2), signedOn,
                industryCode, registeredAt, registeredBy, version + 1, startedOn,
                to == ProjectStage.SUSPENDED ? stage : null, review, details, stageReachedOn,
                signingNow ? !signing.confirmationRequired() : signingConfirmed,
                signingNow ? signing.investorClasses() : investorClasses,
                resuming ? stageDates : stageDates.reached(to, movedOn));
        if (to == ProjectStage.TERMINATED) {
            return new Moved(after, stage, null, new ProjectTerminated(id, orgUnit, stage.name(), movedOn, now));
        }
        ProjectStageChanged.Evidence document = evidence == null ? null
                : new ProjectStageChanged.Evidence(evidence.type().name(), evidence.number(), evidence.date());
        String amountText = after.contractAmount() == null ? null : after.contractAmount().toPlainString();
        // A move to SIGNED (a signing, or a resumption back to it) says whether the signing is confirmed
        // and carries the class snapshot; other moves carry neither.
        ProjectStageChanged changed = to == ProjectStage.SIGNED
                ? new ProjectStageChanged(id, orgUnit, stage.name(), to.name(), movedOn, document, amountText, signedOn, now,
                        after.signingConfirmed(), after.investorClasses())
                : new ProjectStageChanged(id, orgUnit, stage.name(), to.name(), movedOn, document, amountText, signedOn, now);
        return new Moved(after, stage, changed, null);
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
                registeredBy, version + 1, startDate, interruptedStage, review, details, stageReachedOn, signingConfirmed,
                investorClasses, stageDates);
        return new Transferred(after, new ProjectTransferred(id, unit, orgUnit, unit, stage.name(), now));
    }

    /** The project put into the duplicate review pool, where it is not counted. */
    public Project inReviewPool() {
        return new Project(id, name, orgUnit, stage, contractAmount, signingDate, industryCode, registeredAt,
                registeredBy, version, startDate, interruptedStage, ReviewStatus.PENDING, details, stageReachedOn,
                signingConfirmed, investorClasses, stageDates);
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
                registeredBy, version + 1, startDate, interruptedStage, decision.outcome(), details, stageReachedOn,
                signingConfirmed, investorClasses, stageDates);
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

    /** Whether the project is signed: SIGNED or beyond, or suspended after signing. */
    public boolean isSigned() {
        return stage.hasReached(ProjectStage.SIGNED)
                || (stage == ProjectStage.SUSPENDED && interruptedStage.hasReached(ProjectStage.SIGNED));
    }

    /** What a confirmation produced: the confirmed project and its event. */
    public record Confirmed(Project project, SigningConfirmed event) {
    }

    /**
     * A leader's confirmation of a SIGNED-pending signing; from now on the project counts at its signing date.
     *
     * @throws ProjectRuleException when no confirmation is awaited
     */
    public Confirmed confirmSigning(Instant now) {
        requireAccepted();
        if (signingConfirmed || !isSigned()) {
            throw new ProjectRuleException("the project's signing is not waiting for a confirmation");
        }
        if (stage == ProjectStage.TERMINATED) {
            throw new ProjectRuleException("a terminated project is out of the library");
        }
        Project after = new Project(id, name, orgUnit, stage, contractAmount, signingDate, industryCode, registeredAt,
                registeredBy, version + 1, startDate, interruptedStage, review, details, stageReachedOn, true, investorClasses,
                stageDates);
        return new Confirmed(after, new SigningConfirmed(id, orgUnit, signingDate, now));
    }

    /** The terms an amendment may change: contract amount, FDI and industry. */
    public ProjectAmended.Terms terms() {
        return new ProjectAmended.Terms(contractAmount == null ? null : contractAmount.toPlainString(),
                details.fdiContractUsd() == null ? null : details.fdiContractUsd().toPlainString(),
                industryCode.value(), isManufacturing());
    }

    /** What an amendment produced: the project with its new terms, and its event. */
    public record Amended(Project project, ProjectAmended event) {
    }

    /**
     * A new version of the terms of a signed project. A {@code null} argument keeps that term; the
     * signing date does not move.
     *
     * @param termsVersion the version the new terms get (the terms at signing are 1)
     * @throws ProjectRuleException when the project is not signed, or is terminated
     * @throws MissingRequirementsException when nothing would change
     */
    public Amended amend(BigDecimal newAmount, BigDecimal newFdi, IndustryCode newIndustry, String reason, int termsVersion,
            Instant now) {
        requireAccepted();
        if (!isSigned()) {
            throw new ProjectRuleException("only the terms of a signed project are amended; before signing they are simply entered at signing");
        }
        BigDecimal amount = newAmount == null ? contractAmount : newAmount.setScale(2);
        BigDecimal fdi = newFdi == null ? details.fdiContractUsd() : newFdi.setScale(2);
        IndustryCode industry = newIndustry == null ? industryCode : newIndustry;
        if (amount.compareTo(contractAmount) == 0 && Objects.equals(fdi, details.fdiContractUsd())
                && industry.equals(industryCode)) {
            throw new MissingRequirementsException(List.of(new StageFacts.Missing("terms", "AmendmentChangesATerm",
                    "an amendment changes the contract amount, the FDI or the industry code")));
        }
        Project after = new Project(id, name, orgUnit, stage, amount, signingDate, industry, registeredAt, registeredBy,
                version + 1, startDate, interruptedStage, review, details.withFdi(fdi), stageReachedOn, signingConfirmed,
                investorClasses, stageDates);
        return new Amended(after, new ProjectAmended(id, orgUnit, termsVersion, reason, terms(), after.terms(), now));
    }

    /** What a correction produced: the project, the fields it changed (by their API names), and its event. */
    public record Corrected(Project project, List<String> changed, ProjectDetailsChanged event) {

        public boolean changedAnything() {
            return !changed.isEmpty();
        }
    }

    /**
     * Corrects descriptive fields: the name and the details other than the project code, FDI and
     * reinvestment. Contract terms change by {@link #amend}, the stage by {@link #move}. Nothing
     * changed is no correction: the project is returned as it is, with no event.
     *
     * @param newClasses the investor's classes on the signing date, as they are for {@code newDetails}'s investor
     * @param contactChanged whether the investor's contact, kept apart as personal data, changed too;
     *     the event names it among the changed fields and carries nothing of it
     * @throws ProjectRuleException when the project waits in duplicate review
     * @throws MissingRequirementsException when the corrected details break a rule between fields
     */
    public Corrected correct(String newName, ProjectDetails newDetails, List<InvestorClass> newClasses, boolean contactChanged,
            Instant now) {
        requireAccepted();
        if (!newDetails.violations().isEmpty()) {
            throw new MissingRequirementsException(newDetails.violations());
        }
        List<String> changed = new ArrayList<>();
        changedIf(changed, "name", name, newName);
        changedIf(changed, "siteAddress", details.siteAddress(), newDetails.siteAddress());
        changedIf(changed, "plannedStartDate", details.plannedStartDate(), newDetails.plannedStartDate());
        changedIf(changed, "industryChainTags", details.industryChainTags(), newDetails.industryChainTags());
        changedIf(changed, "channel", details.channel(), newDetails.channel());
        changedIf(changed, "residentTeamId", details.residentTeamId(), newDetails.residentTeamId());
        changedIf(changed, "sourceKeyArea", details.sourceKeyArea(), newDetails.sourceKeyArea());
        changedIf(changed, "investorEnterpriseId", details.investorEnterpriseId(), newDetails.investorEnterpriseId());
        if (contactChanged) {
            changed.add("investorContact");
        }
        if (changed.isEmpty()) {
            return new Corrected(this, List.of(), null);
        }
        ProjectDetails corrected = new ProjectDetails(details.projectCode(), newDetails.investorEnterpriseId(),
                newDetails.industryChainTags(), newDetails.sourceKeyArea(), newDetails.channel(), newDetails.residentTeamId(),
                details.fdiContractUsd(), details.reinvestment(), newDetails.plannedStartDate(), newDetails.siteAddress());
        Project after = new Project(id, newName, orgUnit, stage, contractAmount, signingDate, industryCode, registeredAt,
                registeredBy, version + 1, startDate, interruptedStage, review, corrected, stageReachedOn, signingConfirmed,
                newClasses, stageDates);
        return new Corrected(after, List.copyOf(changed), new ProjectDetailsChanged(id, orgUnit, after.version, changed,
                after.name, corrected.investorEnterpriseId(), after.investorClasses,
                corrected.channel() == null ? null : corrected.channel().name(), corrected.residentTeamId(),
                corrected.sourceKeyArea() == null ? null : corrected.sourceKeyArea().name(), corrected.industryChainTags(),
                corrected.plannedStartDate(), now));
    }

    private static void changedIf(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    /** The {@code registered} event: published at registration, or when a pooled project is kept as new. */
    public ProjectRegistered registeredEvent() {
        return new ProjectRegistered(id, name, orgUnit, stage.name(),
                contractAmount == null ? null : contractAmount.toPlainString(),
                signingDate, industryCode.value(), isManufacturing(), registeredAt,
                details.projectCode(), stageReachedOn, signingConfirmed, details.investorEnterpriseId(), investorClasses,
                details.channel() == null ? null : details.channel().name(), details.residentTeamId(),
                details.sourceKeyArea() == null ? null : details.sourceKeyArea().name(), details.industryChainTags(),
                details.fdiContractUsd() == null ? null : details.fdiContractUsd().toPlainString(),
                details.reinvestment(), details.plannedStartDate(), stageDates.landingDate(), startDate,
                stageDates.completionDate(), stageDates.productionDate());
    }
}
