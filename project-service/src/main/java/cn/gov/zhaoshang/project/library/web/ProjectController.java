package cn.gov.zhaoshang.project.library.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OfficerRole;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import cn.gov.zhaoshang.platform.versioning.IfMatch;
import cn.gov.zhaoshang.project.library.application.ProjectLifecycle;
import cn.gov.zhaoshang.project.library.application.ProjectRegistration;
import cn.gov.zhaoshang.project.library.application.ProjectTransfers;
import cn.gov.zhaoshang.project.library.application.ProjectViews;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.AmountBand;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The project library's API, always within the caller's org scope. */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {

    private final ProjectRegistration registration;
    private final ProjectLifecycle lifecycle;
    private final ProjectTransfers transfers;
    private final ProjectViews views;
    private final CurrentCaller currentCaller;
    private final OrgUnitDirectory orgUnits;

    private static final Set<String> LIST_PARAMETERS = Set.of("page", "size", "sort");

    public ProjectController(ProjectRegistration registration, ProjectLifecycle lifecycle, ProjectTransfers transfers,
            ProjectViews views, CurrentCaller currentCaller, OrgUnitDirectory orgUnits) {
        this.registration = registration;
        this.lifecycle = lifecycle;
        this.transfers = transfers;
        this.views = views;
        this.currentCaller = currentCaller;
        this.orgUnits = orgUnits;
    }

    /** The project after a write, shown to the caller as a read would show it (contact masked or audited). */
    private ProjectResponse shown(Project project, OrgScope scope) {
        return ProjectResponse.of(views.of(List.of(project), scope).getFirst());
    }

    @PostMapping
    @OfficerRole
    public ResponseEntity<ProjectResponse> register(@Valid @RequestBody RegisterProjectRequest request) {
        OrgScope scope = currentCaller.scope();
        ProjectResponse created = shown(registration.register(request.toCommand(), scope), scope);
        return ResponseEntity.created(URI.create("/api/projects/" + created.id())).body(created);
    }

    /** Moves a project to another stage; an illegal move gets 409 naming the allowed moves. */
    @PostMapping("/{id}/stage-moves")
    @OfficerRole
    public ProjectResponse move(@PathVariable UUID id, @Valid @RequestBody MoveStageRequest request) {
        OrgScope scope = currentCaller.scope();
        return shown(lifecycle.move(id, request.toCommand(), scope), scope);
    }

    /** Transfers a project to another county or park; only a user of a common ancestor of both may. */
    @PostMapping("/{id}/transfers")
    @OfficerRole
    public ProjectResponse transfer(@PathVariable UUID id, @Valid @RequestBody TransferRequest request) {
        OrgScope scope = currentCaller.scope();
        return shown(transfers.transfer(id, request.toOrgUnit(), request.reason(), scope), scope);
    }

    /** The stage history, registration first, with date, actor and evidence of every move. */
    @GetMapping("/{id}/stage-moves")
    @ReaderRole
    public List<StageMoveResponse> history(@PathVariable UUID id) {
        return lifecycle.history(id, currentCaller.scope()).stream().map(move -> StageMoveResponse.of(id, move)).toList();
    }

    /** The project, with its version as {@code ETag}: a correction names it in {@code If-Match}. */
    @GetMapping("/{id}")
    @ReaderRole
    public ResponseEntity<ProjectResponse> get(@PathVariable UUID id) {
        ProjectResponse project = ProjectResponse.of(views.one(id, currentCaller.scope()));
        return ResponseEntity.ok().eTag(IfMatch.entityTag(project.version())).body(project);
    }

    /**
     * Searches the library within the caller's scope: by name or code ({@code q}, best match first)
     * and by the filters of {@link ProjectSearchParameters}, all of which have to match.
     */
    @GetMapping
    @ReaderRole
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "name (typo-tolerant) or the start of the project code")
    @Parameter(name = "orgUnit", in = ParameterIn.QUERY, description = "a unit in scope: it and everything under it")
    @Parameter(name = "stage", in = ParameterIn.QUERY, description = "one or several stages, repeated or comma-separated")
    @Parameter(name = "industry", in = ParameterIn.QUERY, description = "a GB/T 4754 code or its start, e.g. C38")
    @Parameter(name = "chainTag", in = ParameterIn.QUERY, description = "one or several industry-chain tags (any of them)")
    @Parameter(name = "channel", in = ParameterIn.QUERY, description = "one or several channels")
    @Parameter(name = "sourceKeyArea", in = ParameterIn.QUERY, description = "one or several key areas")
    @Parameter(name = "manufacturing", in = ParameterIn.QUERY, schema = @Schema(type = "boolean"))
    @Parameter(name = "amountBand", in = ParameterIn.QUERY, schema = @Schema(implementation = AmountBand.class))
    @Parameter(name = "amountFrom", in = ParameterIn.QUERY, description = "contract amount in yuan, at least")
    @Parameter(name = "amountTo", in = ParameterIn.QUERY, description = "contract amount in yuan, at most")
    @Parameter(name = "signedFrom", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "signedTo", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "registeredFrom", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "registeredTo", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "investor", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
    @Parameter(name = "hasOpenWarning", in = ParameterIn.QUERY, schema = @Schema(type = "boolean"))
    @Parameter(name = "keyProject", in = ParameterIn.QUERY, schema = @Schema(type = "boolean"))
    public ProjectPageResponse list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String sort) {
        OrgScope scope = currentCaller.scope();
        // page, size and sort are checked with the filters, so that one 400 names every bad parameter
        List<FieldViolation> violations = new ArrayList<>(Paging.rangeViolations(page, size, Paging.DEFAULT_MAX_SIZE));
        boolean searchByName = parameters.getOrDefault("q", List.of()).stream().anyMatch(value -> !value.isBlank());
        SortOrders.Order order = order(sort, searchByName, violations);
        ProjectSearchParameters.Search search = ProjectSearchParameters.read(parameters, LIST_PARAMETERS, violations,
                scope, orgUnits);
        ProjectViews.Page found = views.page(scope, search.filter(), order, page, size);
        List<ProjectResponse> items = found.items().stream().map(ProjectResponse::of).toList();
        return new ProjectPageResponse(items, page, size, found.total(), order.apiName(), search.applied());
    }

    /** A search by name is best match first unless another order is asked for; without one, newest first. */
    private static SortOrders.Order order(String sort, boolean searchByName, List<FieldViolation> violations) {
        if (ProjectViews.RELEVANCE.apiName().equals(sort) || sort == null && searchByName) {
            if (!searchByName) {
                violations.add(new FieldViolation("sort", "RequiresQuery", "relevance orders a search by q; give q or another order"));
            }
            return ProjectViews.RELEVANCE;
        }
        return ProjectViews.SORT_ORDERS.find(sort == null ? "registeredAt,desc" : sort, violations);
    }
}
