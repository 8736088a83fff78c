package cn.gov.zhaoshang.targets.teams.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OfficerOrAdminRole;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import cn.gov.zhaoshang.platform.security.TargetAdminRole;
import cn.gov.zhaoshang.targets.teams.application.TeamAdministration;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Resident teams within the caller's scope, and the key areas they are stationed in. */
@RestController
public class TeamController {

    private final TeamAdministration administration;
    private final CurrentCaller currentCaller;

    public TeamController(TeamAdministration administration, CurrentCaller currentCaller) {
        this.administration = administration;
        this.currentCaller = currentCaller;
    }

    @GetMapping("/api/key-areas")
    @ReaderRole
    public List<TeamResponse.KeyArea> keyAreas() {
        return administration.keyAreas().stream().map(row -> new TeamResponse.KeyArea((String) row.get("code"),
                (String) row.get("name_zh"), (String) row.get("name_en"), (Boolean) row.get("active"))).toList();
    }

    @GetMapping("/api/resident-teams")
    @ReaderRole
    public PageResponse<TeamResponse> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "name,asc") String sort) {
        SortOrders.Order order = Paging.check(page, size, sort, TeamAdministration.SORT_ORDERS);
        OrgScope scope = currentCaller.scope();
        return new PageResponse<>(administration.page(scope, order, page, size).stream().map(TeamResponse::of).toList(),
                page, size, administration.count(scope), order.apiName());
    }

    @GetMapping("/api/resident-teams/{id}")
    @ReaderRole
    public TeamResponse get(@PathVariable UUID id) {
        return TeamResponse.of(administration.find(id, currentCaller.scope()));
    }

    @PostMapping("/api/resident-teams")
    @OfficerOrAdminRole
    public ResponseEntity<TeamResponse> create(@Valid @RequestBody TeamRequests.CreateTeam request) {
        TeamResponse created = TeamResponse.of(administration.create(request.orgUnit(), request.leadDepartment(),
                request.details(), currentCaller.scope()));
        return ResponseEntity.created(URI.create("/api/resident-teams/" + created.id())).body(created);
    }

    @PostMapping("/api/resident-teams/{id}")
    @OfficerOrAdminRole
    public TeamResponse change(@PathVariable UUID id, @Valid @RequestBody TeamRequests.ChangeTeam request) {
        return TeamResponse.of(administration.change(id, request.details(), currentCaller.scope()));
    }

    @PostMapping("/api/resident-teams/{id}/close")
    @OfficerOrAdminRole
    public TeamResponse close(@PathVariable UUID id, @RequestBody(required = false) TeamRequests.CloseTeam request) {
        return TeamResponse.of(administration.close(id, request == null ? null : request.closedOn(), currentCaller.scope()));
    }

    /** The team's own contract target of a year; set by a target admin of the team's unit or above. */
    @PostMapping("/api/resident-teams/{id}/targets")
    @TargetAdminRole
    public TeamResponse setTarget(@PathVariable UUID id, @Valid @RequestBody TeamRequests.TeamTarget request) {
        return TeamResponse.of(administration.setContractTarget(id, request.year(), new BigDecimal(request.contractTarget()),
                currentCaller.scope()));
    }
}
