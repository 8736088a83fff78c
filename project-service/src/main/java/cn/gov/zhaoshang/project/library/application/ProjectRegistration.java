package cn.gov.zhaoshang.project.library.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.References;
import cn.gov.zhaoshang.project.investor.application.InvestorClasses;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import cn.gov.zhaoshang.project.library.infrastructure.StageMoveRepository;
import cn.gov.zhaoshang.project.library.model.Channel;
import cn.gov.zhaoshang.project.library.model.Evidence;
import cn.gov.zhaoshang.project.library.model.IndustryCode;
import cn.gov.zhaoshang.project.library.model.InvestorContact;
import cn.gov.zhaoshang.project.library.model.MissingRequirementsException;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectDetails;
import cn.gov.zhaoshang.project.library.model.ProjectNames;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.library.model.RecordedMove;
import cn.gov.zhaoshang.project.library.model.Signing;
import cn.gov.zhaoshang.project.library.model.StageDates;
import cn.gov.zhaoshang.project.library.model.StageFacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Enters projects into the library: the row, its first history entry, its audit entry and its event, in one transaction. */
@Service
public class ProjectRegistration {

    private final ProjectRepository projects;
    private final StageMoveRepository moves;
    private final OrgUnitDirectory orgUnits;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final SigningRules signingRules;
    private final InvestorClasses investorClasses;
    private final DuplicateCheck duplicates;
    private final References references;
    private final Clock clock;

    public ProjectRegistration(ProjectRepository projects, StageMoveRepository moves, OrgUnitDirectory orgUnits,
            EventPublisher events, AuditTrail audit, SigningRules signingRules, InvestorClasses investorClasses,
            DuplicateCheck duplicates, References references, Clock clock) {
        this.projects = projects;
        this.moves = moves;
        this.orgUnits = orgUnits;
        this.events = events;
        this.audit = audit;
        this.signingRules = signingRules;
        this.investorClasses = investorClasses;
        this.duplicates = duplicates;
        this.references = references;
        this.clock = clock;
    }

    /**
     * @param command already checked for syntax; the unit is checked here against the caller's scope,
     *     and the stage's required fields and documents by the model
     */
    @Transactional
    public Project register(RegisterProject command, OrgScope scope) {
        return register(command, scope, command.stage() != null);
    }

    /**
     * Registers a project of an imported list, which carries no documents: the stage's fields are
     * still required, its documents are not (docs/projects.md, "Excel").
     */
    @Transactional
    public Project registerWithoutDocuments(RegisterProject command, OrgScope scope) {
        return register(command, scope, false);
    }

    private Project register(RegisterProject command, OrgScope scope, boolean requireEvidence) {
        OrgUnit unit = landingUnit(command.orgUnit(), scope);
        if (command.details().channel() == Channel.RESIDENT_TEAM && command.details().residentTeamId() != null) {
            references.residentTeamFor("residentTeamId", command.details().residentTeamId(), unit, scope);
        }
        // The original request form had no stage and registered signed projects without documents;
        // it keeps working, and every request that names its stage proves it.
        boolean stageGiven = command.stage() != null;
        ProjectStage stage = stageGiven ? command.stage() : ProjectStage.SIGNED;
        StageFacts facts = new StageFacts(command.contractAmount(), command.signingDate(), command.stageDates().landingDate(),
                command.startDate(), command.stageDates().completionDate(), command.stageDates().productionDate(),
                command.evidence());
        // An investor merged away in the registry is recorded as its survivor; one not seen yet is
        // recorded as given, since enterprise events may lag behind (docs/projects.md).
        ProjectDetails details = command.details().withInvestor(investorClasses.current(command.details().investorEnterpriseId()));
        Signing signing = stage.hasReached(ProjectStage.SIGNED)
                ? signingRules.signing(unit, details.investorEnterpriseId(), command.signingDate())
                : Signing.NOTHING_REQUIRED;
        Project.Registered registered;
        try {
            registered = Project.register(UUID.randomUUID(), command.name(), unit.code(), stage, facts,
                    command.industryCode(), details, signing, clock.instant(), scope.caller().username(), requireEvidence);
        } catch (MissingRequirementsException missing) {
            throw ProjectLifecycle.asValidationFailure(missing);
        }
        Project project = registered.project();
        InvestorContact contact = command.contact() == null ? new InvestorContact(null, null) : command.contact();
        String city = cityOf(unit);
        String normalizedName = ProjectNames.normalize(project.name());
        projects.insert(project, contact.name(), contact.phone(), city, normalizedName);
        DuplicateCheck.Candidate candidate = new DuplicateCheck.Candidate(project.id(), city, command.projectCode(), normalizedName,
                details.investorEnterpriseId(), project.industryCode().value(), project.contractAmount(), contact.phone(),
                details.siteAddress());
        // Only registrations that could duplicate this one wait here, not the whole city (DuplicateCheckLocks);
        // every rule leaves this project itself out.
        if (city != null) {
            duplicates.lockForCheck(candidate);
        }
        Optional<DuplicateCheck.Hit> duplicate = duplicateOf(candidate);
        if (duplicate.isPresent()) {
            project = project.inReviewPool();
            projects.updateReview(project, duplicate.get().duplicateOf(), duplicate.get().rule());
        }
        moves.insert(project.id(), new RecordedMove(UUID.randomUUID(), null, stage,
                project.stageReachedOn() != null ? project.stageReachedOn() : LocalDate.ofInstant(project.registeredAt(), clock.getZone()),
                project.registeredAt(), project.registeredBy(), null, facts.evidence()));
        audit.record(scope.caller(), "project", project.id().toString(), "registered", null, registered.event());
        if (duplicate.isPresent()) {
            // Not counted until a reviewer keeps it: its registered event waits for that decision.
            audit.record(scope.caller(), "project", project.id().toString(), "pooled-for-review", null,
                    Map.of("rule", duplicate.get().rule(), "duplicateOf", duplicate.get().duplicateOf().toString()));
        } else {
            events.publish(EventTypes.PROJECT_REGISTERED, project.id().toString(), unit.code(), registered.event());
        }
        return project;
    }

