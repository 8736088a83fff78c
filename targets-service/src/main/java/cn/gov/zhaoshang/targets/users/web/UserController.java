package cn.gov.zhaoshang.targets.users.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.UserAdminRole;
import cn.gov.zhaoshang.targets.users.application.UserAdministration;
import cn.gov.zhaoshang.targets.users.model.ManagedUser;
import cn.gov.zhaoshang.targets.users.web.UserResponses.CreatedUser;
import cn.gov.zhaoshang.targets.users.web.UserResponses.UserResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people of the caller's unit and of every unit under it, for a bureau's {@code user-admin}
 * (docs/security.md, "Who grants which role"). Users live in Keycloak; this service keeps none.
 */
@RestController
@UserAdminRole
public class UserController {

    private static final Set<String> LIST_PARAMETERS = Set.of("orgUnit", "q", "page", "size", "sort");

    private final UserAdministration administration;
    private final CurrentCaller currentCaller;

    public UserController(UserAdministration administration, CurrentCaller currentCaller) {
        this.administration = administration;
        this.currentCaller = currentCaller;
    }

    @GetMapping("/api/users/grantable-roles")
    public List<String> grantableRoles() {
        return administration.grantableRoles();
    }

    @GetMapping("/api/users")
    @Parameter(name = "orgUnit", in = ParameterIn.QUERY, description = "the unit and every unit under it; the caller's own by default")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "part of the username, the first or the last name")
    @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", defaultValue = "0", minimum = "0"))
    @Parameter(name = "size", in = ParameterIn.QUERY, schema = @Schema(type = "integer", defaultValue = "20", minimum = "1", maximum = "200"))
    @Parameter(name = "sort", in = ParameterIn.QUERY, schema = @Schema(type = "string", defaultValue = "username,asc",
            allowableValues = {"username,asc", "username,desc", "orgUnit,asc", "orgUnit,desc"}))
    public PageResponse<UserResponse> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        OrgScope scope = currentCaller.scope();
        List<FieldViolation> violations = new ArrayList<>();
        violations.addAll(Paging.unknownParameters(parameters, LIST_PARAMETERS, "the user list"));
        int page = Paging.number(parameters, "page", 0, violations);
        int size = Paging.number(parameters, "size", 20, violations);
        violations.addAll(Paging.rangeViolations(page, size, Paging.DEFAULT_MAX_SIZE));
        SortOrders.Order order = UserAdministration.SORT_ORDERS.find(parameters.getOrDefault("sort", "username,asc"), violations);
        String text = parameters.get("q");
        if (text != null && text.length() > 100) {
            violations.add(new FieldViolation("q", "Size", "is at most 100 characters"));
        }
        Paging.throwIfAny(violations);
        PageResponse<ManagedUser> users = administration.list(
                parameters.getOrDefault("orgUnit", scope.unit().code()), text == null || text.isBlank() ? null : text.strip(), order, page,
                size, scope);
        return new PageResponse<>(users.items().stream().map(UserResponse::of).toList(), users.page(), users.size(), users.total(),
                users.sort());
    }

    @GetMapping("/api/users/{id}")
    public UserResponse get(@PathVariable UUID id) {
        return UserResponse.of(administration.get(id, currentCaller.scope()));
    }

    /** 201 with the new user and, locally, their one-time password (shown only here). */
    @PostMapping("/api/users")
    public ResponseEntity<CreatedUser> create(@Valid @RequestBody UserRequests.CreateUser request) {
        CreatedUser created = CreatedUser.of(administration.create(request.username(), request.details(), currentCaller.scope()));
        return ResponseEntity.created(URI.create("/api/users/" + created.user().id())).body(created);
    }

    /** Names, e-mail address, unit and roles. */
    @PostMapping("/api/users/{id}")
    public UserResponse change(@PathVariable UUID id, @Valid @RequestBody UserRequests.ChangeUser request) {
        return UserResponse.of(administration.change(id, request.details(), currentCaller.scope()));
    }

    /** The user can no longer sign in; their sessions end now. */
    @PostMapping("/api/users/{id}/disable")
    public UserResponse disable(@PathVariable UUID id) {
        return UserResponse.of(administration.disable(id, currentCaller.scope()));
    }

    @PostMapping("/api/users/{id}/enable")
    public UserResponse enable(@PathVariable UUID id) {
        return UserResponse.of(administration.enable(id, currentCaller.scope()));
    }
}
