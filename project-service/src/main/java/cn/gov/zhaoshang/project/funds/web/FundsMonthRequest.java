package cn.gov.zhaoshang.project.funds.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.validation.MoneyAmount;
import cn.gov.zhaoshang.project.funds.application.FundsInPlace.FundsEntry;
import cn.gov.zhaoshang.project.funds.application.FundsInPlace.MonthRow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One month's funds in place for many projects (the funds grid): each row a project, its amount and
 * evidence, and a reason when it corrects a month already reported.
 */
public record FundsMonthRequest(@NotEmpty @Size(max = 1000) List<@NotNull @Valid Row> rows) {

    public record Row(
            @NotNull UUID projectId,
            @NotBlank @MoneyAmount String amount,
            @NotNull @Valid FundsRequest.Evidence evidence,
            @Size(max = 1000) String reason) {
    }

    List<MonthRow> toRows(YearMonth month) {
        return rows.stream().map(row -> new MonthRow(row.projectId(), new FundsEntry(month, new BigDecimal(row.amount()),
                row.evidence().documentType(), row.evidence().documentNumber(), row.evidence().documentDate()), row.reason()))
                .toList();
    }
}
