package cn.gov.zhaoshang.reporting.report.web;

import cn.gov.zhaoshang.reporting.report.application.UnitReports;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import java.util.List;

import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.ReportReaderRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/units/{code}?period=2022-10-YTD}: every figure of metrics.md for a unit
 * and everything under it; {@code GET /api/reports/units/{code}/children?period=...}: the same for
 * each direct child. A unit outside the caller's scope is answered like an unknown one: 404.
 */
@RestController
@RequestMapping("/api/reports/units")
public class UnitReportController {

    private final UnitReports reports;
    private final OrgUnitDirectory orgUnits;
    private final CurrentCaller currentCaller;

    public UnitReportController(UnitReports reports, OrgUnitDirectory orgUnits, CurrentCaller currentCaller) {
        this.reports = reports;
        this.orgUnits = orgUnits;
        this.currentCaller = currentCaller;
    }

    @GetMapping("/{code}")
    @ReportReaderRole
    public UnitReportResponse report(@PathVariable String code, @RequestParam String period) {
        ReportPeriod reportPeriod = PeriodParameter.parse(period);
        OrgUnit unit = inScope(code);
        return UnitReportResponse.of(reports.of(unit.code(), reportPeriod));
    }

    @GetMapping("/{code}/children")
    @ReportReaderRole
    public List<UnitReportResponse> children(@PathVariable String code, @RequestParam String period) {
        ReportPeriod reportPeriod = PeriodParameter.parse(period);
        OrgUnit unit = inScope(code);
        return reports.children(unit.code(), reportPeriod).stream().map(UnitReportResponse::of).toList();
    }

    private OrgUnit inScope(String code) {
        return orgUnits.find(code).filter(currentCaller.scope()::contains)
                .orElseThrow(() -> new NotFoundException("org unit", code));
    }
}
