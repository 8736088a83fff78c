package cn.gov.zhaoshang.project.problems.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.versioning.IfMatch;
import cn.gov.zhaoshang.platform.security.OfficerRole;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import cn.gov.zhaoshang.project.problems.application.ProblemLog;
import cn.gov.zhaoshang.project.problems.model.ProblemFilter;
import cn.gov.zhaoshang.project.problems.model.ProblemStatus;
import cn.gov.zhaoshang.project.problems.model.ProjectProblem;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The problem log (问题台账) of a project in the caller's scope: officers log and change problems,
 * every reader role reads them. A single problem carries its version as its ETag, and a change
 * must send it back in {@code If-Match} ({@link IfMatch}).
 */
@RestController
@RequestMapping("/api/projects/{projectId}/problems")
public class ProblemController {

    private final ProblemLog problems;
    private final CurrentCaller currentCaller;

    public ProblemController(ProblemLog problems, CurrentCaller currentCaller) {
        this.problems = problems;
        this.currentCaller = currentCaller;
    }

    /** Logs an open problem of a signed project: 201 with the problem, its location and its ETag. */
    @PostMapping
    @OfficerRole
    public ResponseEntity<ProblemResponse> log(@PathVariable UUID projectId, @Valid @RequestBody LogProblemRequest request) {
        ProjectProblem logged = problems.log(projectId, request.toNewProblem(), currentCaller.scope());
        return ResponseEntity.created(URI.create("/api/projects/" + projectId + "/problems/" + logged.id()))
                .eTag(IfMatch.entityTag(logged.version()))
                .body(ProblemResponse.of(logged, problems.today()));
    }

    /**
     * @param status  OPEN, IN_PROGRESS, SOLVED, several separated by commas; all when absent
     * @param overdue {@code true}: only open problems past their deadline; {@code false}: all others
     * @param sort    {@code status,asc} (default: open ones first, each by deadline), {@code deadline}
     *     or {@code createdAt}, with {@code ,asc} or {@code ,desc}
     */
    @GetMapping
    @ReaderRole
    public PageResponse<ProblemResponse> list(@PathVariable UUID projectId,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String overdue,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "status,asc") String sort) {
        List<FieldViolation> violations = new ArrayList<>();
        SortOrders.Order order = ProblemLog.SORT_ORDERS.find(sort, violations);
        violations.addAll(Paging.rangeViolations(page, size, Paging.DEFAULT_MAX_SIZE));
        Set<ProblemStatus> statuses = statuses(status, violations);
        Boolean overdueOnly = switch (overdue == null ? "" : overdue.toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                violations.add(new FieldViolation("overdue", "Boolean", "overdue is true or false"));
                yield null;
            }
        };
        Paging.throwIfAny(violations);
        LocalDate today = problems.today();
        ProblemLog.Page found = problems.page(projectId, new ProblemFilter(statuses, overdueOnly, today), order, page, size,
                currentCaller.scope());
        List<ProblemResponse> items = found.items().stream().map(problem -> ProblemResponse.of(problem, today)).toList();
        return new PageResponse<>(items, page, size, found.total(), order.apiName());
    }

    /** One problem, with its version as ETag. */
    @GetMapping("/{problemId}")
    @ReaderRole
    public ResponseEntity<ProblemResponse> get(@PathVariable UUID projectId, @PathVariable UUID problemId) {
        ProjectProblem problem = problems.find(projectId, problemId, currentCaller.scope());
        return ResponseEntity.ok().eTag(IfMatch.entityTag(problem.version())).body(ProblemResponse.of(problem, problems.today()));
    }

    /**
     * Changes a problem (JSON merge patch: absent fields are kept). {@code If-Match} must name the
     * version it was made from: 428 without it, 412 when the problem has changed since.
     */
    @PatchMapping(path = "/{problemId}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @OfficerRole
    public ResponseEntity<ProblemResponse> change(@PathVariable UUID projectId, @PathVariable UUID problemId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ChangeProblemRequest request) {
        ProjectProblem changed = problems.change(projectId, problemId, IfMatch.required(ifMatch), request.toChange(),
                currentCaller.scope());
        return ResponseEntity.ok().eTag(IfMatch.entityTag(changed.version())).body(ProblemResponse.of(changed, problems.today()));
    }


    private static Set<ProblemStatus> statuses(List<String> values, List<FieldViolation> violations) {
        Set<ProblemStatus> statuses = EnumSet.noneOf(ProblemStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            if (value.isBlank()) {
                continue;
            }
            try {
                statuses.add(ProblemStatus.valueOf(value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                violations.add(new FieldViolation("status", "AllowedValue", "status is OPEN, IN_PROGRESS or SOLVED"));
                break;
            }
        }
        return statuses;
    }
}
