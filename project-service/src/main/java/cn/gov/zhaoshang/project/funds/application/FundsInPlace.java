package cn.gov.zhaoshang.project.funds.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.project.FundsCorrected;
import cn.gov.zhaoshang.contracts.project.FundsReported;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.funds.infrastructure.FundsRepository;
import cn.gov.zhaoshang.project.funds.model.FundsEvidenceType;
import cn.gov.zhaoshang.project.funds.model.FundsRuleException;
import cn.gov.zhaoshang.project.funds.model.FundsVersion;
import cn.gov.zhaoshang.project.funds.model.MonthTotal;
import cn.gov.zhaoshang.project.funds.model.MonthlyFunds;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.library.model.ReviewStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Funds in place (到位资金): monthly reports and their corrections, each a new version with its
 * audit entry and one event, in one transaction.
 */
@Service
public class FundsInPlace {

    private final ProjectRepository projects;
    private final FundsRepository funds;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public FundsInPlace(ProjectRepository projects, FundsRepository funds, EventPublisher events, AuditTrail audit,
            Clock clock) {
        this.projects = projects;
        this.funds = funds;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The first report of a month; 409 when it was already reported. */
    @Transactional
    public FundsVersion report(UUID projectId, FundsEntry entry, OrgScope scope) {
        Project project = fundableProject(projectId, entry.month(), scope);
        MonthlyFunds month = new MonthlyFunds(entry.month(), funds.versionsOf(projectId, entry.month()));
        FundsVersion reported;
        try {
            reported = month.report(entry.amount(), entry.evidenceType(), entry.evidenceNumber(), entry.evidenceDate(),
                    clock.instant(), scope.caller().username());
        } catch (FundsRuleException rule) {
            throw new ConflictException(rule.getMessage(), Map.of("month", entry.month().toString()));
        }
        funds.insert(projectId, reported);
        audit.record(scope.caller(), "project-funds", projectId + "/" + entry.month(), "funds-reported", null, reported);
        events.publish(EventTypes.PROJECT_FUNDS_REPORTED, projectId.toString(), project.orgUnit(),
                new FundsReported(projectId, project.orgUnit(), entry.month().toString(), reported.version(),
                        reported.amount().toPlainString(), reported.evidenceType().name(), reported.reportedAt()));
        return reported;
    }

    /** A correction of a reported month: the next version; 409 when the month was never reported. */
    @Transactional
    public FundsVersion correct(UUID projectId, FundsEntry entry, String reason, OrgScope scope) {
        Project project = fundableProject(projectId, entry.month(), scope);
        MonthlyFunds month = new MonthlyFunds(entry.month(), funds.versionsOf(projectId, entry.month()));
        FundsVersion corrected;
        try {
            corrected = month.correct(entry.amount(), entry.evidenceType(), entry.evidenceNumber(), entry.evidenceDate(),
                    reason, clock.instant(), scope.caller().username());
        } catch (FundsRuleException rule) {
            throw new ConflictException(rule.getMessage(), Map.of("month", entry.month().toString()));
        }
        FundsVersion previous = month.latest().orElseThrow();
        funds.insert(projectId, corrected);
        audit.record(scope.caller(), "project-funds", projectId + "/" + entry.month(), "funds-corrected", previous, corrected);
        events.publish(EventTypes.PROJECT_FUNDS_CORRECTED, projectId.toString(), project.orgUnit(),
                new FundsCorrected(projectId, project.orgUnit(), entry.month().toString(), corrected.version(),
                        corrected.amount().toPlainString(), previous.amount().toPlainString(),
                        corrected.evidenceType().name(), corrected.reportedAt()));
        return corrected;
    }

    /** A project's amount for the month in a batch; {@code reason} is required only to correct a reported month. */
    public record MonthRow(UUID projectId, FundsEntry entry, String reason) {
    }

    /** What a batch did to one project's month: reported (version 1), corrected (the next version) or unchanged. */
    public record MonthOutcome(UUID projectId, Change change, FundsVersion version) {
    }

    public enum Change {
        REPORTED, CORRECTED, UNCHANGED
    }

    /**
     * One month of many projects in one request (the funds grid), validated as a whole: any bad row
     * refuses the batch with 400 naming every bad row's field ({@code rows[3].projectId}, …), and
     * nothing is stored. A row equal to the month's latest version (amount and evidence) changes
     * nothing; a row that differs from it is a correction and needs its reason. Each report or
     * correction has its own audit entry and event, as when entered one by one.
     */
    @Transactional
    public List<MonthOutcome> applyMonth(YearMonth month, List<MonthRow> rows, OrgScope scope) {
        List<FieldViolation> violations = new ArrayList<>();
        if (month.isAfter(YearMonth.now(clock))) {
            violations.add(new FieldViolation("month", "NotInFuture", "funds cannot be reported for a month that has not begun"));
        }
        // Locked in one order, so that two batches over the same projects cannot deadlock.
        Map<UUID, Optional<Project>> locked = new HashMap<>();
        rows.stream().map(MonthRow::projectId).distinct().sorted()
                .forEach(id -> locked.put(id, projects.lockInScope(id, scope)));
        Set<UUID> seen = new HashSet<>();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            MonthRow row = rows.get(i);
            String at = "rows[" + i + "].";
            Optional<Project> project = locked.get(row.projectId());
            if (!seen.add(row.projectId())) {
                violations.add(new FieldViolation(at + "projectId", "UniqueInBatch", "the project is in the batch twice"));
            } else if (project.isEmpty()) {
                violations.add(new FieldViolation(at + "projectId", "ProjectInScope", "is not a project within your scope"));
            } else {
                whyNotFundable(project.get(), month).ifPresent(refusal -> violations.add(new FieldViolation(at + "projectId",
                        refusal.rule(), refusal.message())));
            }
            Optional<FundsVersion> latest = project.isEmpty() ? Optional.empty()
                    : new MonthlyFunds(month, funds.versionsOf(row.projectId(), month)).latest();
            Change change = latest.isEmpty() ? Change.REPORTED : sameAs(latest.get(), row.entry()) ? Change.UNCHANGED : Change.CORRECTED;
            if (change == Change.CORRECTED && (row.reason() == null || row.reason().isBlank())) {
                violations.add(new FieldViolation(at + "reason", "RequiredForCorrection",
                        "the month was reported already (" + latest.get().amount().toPlainString() + "): a correction gives its reason"));
            }
            changes.add(change);
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        List<MonthOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            MonthRow row = rows.get(i);
            FundsEntry entry = row.entry();
            outcomes.add(switch (changes.get(i)) {
                case REPORTED -> new MonthOutcome(row.projectId(), Change.REPORTED, report(row.projectId(), entry, scope));
                case CORRECTED -> new MonthOutcome(row.projectId(), Change.CORRECTED,
                        correct(row.projectId(), entry, row.reason().strip(), scope));
                case UNCHANGED -> new MonthOutcome(row.projectId(), Change.UNCHANGED,
                        new MonthlyFunds(month, funds.versionsOf(row.projectId(), month)).latest().orElseThrow());
            });
        }
        return outcomes;
    }

