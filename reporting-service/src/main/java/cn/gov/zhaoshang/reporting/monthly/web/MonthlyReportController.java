package cn.gov.zhaoshang.reporting.monthly.web;

import java.time.YearMonth;

import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.ReportReaderRole;
import cn.gov.zhaoshang.reporting.report.model.Amounts;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import cn.gov.zhaoshang.reporting.report.model.UnitReport;
import cn.gov.zhaoshang.reporting.report.application.UnitReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/monthly?orgUnit=450800&month=2026-11}: the month's signings, the first
 * report of the platform, kept for its callers (gateway tests, launcher demo). The same figures are
 * in {@code GET /api/reports/units/450800?period=2026-11} with everything else.
 */
@RestController
@RequestMapping("/api/reports")
public class MonthlyReportController {

    private final UnitReports reports;
    private final OrgUnitDirectory orgUnits;
    private final CurrentCaller currentCaller;

    public MonthlyReportController(UnitReports reports, OrgUnitDirectory orgUnits, CurrentCaller currentCaller) {
        this.reports = reports;
        this.orgUnits = orgUnits;
        this.currentCaller = currentCaller;
    }

    /** A unit outside the caller's scope is answered like an unknown one: 404. */
    @GetMapping("/monthly")
    @ReportReaderRole
    public MonthlyReport monthly(@RequestParam String orgUnit,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        OrgScope scope = currentCaller.scope();
        OrgUnit unit = orgUnits.find(orgUnit).filter(scope::contains)
                .orElseThrow(() -> new NotFoundException("org unit", orgUnit));
        UnitReport report = reports.of(unit.code(), ReportPeriod.month(month));
        return new MonthlyReport(unit.code(), unit.nameZh(), month.toString(), report.signedCount().actual().longValueExact(),
                Amounts.yuan(report.contractInvestment().actual()));
    }
}
