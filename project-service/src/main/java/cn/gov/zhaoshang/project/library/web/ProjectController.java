package cn.gov.zhaoshang.project.library.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OfficerRole;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import cn.gov.zhaoshang.project.library.application.ProjectLifecycle;
import cn.gov.zhaoshang.project.library.application.ProjectRegistration;
import cn.gov.zhaoshang.project.library.application.ProjectTransfers;
import cn.gov.zhaoshang.project.library.application.ProjectViews;
import cn.gov.zhaoshang.project.library.model.Project;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
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

    public ProjectController(ProjectRegistration registration, ProjectLifecycle lifecycle, ProjectTransfers transfers,
            ProjectViews views, CurrentCaller currentCaller) {
        this.registration = registration;
        this.lifecycle = lifecycle;
        this.transfers = transfers;
        this.views = views;
        this.currentCaller = currentCaller;
    }

    /** The project after a write, shown to the caller as a read would show it (contact masked or audited). */
    private ProjectResponse shown(Project project, OrgScope scope) {
        return ProjectResponse.of(views.of(List.of(project), scope.caller()).getFirst());
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

    @GetMapping("/{id}")
    @ReaderRole
    public ProjectResponse get(@PathVariable UUID id) {
        return ProjectResponse.of(views.one(id, currentCaller.scope()));
    }

    @GetMapping
    @ReaderRole
    public PageResponse<ProjectResponse> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "registeredAt,desc") String sort) {
        SortOrders.Order order = Paging.check(page, size, sort, ProjectViews.SORT_ORDERS);
        OrgScope scope = currentCaller.scope();
        List<ProjectResponse> items = views.page(scope, order, page, size).stream().map(ProjectResponse::of).toList();
        return new PageResponse<>(items, page, size, views.count(scope), order.apiName());
    }
}
