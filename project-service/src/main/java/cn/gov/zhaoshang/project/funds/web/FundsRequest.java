package cn.gov.zhaoshang.project.funds.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import cn.gov.zhaoshang.platform.validation.MoneyAmount;
import cn.gov.zhaoshang.project.funds.application.FundsInPlace.FundsEntry;
import cn.gov.zhaoshang.project.funds.model.FundsEvidenceType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A month's funds in place, or its correction (which also needs a {@code reason}).
 *
 * @param month {@code YYYY-MM}; taken from the path for a correction
 * @param amount yuan as a decimal string
 */
public record FundsRequest(
        @Pattern(regexp = "^\\d{4}-(0[1-9]|1[0-2])$", message = "must be a month such as 2026-10") String month,
        @NotBlank
        @MoneyAmount
        String amount,
        @NotNull @Valid Evidence evidence,
        @Size(max = 1000) String reason) {

    /** E.g. a bank voucher: BANK_VOUCHER, AUDIT_REPORT, INVOICE or OTHER. */
    public record Evidence(@NotNull FundsEvidenceType documentType, @NotBlank @Size(max = 100) String documentNumber,
            @NotNull @PastOrPresent LocalDate documentDate) {
    }

    FundsEntry toEntry(YearMonth month) {
        return new FundsEntry(month, new BigDecimal(amount), evidence.documentType(), evidence.documentNumber(),
                evidence.documentDate());
    }
}
