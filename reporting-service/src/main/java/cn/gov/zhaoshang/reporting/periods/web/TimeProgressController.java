package cn.gov.zhaoshang.reporting.periods.web;

import cn.gov.zhaoshang.reporting.periods.model.TimeProgress;
import java.time.YearMonth;

import cn.gov.zhaoshang.platform.security.ReportReaderRole;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reports/time-progress?month=2026-10}: the time progress every completion rate is compared with. */
@RestController
@RequestMapping("/api/reports")
public class TimeProgressController {

    @GetMapping("/time-progress")
    @ReportReaderRole
    public TimeProgressResponse timeProgress(@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        TimeProgress progress = new TimeProgress(month);
        return new TimeProgressResponse(month.toString(), progress.monthsElapsed(),
                progress.percentForDisplay().toPlainString());
    }

    /** @param timeProgress percentage with 2 decimals, e.g. {@code "83.33"} */
    public record TimeProgressResponse(String month, int monthsElapsed, String timeProgress) {
    }
}
