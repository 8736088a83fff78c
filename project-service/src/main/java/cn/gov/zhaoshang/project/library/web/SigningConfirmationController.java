package cn.gov.zhaoshang.project.library.web;

import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.LeaderOrAdminRole;
import cn.gov.zhaoshang.platform.security.LeaderRole;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import cn.gov.zhaoshang.project.library.application.ProjectViews;
import cn.gov.zhaoshang.project.library.application.SigningConfirmations;
import cn.gov.zhaoshang.project.library.application.SigningConfirmations.EffectiveSetting;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Confirmation of signings (签约确认): the unit setting, a leader's confirmation, and the SIGNED-pending
 * list. Paths are under {@code /api/projects} so that the gateway's project route serves them.
 */
@RestController
public class SigningConfirmationController {

    private final SigningConfirmations confirmations;
    private final ProjectViews views;
    private final CurrentCaller currentCaller;

    public SigningConfirmationController(SigningConfirmations confirmations, ProjectViews views, CurrentCaller currentCaller) {
        this.confirmations = confirmations;
        this.views = views;
        this.currentCaller = currentCaller;
    }

    /** {@code required}: whether signings in the unit wait for a leader's confirmation. */
    public record SettingRequest(@NotNull Boolean required) {
    }

    /**
     * The setting in force for a unit.
     *
     * @param setOn the unit whose own setting applies (the unit itself or an ancestor); {@code null}
     *     when nobody on its path set any (then {@code required} is false)
     * @param inherited whether the setting comes from an ancestor
     */
    public record SettingResponse(String orgUnit, boolean required, String setOn, boolean inherited) {
        static SettingResponse of(EffectiveSetting setting) {
            return new SettingResponse(setting.orgUnit(), setting.required(), setting.setOn(),
                    setting.setOn() != null && !setting.setOn().equals(setting.orgUnit()));
        }
    }

    @GetMapping("/api/projects/signing-confirmation-settings/{orgUnit}")
    @ReaderRole
    public SettingResponse setting(@PathVariable String orgUnit) {
        return SettingResponse.of(confirmations.settingOf(orgUnit, currentCaller.scope()));
    }

    /** Sets the unit's own setting; its descendants without their own follow it. Audited. */
    @PutMapping("/api/projects/signing-confirmation-settings/{orgUnit}")
    @LeaderOrAdminRole
    public SettingResponse set(@PathVariable String orgUnit, @Valid @RequestBody SettingRequest request) {
        return SettingResponse.of(confirmations.set(orgUnit, request.required(), currentCaller.scope()));
    }

    /** A leader confirms a SIGNED-pending signing; 409 when none is pending. */
    @PostMapping("/api/projects/{id}/signing-confirmation")
    @LeaderRole
    public ProjectResponse confirm(@PathVariable UUID id) {
        OrgScope scope = currentCaller.scope();
        return ProjectResponse.of(views.of(List.of(confirmations.confirm(id, scope)), scope).getFirst());
    }

    /** SIGNED-pending projects in scope, or under {@code orgUnit} of it; paged and sorted. */
    @GetMapping("/api/projects/signing-pending")
    @ReaderRole
    public PageResponse<ProjectResponse> pending(@RequestParam(required = false) String orgUnit,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "signingDate,asc") String sort) {
        SortOrders.Order order = Paging.check(page, size, sort, ProjectViews.SORT_ORDERS);
        OrgScope scope = currentCaller.scope();
        List<ProjectResponse> items = views.of(confirmations.pending(orgUnit, scope, order, page, size), scope).stream()
                .map(ProjectResponse::of).toList();
        return new PageResponse<>(items, page, size, confirmations.pendingCount(orgUnit, scope), order.apiName());
    }
}
