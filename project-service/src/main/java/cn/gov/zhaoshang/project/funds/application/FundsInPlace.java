package cn.gov.zhaoshang.project.funds.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
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
        if (project.signingDate() == null || project.stage() == ProjectStage.TERMINATED) {
            throw new ConflictException("funds in place are reported for signed projects that are not terminated",
                    Map.of("stage", project.stage().name()));
        }
        if (project.review() != cn.gov.zhaoshang.project.library.model.ReviewStatus.ACCEPTED) {
            throw new ConflictException("the project waits in duplicate review and is not counted yet",
                    Map.of("reviewStatus", project.review().name()));
        }
        if (month.isAfter(YearMonth.now(clock))) {
            throw new RequestValidationException(List.of(new FieldViolation("month", "NotInFuture",
                    "funds cannot be reported for a month that has not begun")));
        }
        return project;
    }

    /** An amount for a month with its evidence. */
    public record FundsEntry(YearMonth month, BigDecimal amount, FundsEvidenceType evidenceType, String evidenceNumber,
            LocalDate evidenceDate) {
    }
}
