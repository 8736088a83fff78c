package cn.gov.zhaoshang.project.funds.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

class MonthlyFundsTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final LocalDate DAY = LocalDate.of(2026, 10, 31);
    private static final Instant NOW = Instant.parse("2026-11-02T02:00:00Z");

    @Test
    void aMonthIsReportedOnceThenCorrectedByNewVersionsAndTheLatestCounts() {
        MonthlyFunds empty = new MonthlyFunds(OCTOBER, List.of());
        assertThat(empty.latest()).isEmpty();
        FundsVersion first = empty.report(new BigDecimal("100"), FundsEvidenceType.BANK_VOUCHER, "HD-1", DAY, NOW, "u");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.amount()).isEqualTo("100.00");

        MonthlyFunds reported = new MonthlyFunds(OCTOBER, List.of(first));
        assertThatThrownBy(() -> reported.report(BigDecimal.ONE, FundsEvidenceType.BANK_VOUCHER, "HD-2", DAY, NOW, "u"))
                .isInstanceOf(FundsRuleException.class).hasMessageContaining("correction");
        FundsVersion second = reported.correct(new BigDecimal("120.5"), FundsEvidenceType.AUDIT_REPORT, "SJ-1", DAY, "审计调整", NOW, "u");
        assertThat(second.version()).isEqualTo(2);

        MonthlyFunds corrected = new MonthlyFunds(OCTOBER, List.of(second, first));
        assertThat(corrected.versions()).extracting(FundsVersion::version).containsExactly(1, 2);
        assertThat(corrected.latest().orElseThrow().amount()).isEqualTo("120.50");
    }

    @Test
    void nothingUnreportedCanBeCorrectedAndACorrectionHasAReason() {
        assertThatThrownBy(() -> new MonthlyFunds(OCTOBER, List.of())
                .correct(BigDecimal.ONE, FundsEvidenceType.OTHER, "X", DAY, "r", NOW, "u"))
                .isInstanceOf(FundsRuleException.class);
        FundsVersion first = new FundsVersion(OCTOBER, 1, BigDecimal.TEN, FundsEvidenceType.OTHER, "X", DAY, null, NOW, "u");
        assertThatThrownBy(() -> new MonthlyFunds(OCTOBER, List.of(first))
                .correct(BigDecimal.ONE, FundsEvidenceType.OTHER, "X", DAY, " ", NOW, "u"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
