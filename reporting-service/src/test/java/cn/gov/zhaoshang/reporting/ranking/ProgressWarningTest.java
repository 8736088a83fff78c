package cn.gov.zhaoshang.reporting.ranking;

import cn.gov.zhaoshang.reporting.ranking.model.ProgressWarning;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Acceptance 4 (thresholds): at the end of October time progress is 10/12, which no decimal holds
 * exactly. A gap of exactly −10 or −20 points must not warn at that level; just below must.
 */
class ProgressWarningTest {

    private static final BigDecimal YELLOW = new BigDecimal("-10");
    private static final BigDecimal RED = new BigDecimal("-20");

    @ParameterizedTest(name = "{0} of {1} after {2} months: {3}")
    @CsvSource({
            // completion 73.33…% − time progress 83.33…% = −10 exactly: no warning
            "880, 1200, 10, NONE",
            "879.99, 1200, 10, YELLOW",
            // −20 exactly is yellow (below −10), not red
            "760, 1200, 10, YELLOW",
            "759.99, 1200, 10, RED",
            // a target of 3 makes both quotients non-terminating: 2.2 ÷ 3 = 73.33…%, gap −10 exactly
            "2.2, 3, 10, NONE",
            "2.1999999999, 3, 10, YELLOW",
            "1.9, 3, 10, YELLOW",
            "1.8999999999, 3, 10, RED",
            // end of the year: 90% − 100% = −10, 80% − 100% = −20
            "90, 100, 12, NONE",
            "89.9999, 100, 12, YELLOW",
            "80, 100, 12, YELLOW",
            "79.9999, 100, 12, RED",
            // ahead of time progress never warns
            "890.15, 750, 10, NONE",
    })
    void warnsOnlyStrictlyBelowEachThreshold(String actual, String target, int months, String expected) {
        ProgressWarning warning = ProgressWarning.of(new BigDecimal(actual), new BigDecimal(target), months, YELLOW, RED);

        assertThat(warning == null ? "NONE" : warning.name()).isEqualTo(expected);
    }

    @Test
    void withoutATargetThereIsNoGapAndNoWarning() {
        assertThat(ProgressWarning.of(BigDecimal.ONE, null, 10, YELLOW, RED)).isNull();
        assertThat(ProgressWarning.of(BigDecimal.ONE, BigDecimal.ZERO, 10, YELLOW, RED)).isNull();
        assertThat(ProgressWarning.gapPoints(BigDecimal.ONE, null, 10)).isNull();
    }

    @Test
    void theGapIsShownUnroundedInPoints() {
        // Guigang 2022: 118.69% − 83.33% = +35.35… points
        assertThat(ProgressWarning.gapPoints(new BigDecimal("890.15"), new BigDecimal("750"), 10))
                .isEqualByComparingTo("35.35333333333333333333333333333333");
        assertThat(ProgressWarning.gapPoints(new BigDecimal("880"), new BigDecimal("1200"), 10))
                .isEqualByComparingTo("-10");
    }

    @Test
    void otherThresholdsOfADefinitionVersionApply() {
        assertThat(ProgressWarning.of(new BigDecimal("91"), new BigDecimal("100"), 12, new BigDecimal("-8"), new BigDecimal("-18")))
                .isEqualTo(ProgressWarning.YELLOW);
        assertThat(ProgressWarning.of(new BigDecimal("92"), new BigDecimal("100"), 12, new BigDecimal("-8"), new BigDecimal("-18")))
                .isNull();
        assertThat(ProgressWarning.of(new BigDecimal("81.9"), new BigDecimal("100"), 12, new BigDecimal("-8"), new BigDecimal("-18")))
                .isEqualTo(ProgressWarning.RED);
    }
}
