package cn.gov.zhaoshang.targets.annual.web;

import java.math.BigDecimal;

import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import cn.gov.zhaoshang.platform.security.TargetAdminRole;
import cn.gov.zhaoshang.targets.annual.application.TargetSetting;
import cn.gov.zhaoshang.targets.annual.web.TargetResponses.DecompositionResponse;
import cn.gov.zhaoshang.targets.annual.web.TargetResponses.UnitTargetsResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Annual targets per unit, year and figure. Anyone in scope reads them; a target admin sets them
 * for the units strictly below their own.
 */
@RestController
@RequestMapping("/api/targets")
public class TargetController {

    private final TargetSetting setting;
    private final CurrentCaller currentCaller;

    public TargetController(TargetSetting setting, CurrentCaller currentCaller) {
        this.setting = setting;
        this.currentCaller = currentCaller;
    }

    @PostMapping
    @TargetAdminRole
    public UnitTargetsResponse set(@Valid @RequestBody TargetRequests.SetTargets request) {
        return UnitTargetsResponse.of(setting.set(request.orgUnit(), request.year(), request.figures(), currentCaller.scope()));
    }

    @GetMapping("/{orgUnit}/{year}")
    @ReaderRole
    public UnitTargetsResponse get(@PathVariable String orgUnit, @PathVariable int year) {
        return UnitTargetsResponse.of(setting.read(orgUnit, year, currentCaller.scope()));
    }

    /** The unit's targets beside the sum of its children's, per additive figure. */
    @GetMapping("/{orgUnit}/{year}/decomposition")
    @ReaderRole
    public DecompositionResponse decomposition(@PathVariable String orgUnit, @PathVariable int year) {
        return DecompositionResponse.of(setting.decomposition(orgUnit, year, currentCaller.scope()));
    }

    /** Drafts the next year's targets from this year's by a growth rate; answers the draft year. */
    @PostMapping("/{orgUnit}/{year}/next-year")
    @TargetAdminRole
    public UnitTargetsResponse draftNextYear(@PathVariable String orgUnit, @PathVariable int year,
            @Valid @RequestBody TargetRequests.NextYear request) {
        return UnitTargetsResponse.of(setting.draftNextYear(orgUnit, year, new BigDecimal(request.growthRate()),
                currentCaller.scope()));
    }

    @PostMapping("/{orgUnit}/{year}/confirm")
    @TargetAdminRole
    public UnitTargetsResponse confirmDraft(@PathVariable String orgUnit, @PathVariable int year) {
        return UnitTargetsResponse.of(setting.confirmDraft(orgUnit, year, currentCaller.scope()));
    }
}
