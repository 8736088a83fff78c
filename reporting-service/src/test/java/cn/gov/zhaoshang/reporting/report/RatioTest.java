package cn.gov.zhaoshang.reporting.report;

import cn.gov.zhaoshang.reporting.report.model.Ratio;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class RatioTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theGuigangRatesRoundHalfUpOnlyForDisplay() {
        assertThat(Ratio.of(d("89015000000.00"), d("75000000000")).percentForDisplay()).isEqualTo("118.69");
        assertThat(Ratio.growth(d("89015000000.00"), d("79670000000.00")).percentForDisplay()).isEqualTo("11.73");
        assertThat(Ratio.growth(d("54972000000.00"), d("42733000000.00")).percentForDisplay()).isEqualTo("28.64");
        assertThat(Ratio.of(d("976"), d("1811")).percentForDisplay()).isEqualTo("53.89");
        Ratio share = Ratio.of(d("59197000000.00"), d("89015000000.00"));
        assertThat(share.percentForDisplay()).isEqualTo("66.50");
        assertThat(Ratio.difference(share, Ratio.percent(d("45"))).pointsForDisplay()).isEqualTo("21.5");
    }

    @Test
    void negativesRoundAwayFromZeroOnATie() {
        assertThat(Ratio.of(d("-0.00125"), BigDecimal.ONE).percentForDisplay()).isEqualTo("-0.13");
    }

    @Test
    void aZeroOrMissingDenominatorHasNoRatio() {
        assertThat(Ratio.of(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
        assertThat(Ratio.of(BigDecimal.ONE, null)).isNull();
        assertThat(Ratio.growth(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
        assertThat(Ratio.difference(null, Ratio.percent(BigDecimal.ONE))).isNull();
    }

    @Test
    void aGapExactlyAtTheThresholdIsNotBelowItWhileTheSmallestStepUnderIs() {
        Ratio octoberProgress = Ratio.of(d("10"), d("12"));
        // 11/15 − 10/12 is exactly −1/10: −10 points, not strictly below −10
        Ratio exactlyMinusTen = Ratio.difference(Ratio.of(d("11"), d("15")), octoberProgress);
        assertThat(exactlyMinusTen.isBelowPoints(d("-10"))).isFalse();
        assertThat(exactlyMinusTen.pointsForDisplay()).isEqualTo("-10.0");
        // a completion rounded to ten decimals first would fall just under the threshold
        Ratio roundedFirst = Ratio.difference(Ratio.of(d("0.7333333333"), BigDecimal.ONE), octoberProgress);
        assertThat(roundedFirst.isBelowPoints(d("-10"))).isTrue();
        assertThat(roundedFirst.pointsForDisplay()).isEqualTo("-10.0");
    }

    @Test
    void ratiosCompareByValue() {
        assertThat(Ratio.of(d("1"), d("2")).sameValueAs(Ratio.of(d("2"), d("4")))).isTrue();
        assertThat(Ratio.of(d("1"), d("-2")).compareTo(Ratio.of(d("-1"), d("3")))).isNegative();
    }
}
