package cn.gov.zhaoshang.project.funds.web;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OfficerRole;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import cn.gov.zhaoshang.project.funds.application.FundsInPlace;
import cn.gov.zhaoshang.project.funds.web.FundsResponses.MonthBatchResponse;
import cn.gov.zhaoshang.project.funds.web.FundsResponses.MonthResponse;
import cn.gov.zhaoshang.project.funds.web.FundsResponses.MonthTotalResponse;
import cn.gov.zhaoshang.project.funds.web.FundsResponses.VersionResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Funds in place (到位资金) of the projects in the caller's scope. */
@RestController
public class FundsController {

    private final FundsInPlace funds;
    private final CurrentCaller currentCaller;

    public FundsController(FundsInPlace funds, CurrentCaller currentCaller) {
        this.funds = funds;
        this.currentCaller = currentCaller;
    }

    /** The first report of a month (version 1); 409 if the month was already reported. */
    @PostMapping("/api/projects/{id}/funds")
    @OfficerRole
    public ResponseEntity<VersionResponse> report(@PathVariable UUID id, @Valid @RequestBody FundsRequest request) {
        if (request.month() == null) {
            throw new RequestValidationException(List.of(new FieldViolation("month", "NotBlank", "must not be blank")));
        }
        YearMonth month = YearMonth.parse(request.month());
        VersionResponse reported = VersionResponse.of(funds.report(id, request.toEntry(month), currentCaller.scope()));
        return ResponseEntity.created(URI.create("/api/projects/" + id + "/funds")).body(reported);
    }

    /** A correction: the month's next version, with its reason; earlier versions stay. */
    @PostMapping("/api/projects/{id}/funds/{month}/corrections")
    @OfficerRole
    public VersionResponse correct(@PathVariable UUID id, @PathVariable String month,
            @Valid @RequestBody FundsRequest request) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw new RequestValidationException(List.of(new FieldViolation("reason", "NotBlank", "a correction gives its reason")));
        }
        return VersionResponse.of(funds.correct(id, request.toEntry(parseMonth(month)), request.reason().strip(),
                currentCaller.scope()));
    }

    /**
     * One month for many projects at once (the funds grid), all or nothing: 400 naming every bad row,
     * else each row reported, corrected (with its reason) or left unchanged.
     */
    @PutMapping("/api/projects/funds/{month}")
    @OfficerRole
    public MonthBatchResponse applyMonth(@PathVariable String month, @Valid @RequestBody FundsMonthRequest request) {
        YearMonth parsed = parseMonth(month);
        return MonthBatchResponse.of(parsed, funds.applyMonth(parsed, request.toRows(parsed), currentCaller.scope()));
    }

    /** Every reported month of a project, each with the amount that counts and its full history. */
    @GetMapping("/api/projects/{id}/funds")
    @ReaderRole
    public List<MonthResponse> history(@PathVariable UUID id) {
        return funds.historyOf(id, currentCaller.scope()).stream().map(MonthResponse::of).toList();
    }

    /** A month's funds in place over the caller's scope, each project with its latest version. */
    @GetMapping("/api/projects/funds-total")
    @ReaderRole
    public MonthTotalResponse total(@RequestParam String month) {
        YearMonth parsed = parseMonth(month);
        OrgScope scope = currentCaller.scope();
        var total = funds.totalOf(parsed, scope);
        return new MonthTotalResponse(parsed.toString(), scope.unit().code(), total.total().toPlainString(), total.projects());
    }

    private static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new RequestValidationException(List.of(new FieldViolation("month", "Pattern", "must be a month such as 2026-10")));
        }
    }
}
