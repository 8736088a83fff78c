package cn.gov.zhaoshang.reporting.cockpit.web;

import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.ReportReaderRole;
import cn.gov.zhaoshang.reporting.report.web.PeriodParameter;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import cn.gov.zhaoshang.reporting.report.web.UnitReportController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/units/{code}/cockpit?period=2026-11-YTD}: the console's home page (数据驾驶舱)
 * for one unit and one period in one answer. The period is written as for the unit report (a bad or
 * missing one is 400 naming {@code period}); a unit outside the caller's scope is 404, like an
 * unknown one. Read by the same roles as the unit report. The scope is checked on every request,
 * before the {@link CockpitCache} is asked.
 */
@RestController
@RequestMapping("/api/reports/units/{code}/cockpit")
public class CockpitController {

    private final CockpitCache cockpit;
    private final OrgUnitDirectory orgUnits;
    private final CurrentCaller currentCaller;

    public CockpitController(CockpitCache cockpit, OrgUnitDirectory orgUnits, CurrentCaller currentCaller) {
        this.cockpit = cockpit;
        this.orgUnits = orgUnits;
        this.currentCaller = currentCaller;
    }

    @GetMapping
    @ReportReaderRole
    public CockpitResponse cockpit(@PathVariable String code, @RequestParam String period) {
        ReportPeriod reportPeriod = PeriodParameter.parse(period);
        OrgUnit unit = orgUnits.find(code).filter(currentCaller.scope()::contains)
                .orElseThrow(() -> new NotFoundException("org unit", code));
        return cockpit.of(unit, reportPeriod);
    }
}
