package cn.gov.zhaoshang.reporting.exports.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.ReportReaderRole;
import cn.gov.zhaoshang.reporting.ranking.application.Standings;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import cn.gov.zhaoshang.reporting.report.model.UnitReport;
import cn.gov.zhaoshang.reporting.report.application.UnitReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exports of a unit within the caller's scope (404 outside it):
 * {@code GET /api/reports/units/{code}/exports/monthly-statistics?month=2026-10} (月统计表, xlsx) and
 * {@code GET /api/reports/units/{code}/exports/quarterly-briefing?quarter=2026-Q3} (季度通报, HTML
 * with print styles). Both hold the year to date at the period's end, and only the unit and what
 * lies under it.
 */
@RestController
@RequestMapping("/api/reports/units/{code}/exports")
public class ExportController {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final Pattern QUARTER = Pattern.compile("^([0-9]{4})-Q([1-4])$");

    private final Standings standings;
    private final UnitReports reports;
    private final OrgUnitDirectory orgUnits;
    private final CurrentCaller currentCaller;

    public ExportController(Standings standings, UnitReports reports, OrgUnitDirectory orgUnits, CurrentCaller currentCaller) {
        this.standings = standings;
        this.reports = reports;
        this.orgUnits = orgUnits;
        this.currentCaller = currentCaller;
    }

    /**
     * The table shows every figure of each child, so it reads the children's full reports besides the
     * standings (ranked from their target figures); one snapshot (REPEATABLE READ) keeps the two in
     * agreement while events arrive.
     */
    @GetMapping("/monthly-statistics")
    @ReportReaderRole
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ResponseEntity<byte[]> monthlyStatistics(@PathVariable String code,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        OrgUnit unit = inScope(code);
        Map<String, UnitReport> childReports = reports.children(unit.code(), ReportPeriod.yearToDate(month)).stream()
                .collect(Collectors.toMap(UnitReport::orgUnit, report -> report));
        byte[] workbook = MonthlyStatisticsWorkbook.write(standings.of(unit.code(), month), childReports);
        return attachment(XLSX, unit.nameZh() + "招商引资工作月统计表" + month + ".xlsx").body(workbook);
    }

    @GetMapping("/quarterly-briefing")
    @ReportReaderRole
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> quarterlyBriefing(@PathVariable String code, @RequestParam String quarter) {
        Matcher matcher = QUARTER.matcher(quarter);
        if (!matcher.matches()) {
            throw new RequestValidationException(List.of(new FieldViolation("quarter", "Pattern",
                    "a quarter is written yyyy-Qn, e.g. 2026-Q3")));
        }
        OrgUnit unit = inScope(code);
        ReportPeriod period = ReportPeriod.quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        YearMonth end = period.lastMonth();
        List<QuarterlyBriefing.MonthAmount> months = new ArrayList<>();
        for (YearMonth month = YearMonth.of(end.getYear(), 1); !month.isAfter(end); month = month.plusMonths(1)) {
            months.add(new QuarterlyBriefing.MonthAmount(month,
                    reports.of(unit.code(), ReportPeriod.month(month)).contractInvestment().actual()));
        }
        List<QuarterlyBriefing.NamedProjectWarning> projectWarnings = standings.openProjectWarnings(unit.path(), end)
                .stream().map(warning -> new QuarterlyBriefing.NamedProjectWarning(warning,
                        orgUnits.find(warning.orgUnit()).map(OrgUnit::nameZh).orElse(warning.orgUnit())))
                .toList();
        String html = QuarterlyBriefing.write(new QuarterlyBriefing.Input(period.year(), period.index(),
                standings.of(unit.code(), end), months, projectWarnings));
        return attachment(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8), unit.nameZh() + period + "季度招商引资工作通报.html")
                .header(CONTENT_SECURITY_POLICY, QuarterlyBriefing.CONTENT_SECURITY_POLICY)
                .body(html.getBytes(StandardCharsets.UTF_8));
    }

    private OrgUnit inScope(String code) {
        OrgScope scope = currentCaller.scope();
        return orgUnits.find(code).filter(scope::contains).orElseThrow(() -> new NotFoundException("org unit", code));
    }

    private static ResponseEntity.BodyBuilder attachment(MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
    }
}
