package cn.gov.zhaoshang.targets.orgunits.web;

import java.net.URI;
import java.util.List;

import cn.gov.zhaoshang.platform.security.AdminRole;
import cn.gov.zhaoshang.platform.security.AuditorOrAdminRole;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.OrgTreeReaderRole;
import cn.gov.zhaoshang.targets.orgunits.application.OrgUnitAdministration;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The org-unit tree: read within the caller's scope; changed by admins. A code outside the
 * caller's scope answers 404 like an unknown one. A former code still finds its unit.
 */
@RestController
@RequestMapping("/api/org-units")
public class OrgUnitController {

    private final OrgUnitAdministration administration;
    private final CurrentCaller currentCaller;

    public OrgUnitController(OrgUnitAdministration administration, CurrentCaller currentCaller) {
        this.administration = administration;
        this.currentCaller = currentCaller;
    }

    /** The caller's subtree, or the subtree of {@code root} if it lies in the caller's scope. */
    @GetMapping
    @OrgTreeReaderRole
    public OrgTreeNode tree(@RequestParam(required = false) String root) {
        OrgScope scope = currentCaller.scope();
        return OrgTreeNode.nest(administration.visibleSubtree(root == null ? scope.unit().code() : root, scope));
    }

    @GetMapping("/{code}")
    @OrgTreeReaderRole
    public OrgUnitResponse get(@PathVariable String code) {
        return OrgUnitResponse.of(administration.visibleUnit(code, currentCaller.scope()));
    }

    /** What happened to the unit, under any of its codes: every audited change, oldest first. */
    @GetMapping("/{code}/history")
    @AuditorOrAdminRole
    public List<OrgUnitHistoryEntry> history(@PathVariable String code) {
        return administration.history(code, currentCaller.scope()).stream().map(OrgUnitHistoryEntry::of).toList();
    }

    @PostMapping
    @AdminRole
    public ResponseEntity<OrgUnitResponse> addPark(@Valid @RequestBody OrgUnitRequests.AddPark request) {
        OrgUnitResponse park = OrgUnitResponse.of(administration.addPark(request.parentCode(), request.nameZh(),
                request.nameEn(), currentCaller.scope()));
        return ResponseEntity.created(URI.create("/api/org-units/" + park.code())).body(park);
    }

    @PostMapping("/{code}/rename")
    @AdminRole
    public OrgUnitResponse rename(@PathVariable String code, @Valid @RequestBody OrgUnitRequests.Rename request) {
        return OrgUnitResponse.of(administration.rename(code, request.nameZh(), request.nameEn(), currentCaller.scope()));
    }

    @PostMapping("/{code}/move")
    @AdminRole
    public OrgUnitResponse move(@PathVariable String code, @Valid @RequestBody OrgUnitRequests.Move request) {
        return OrgUnitResponse.of(administration.move(code, request.parentCode(), currentCaller.scope()));
    }

    @PostMapping("/{code}/change-code")
    @AdminRole
    public OrgUnitResponse changeCode(@PathVariable String code, @Valid @RequestBody OrgUnitRequests.ChangeCode request) {
        return OrgUnitResponse.of(administration.changeCode(code, request.newCode(), currentCaller.scope()));
    }
}
