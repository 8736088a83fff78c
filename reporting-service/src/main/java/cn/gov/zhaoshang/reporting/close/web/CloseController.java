package cn.gov.zhaoshang.reporting.close.web;

import cn.gov.zhaoshang.reporting.close.application.CloseResponse;
import cn.gov.zhaoshang.reporting.close.application.PeriodClosing;
import cn.gov.zhaoshang.reporting.close.model.CloseStatus;
import cn.gov.zhaoshang.reporting.close.model.PeriodClose;
import cn.gov.zhaoshang.reporting.close.model.Revision;
import java.time.YearMonth;
import java.util.List;

import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.LeaderRole;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.ReportReaderRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 月报关账 over HTTP. Every read and write checks the caller's scope: a unit outside it answers 404.
 * <ul>
 * <li>{@code POST /api/reports/units/{code}/closes} {@code {"month": "2026-10"}}: a leader closes
 * their unit's month (201);</li>
 * <li>{@code GET /api/reports/units/{code}/closes?month=2026-10}: the unit's and its children's close
 * status, late closes flagged;</li>
 * <li>{@code GET /api/reports/units/{code}/closes/2026-10}: the frozen month with its revisions;</li>
 * <li>{@code GET /api/reports/units/{code}/revisions?month=2026-11}: the revisions the report of a
 * month shows, for the closed months before it.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/reports/units/{code}")
public class CloseController {

    private final PeriodClosing closing;
    private final CurrentCaller currentCaller;

    public CloseController(PeriodClosing closing, CurrentCaller currentCaller) {
        this.closing = closing;
        this.currentCaller = currentCaller;
    }

    /** @param month the month to close, {@code yyyy-MM} */
    public record CloseRequest(@NotNull @Pattern(regexp = "^[0-9]{4}-(0[1-9]|1[0-2])$") String month) {
    }

    @PostMapping("/closes")
    @ResponseStatus(HttpStatus.CREATED)
    @LeaderRole
    public CloseResponse close(@PathVariable String code, @Valid @RequestBody CloseRequest request) {
        OrgScope scope = currentCaller.scope();
        YearMonth month = YearMonth.parse(request.month());
        PeriodClose close = closing.close(code, month, scope);
        return closing.closeOf(close.orgUnit(), month, scope);
    }

    @GetMapping("/closes")
    @ReportReaderRole
    public CloseStatusPage status(@PathVariable String code,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paging.checkRange(page, size);
        CloseStatus status = closing.status(code, month, currentCaller.scope());
        List<CloseStatus.UnitStatus> children = status.children();
        return new CloseStatusPage(status.unit(), status.month(), status.deadline(),
                slice(children, page, size), page, size, children.size(), "orgUnit,asc");
    }

    @GetMapping("/closes/{month}")
    @ReportReaderRole
    public CloseResponse closed(@PathVariable String code, @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        return closing.closeOf(code, month, currentCaller.scope());
    }

    @GetMapping("/revisions")
    @ReportReaderRole
    public RevisionPage revisions(@PathVariable String code,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Paging.checkRange(page, size);
        List<Revision> revisions = closing.revisionsShownIn(code, month, currentCaller.scope());
        return new RevisionPage(code, month.toString(), slice(revisions, page, size), page, size, revisions.size(),
                "month,asc;figure,asc");
    }

    /**
     * The children of one unit, by code; few enough to be read whole and paged here.
     *
     * @param items the child units' status on this page
     */
    public record CloseStatusPage(CloseStatus.UnitStatus unit, String month, String deadline,
            List<CloseStatus.UnitStatus> items, int page, int size, long total, String sort) {
    }

    /** The revisions shown in the report of {@code month}, by closed month and figure. */
    public record RevisionPage(String orgUnit, String month, List<Revision> items, int page, int size, long total,
            String sort) {
    }

    private static <T> List<T> slice(List<T> all, int page, int size) {
        long from = (long) page * size;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }
}