    private static boolean sameAs(FundsVersion latest, FundsEntry entry) {
        return latest.amount().compareTo(entry.amount()) == 0 && latest.evidenceType() == entry.evidenceType()
                && latest.evidenceNumber().equals(entry.evidenceNumber()) && latest.evidenceDate().equals(entry.evidenceDate());
    }

    /** The version of the month that counts now, if the month was reported. */
    @Transactional(readOnly = true)
    public Optional<FundsVersion> latest(UUID projectId, YearMonth month, OrgScope scope) {
        projects.findInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        return new MonthlyFunds(month, funds.versionsOf(projectId, month)).latest();
    }

    /** Every month of a project with its full history. */
    @Transactional(readOnly = true)
    public List<MonthlyFunds> historyOf(UUID projectId, OrgScope scope) {
        projects.findInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        return funds.versionsOf(projectId).stream()
                .collect(java.util.stream.Collectors.groupingBy(FundsVersion::month, java.util.TreeMap::new,
                        java.util.stream.Collectors.toList()))
                .entrySet().stream()
                .map(month -> new MonthlyFunds(month.getKey(), month.getValue()))
                .toList();
    }

    @Transactional(readOnly = true)
    public MonthTotal totalOf(YearMonth month, OrgScope scope) {
        return funds.totalInScope(month, scope);
    }

    // Locks the project so that two reports of one month cannot both be version 1.
    private Project fundableProject(UUID projectId, YearMonth month, OrgScope scope) {
        Project project = projects.lockInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        Optional<Refusal> refusal = whyNotFundable(project, month);
        if (refusal.isPresent()) {
            throw refusal.get().asException();
        }
        if (month.isAfter(YearMonth.now(clock))) {
            throw new RequestValidationException(List.of(new FieldViolation("month", "NotInFuture",
                    "funds cannot be reported for a month that has not begun")));
        }
        return project;
    }

    /** Why a project gets no funds for the month: a state that says so (409) or a month before its signing (400). */
    private record Refusal(String rule, String message, Map<String, Object> state) {

        RuntimeException asException() {
            return state == null ? new RequestValidationException(List.of(new FieldViolation("month", rule, message)))
                    : new ConflictException(message, state);
        }
    }

    private static Optional<Refusal> whyNotFundable(Project project, YearMonth month) {
        if (project.signingDate() == null || project.stage() == ProjectStage.TERMINATED) {
            return Optional.of(new Refusal("Fundable", "funds in place are reported for signed projects that are not terminated",
                    Map.of("stage", project.stage().name())));
        }
        if (project.review() != ReviewStatus.ACCEPTED) {
            return Optional.of(new Refusal("Fundable", "the project waits in duplicate review and is not counted yet",
                    Map.of("reviewStatus", project.review().name())));
        }
        // Funds in place are money for a signed contract: a month before the signing would count it in
        // a period when the contract, and the project in the programme's figures, did not exist yet.
        if (month.isBefore(YearMonth.from(project.signingDate()))) {
            return Optional.of(new Refusal("NotBeforeSigning",
                    "funds are reported from the signing month (" + YearMonth.from(project.signingDate()) + ") on", null));
        }
        return Optional.empty();
    }

    /** An amount for a month with its evidence. */
    public record FundsEntry(YearMonth month, BigDecimal amount, FundsEvidenceType evidenceType, String evidenceNumber,
            LocalDate evidenceDate) {
    }
}
