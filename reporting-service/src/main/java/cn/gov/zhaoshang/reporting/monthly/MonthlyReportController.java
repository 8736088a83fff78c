package cn.gov.zhaoshang.reporting.monthly;

import java.math.BigDecimal;
import java.time.YearMonth;

import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reports/monthly?orgUnit=450800&month=2026-11}: the month's signings. */
@RestController
@RequestMapping("/api/reports")
@Validated
public class MonthlyReportController {

    private final JdbcClient jdbc;
    private final OrgUnitDirectory orgUnits;
    private final CurrentCaller currentCaller;

    public MonthlyReportController(JdbcClient jdbc, OrgUnitDirectory orgUnits, CurrentCaller currentCaller) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.currentCaller = currentCaller;
    }

    @GetMapping("/monthly")
    @PreAuthorize("hasAnyRole('viewer','officer','leader','target-admin','auditor','admin','agency')")
    public MonthlyReport monthly(@RequestParam @NotBlank String orgUnit,
            @RequestParam @NotNull @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        OrgScope scope = currentCaller.scope();
        OrgUnit unit = orgUnits.find(orgUnit).filter(scope::contains)
                .orElseThrow(() -> new NotFoundException("org unit", orgUnit));
        // Terminated projects leave every count (metrics.md); the scope applies again in SQL.
        Totals totals = jdbc.sql("""
                SELECT count(*) AS signed_count, coalesce(sum(contract_amount), 0) AS contract_investment
                FROM project_fact
                WHERE signing_date BETWEEN :from AND :to
                  AND stage <> 'TERMINATED'
                  AND org_unit_code IN (SELECT code FROM org_unit WHERE path <@ CAST(:unitPath AS ltree))
                  AND """ + OrgScope.WITHIN_SCOPE)
                .param("from", month.atDay(1))
                .param("to", month.atEndOfMonth())
                .param("unitPath", unit.path())
                .param("callerPath", scope.path())
                .query(Totals.class)
                .single();
        return new MonthlyReport(unit.code(), unit.nameZh(), month.toString(), totals.signedCount(),
                totals.contractInvestment().setScale(2).toPlainString());
    }

    record Totals(long signedCount, BigDecimal contractInvestment) {
    }
}
