package cn.gov.zhaoshang.project.funds.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The versions of one project's funds in place for one month. A month is reported once and then
 * only corrected, each correction a new version; what the month counts is its latest version.
 */
public record MonthlyFunds(YearMonth month, List<FundsVersion> versions) {

    public MonthlyFunds {
        Objects.requireNonNull(month, "month");
        versions = versions.stream().sorted(Comparator.comparingInt(FundsVersion::version)).toList();
        if (versions.stream().anyMatch(version -> !version.month().equals(month))) {
            throw new IllegalArgumentException("every version belongs to " + month);
        }
    }

    /** The version that counts, if the month was reported. */
    public Optional<FundsVersion> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    /** @throws FundsRuleException when the month was already reported: it can only be corrected */
    public FundsVersion report(BigDecimal amount, FundsEvidenceType evidenceType, String evidenceNumber,
            LocalDate evidenceDate, Instant now, String actor) {
        if (!versions.isEmpty()) {
            throw new FundsRuleException("the funds of " + month + " were already reported (version "
                    + latest().orElseThrow().version() + "); send a correction instead");
        }
        return new FundsVersion(month, 1, amount, evidenceType, evidenceNumber, evidenceDate, null, now, actor);
    }

    /** @throws FundsRuleException when the month was never reported: there is nothing to correct */
    public FundsVersion correct(BigDecimal amount, FundsEvidenceType evidenceType, String evidenceNumber,
            LocalDate evidenceDate, String reason, Instant now, String actor) {
        FundsVersion current = latest().orElseThrow(() -> new FundsRuleException(
                "the funds of " + month + " were never reported; report them first"));
        return new FundsVersion(month, current.version() + 1, amount, evidenceType, evidenceNumber, evidenceDate,
                reason, now, actor);
    }
}
