package cn.gov.zhaoshang.reporting.monthly;

import java.time.YearMonth;

import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reports/monthly?orgUnit=450800&month=2026-11}: the month's signings. */
@RestController
@RequestMapping("/api/reports")
public class MonthlyReportController {

    private final MonthlyFigures figures;
    private final OrgUnitDirectory orgUnits;
    private final CurrentCaller currentCaller;

    public MonthlyReportController(MonthlyFigures figures, OrgUnitDirectory orgUnits, CurrentCaller currentCaller) {
        this.figures = figures;
        this.orgUnits = orgUnits;
        this.currentCaller = currentCaller;
    }

    /** A unit outside the caller's scope is answered like an unknown one: 404. */
    @GetMapping("/monthly")
    @PreAuthorize("hasAnyRole('viewer','officer','leader','target-admin','auditor','admin','agency')")
    public MonthlyReport monthly(@RequestParam String orgUnit,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        OrgScope scope = currentCaller.scope();
        OrgUnit unit = orgUnits.find(orgUnit).filter(scope::contains)
                .orElseThrow(() -> new NotFoundException("org unit", orgUnit));
        MonthlyFigures.Signings signings = figures.signings(unit, month, scope);
        return new MonthlyReport(unit.code(), unit.nameZh(), month.toString(), signings.signedCount(),
                signings.contractInvestment().setScale(2).toPlainString());
    }
}