    /**
     * The project a registration of these facts would be pooled against, by the rules registration
     * runs (L1–L4), with nothing registered: the form's check before it submits. Nothing is locked,
     * so a registration committed meanwhile can still pool the real one.
     */
    @Transactional(readOnly = true)
    public Optional<DuplicateCheck.Hit> wouldDuplicate(DuplicateQuestion question, OrgScope scope) {
        OrgUnit unit = landingUnit(question.orgUnit(), scope);
        UUID investor = question.investorEnterpriseId() == null ? null : investorClasses.current(question.investorEnterpriseId());
        return duplicateOf(new DuplicateCheck.Candidate(UUID.randomUUID(), cityOf(unit), question.projectCode(),
                ProjectNames.normalize(question.name()), investor, question.industryCode(), question.contractAmount(),
                question.contactPhone(), question.siteAddress()));
    }

    /** What the form knows before it submits, as the duplicate rules compare it; all but unit and name optional. */
    public record DuplicateQuestion(String orgUnit, String name, String projectCode, UUID investorEnterpriseId, String industryCode,
            BigDecimal contractAmount, String contactPhone, String siteAddress) {
    }

    // L1 is the library's own query, the weaker rules the duplicates feature's; none above city level.
    private Optional<DuplicateCheck.Hit> duplicateOf(DuplicateCheck.Candidate candidate) {
        if (candidate.cityCode() == null) {
            return Optional.empty();
        }
        return projects.findSameCodeOrNameInCity(candidate.projectId(), candidate.cityCode(), candidate.projectCode(),
                        candidate.normalizedName())
                .map(id -> new DuplicateCheck.Hit(id, "L1"))
                .or(() -> duplicates.weakerHit(candidate));
    }

    // A county or park within the caller's scope: 400 for an unknown code or another level, 403 outside the scope.
    private OrgUnit landingUnit(String code, OrgScope scope) {
        OrgUnit unit = references.orgUnitInScope("orgUnit", code, scope);
        if (unit.level() != OrgLevel.COUNTY && unit.level() != OrgLevel.PARK) {
            throw new RequestValidationException(List.of(new FieldViolation("orgUnit", "LandingUnit",
                    "a project lands in a county or an industrial park, not a " + unit.level())));
        }
        return unit;
    }

    /**
     * For a transaction that registers many projects (an import): locks the cities of these units
     * exclusively until it ends, so that its registrations never wait for one another's key locks
     * in an order another transaction could reverse. Call it before the first registration.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockCitiesForBulkRegistration(Collection<OrgUnit> units) {
        duplicates.lockCitiesExclusively(units.stream().map(this::cityOf).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    // The city a county or park belongs to, whose projects L1 compares; null above city level.
    private String cityOf(OrgUnit unit) {
        OrgUnit current = unit;
        while (current != null && current.level() != OrgLevel.CITY) {
            current = current.parentCode() == null ? null : orgUnits.find(current.parentCode()).orElse(null);
        }
        return current == null ? null : current.code();
    }

    /**
     * A project to enter into the library at the stage it has reached.
     *
     * @param stage {@code null} for the original request form: SIGNED, documents not required
     * @param stageDates the dates it landed, was completed and began production, as given (the landing
     *     date may also come from its landing document)
     */
    public record RegisterProject(String name, String orgUnit, String projectCode, ProjectStage stage, BigDecimal contractAmount,
            LocalDate signingDate, LocalDate startDate, List<Evidence> evidence, IndustryCode industryCode,
            ProjectDetails details, InvestorContact contact, StageDates stageDates) {

        public RegisterProject {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            stageDates = stageDates == null ? StageDates.NONE : stageDates;
            ProjectDetails given = details == null ? ProjectDetails.NONE : details;
            details = Objects.equals(given.projectCode(), projectCode) ? given : given.withProjectCode(projectCode);
        }

        /** The original request form's fields only. */
        public RegisterProject(String name, String orgUnit, String projectCode, ProjectStage stage, BigDecimal contractAmount,
                LocalDate signingDate, LocalDate startDate, List<Evidence> evidence, IndustryCode industryCode) {
            this(name, orgUnit, projectCode, stage, contractAmount, signingDate, startDate, evidence, industryCode, null, null, null);
        }
    }
}
