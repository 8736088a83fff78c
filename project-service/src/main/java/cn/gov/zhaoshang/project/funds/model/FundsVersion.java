package cn.gov.zhaoshang.project.funds.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One version of a project's funds in place for a month. Version 1 is the report; each correction
 * is the next version, with its reason. Versions are never changed.
 */
public record FundsVersion(YearMonth month, int version, BigDecimal amount, FundsEvidenceType evidenceType,
        String evidenceNumber, LocalDate evidenceDate, String reason, Instant reportedAt, String reportedBy) {

    public FundsVersion {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(evidenceType, "evidenceType");
        Objects.requireNonNull(evidenceDate, "evidenceDate");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("funds in place are not negative");
        }
        if (evidenceNumber == null || evidenceNumber.isBlank()) {
            throw new IllegalArgumentException("evidence has a number");
        }
        if (version > 1 && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a correction has a reason");
        }
        amount = amount.setScale(2);
    }
}
