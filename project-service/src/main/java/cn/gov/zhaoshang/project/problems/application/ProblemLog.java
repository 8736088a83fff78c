package cn.gov.zhaoshang.project.problems.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.versioning.IfMatch;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.library.model.ReviewStatus;
import cn.gov.zhaoshang.project.problems.infrastructure.ProblemRepository;
import cn.gov.zhaoshang.project.problems.model.InvalidProblemChangeException;
import cn.gov.zhaoshang.project.problems.model.ProblemCategory;
import cn.gov.zhaoshang.project.problems.model.ProblemChange;
import cn.gov.zhaoshang.project.problems.model.ProblemFilter;
import cn.gov.zhaoshang.project.problems.model.ProblemRuleException;
import cn.gov.zhaoshang.project.problems.model.ProjectProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem log (问题台账) of the projects in a caller's scope: each problem logged or changed is
 * stored, audited (entity {@code project-problem}, before and after) and published in one
 * transaction. A project outside the scope is not found, whatever is asked of it.
 */
@Service
public class ProblemLog {

    static final String AUDIT_ENTITY = "project-problem";

    /** The orders a project's problems can be listed in. */
    public static final SortOrders SORT_ORDERS = ProblemRepository.SORT_ORDERS;

    private final ProjectRepository projects;
    private final ProblemRepository problems;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public ProblemLog(ProjectRepository projects, ProblemRepository problems, EventPublisher events, AuditTrail audit,
            Clock clock) {
        this.projects = projects;
        this.problems = problems;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** A problem to log. */
    public record NewProblem(ProblemCategory category, String description, String department, LocalDate deadline) {
    }

    /**
     * Logs an open problem of a signed project (SIGNED or later, or suspended after signing) that
     * counts: not terminated, and accepted in duplicate review.
     *
     * @throws ConflictException when the project is not signed, is terminated or waits in review
     */
    @Transactional
    public ProjectProblem log(UUID projectId, NewProblem problem, OrgScope scope) {
        // locked, so that a problem is not logged on a project that a concurrent move is terminating
        Project project = projects.lockInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        requireLoggable(project);
        ProjectProblem logged = ProjectProblem.log(UUID.randomUUID(), projectId, problem.category(), problem.description(),
                problem.department(), problem.deadline(), scope.caller().username(), clock.instant());
        problems.insert(logged);
        audit.record(scope.caller(), AUDIT_ENTITY, logged.id().toString(), "logged", null, logged);
        events.publish(EventTypes.PROJECT_PROBLEM_LOGGED, projectId.toString(), project.orgUnit(),
                logged.loggedEvent(project.orgUnit()));
        return logged;
    }

    /**
     * Changes a problem, if it is still at one of the versions the caller read. A terminated
     * project's problems can still be solved, so that its log can be closed.
     *
     * @param ifMatch the versions the caller's precondition names
     * @throws cn.gov.zhaoshang.platform.errors.PreconditionFailedException when the problem is at another version now (412)
     * @throws ConflictException             when a solved problem is changed without being reopened
     * @throws RequestValidationException    when it is solved without a resolution, given a
     *     resolution without being solved, or nothing changes
     */
    @Transactional
    public ProjectProblem change(UUID projectId, UUID problemId, IfMatch ifMatch, ProblemChange change, OrgScope scope) {
        Project project = projects.findInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        ProjectProblem current = problems.lock(projectId, problemId).orElseThrow(() -> new NotFoundException("problem", problemId));
        ifMatch.check(current.version());
        ProjectProblem.Changed changed;
        try {
            changed = current.change(change, scope.caller().username(), clock.instant());
        } catch (ProblemRuleException refused) {
            // not "status": that member of the problem details is the HTTP status
            throw new ConflictException(refused.getMessage(), Map.of("problemStatus", current.status().name()));
        } catch (InvalidProblemChangeException invalid) {
            throw new RequestValidationException(List.of(new FieldViolation(invalid.field(), invalid.rule(), invalid.getMessage())));
        }
        problems.update(changed.after(), current.version());
        audit.record(scope.caller(), AUDIT_ENTITY, problemId.toString(), changed.action(), changed.before(), changed.after());
        events.publish(EventTypes.PROJECT_PROBLEM_CHANGED, projectId.toString(), project.orgUnit(),
                changed.event(project.orgUnit()));
        return changed.after();
    }

    @Transactional(readOnly = true)
    public ProjectProblem find(UUID projectId, UUID problemId, OrgScope scope) {
        projects.findInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        return problems.find(projectId, problemId).orElseThrow(() -> new NotFoundException("problem", problemId));
    }

    /** One page of a project's problems, and how many pass the filter in all. */
    @Transactional(readOnly = true)
    public Page page(UUID projectId, ProblemFilter filter, SortOrders.Order sort, int page, int size, OrgScope scope) {
        projects.findInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        return new Page(problems.page(projectId, filter, sort, page, size), problems.count(projectId, filter));
    }

    /** The day overdue is judged on: today in the clock's zone, the bureaus' calendar (as the warnings judge it). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A page of problems with the total that passes the filter. */
    public record Page(List<ProjectProblem> items, long total) {
    }

    private static void requireLoggable(Project project) {
        if (project.review() != ReviewStatus.ACCEPTED) {
            throw new ConflictException("the project is " + project.review() + " in duplicate review and is not counted",
                    Map.of("reviewStatus", project.review().name()));
        }
        if (project.stage() == ProjectStage.TERMINATED) {
            throw new ConflictException("a terminated project is out of the library and gets no new problems",
                    Map.of("stage", project.stage().name()));
        }
        if (!project.isSigned()) {
            throw new ConflictException("the problem log is kept for signed projects, on their way to landing and start",
                    Map.of("stage", project.stage().name()));
        }
    }
}
