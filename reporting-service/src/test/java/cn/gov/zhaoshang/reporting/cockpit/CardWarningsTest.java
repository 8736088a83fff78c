package cn.gov.zhaoshang.reporting.cockpit;

import cn.gov.zhaoshang.reporting.cockpit.model.CardWarnings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.reporting.definitions.model.DefinitionRules;
import cn.gov.zhaoshang.reporting.definitions.model.RankingMethod;
import cn.gov.zhaoshang.reporting.ranking.model.ProgressWarning;
import cn.gov.zhaoshang.reporting.report.model.Figure;
import cn.gov.zhaoshang.reporting.report.model.Ratio;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import cn.gov.zhaoshang.reporting.report.model.UnitReport.Share;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cockpit's warning levels (metrics.md, "Rankings and warnings"): decided on the year to date at
 * the warning month, on the unrounded gap, strictly below the thresholds of the version in force;
 * none where the data gives none.
 */
class CardWarningsTest {

    private static final DefinitionRules DEFAULTS = DefinitionRules.metricsMdDefaults();
    private static final ReportPeriod END_OF_OCTOBER = ReportPeriod.parse("2026-10-YTD");

    @ParameterizedTest(name = "{0} of {1} at the end of October: {2}")
    @CsvSource({
            // 73.33…% − 83.33…% = −10 points exactly: no warning, though 10/12 has no finite decimal
            "880, 1200, NONE",
            // a hair below: yellow, although it shows as −10.0
            "879.99, 1200, YELLOW",
            // −20 exactly is yellow, not red
            "760, 1200, YELLOW",
            "759.99, 1200, RED",
            // both quotients non-terminating: 2.2 ÷ 3 = 73.33…%, gap −10 exactly
            "2.2, 3, NONE",
            "2.1999999999, 3, YELLOW",
            // counts: 22 of a target of 30 signings (−10 exactly), 21 of 30 (−13.3), 18 of 30 (−23.3)
            "22, 30, NONE",
            "21, 30, YELLOW",
            "18, 30, RED",
            // ahead of time progress (the Guigang example: 118.69% at 83.33%)
            "89015000000.00, 75000000000.00, NONE",
    })
    void aCountOrAmountWarnsOnItsExactProgressGap(String actual, String target, String expected) {
        Figure figure = Figure.of("SIGNED_COUNT", new BigDecimal(actual), BigDecimal.ZERO, new BigDecimal(target),
                END_OF_OCTOBER.timeProgress());

        assertThat(level(CardWarnings.ofFigure(figure, END_OF_OCTOBER, DEFAULTS))).isEqualTo(expected);
    }

    @Test
    void aFigureWithoutATargetOrWithAZeroTargetHasNoLevel() {
        Figure withoutTarget = Figure.of("TOP500_FOUR_CLASSES", BigDecimal.ZERO, BigDecimal.TEN, null,
                END_OF_OCTOBER.timeProgress());
        Figure zeroTarget = Figure.of("TOP500_FOUR_CLASSES", BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ZERO,
                END_OF_OCTOBER.timeProgress());

        assertThat(CardWarnings.ofFigure(withoutTarget, END_OF_OCTOBER, DEFAULTS)).isNull();
        assertThat(CardWarnings.ofFigure(zeroTarget, END_OF_OCTOBER, DEFAULTS)).isNull();
    }

    @Test
    void theThresholdsAreThoseOfTheVersionInForce() {
        DefinitionRules stricter = new DefinitionRules(50, LocalDate.of(2032, 1, 1), List.of(), new BigDecimal("-5"),
                new BigDecimal("-15"), RankingMethod.COMPLETION_RATE, Map.of("CONTRACT_INVESTMENT", BigDecimal.ONE), null, 5,
                false);
        // 70% at the end of October: −13.3 points, yellow at −10/−20 … and at −5/−15
        Figure seventy = Figure.of("CONTRACT_INVESTMENT", new BigDecimal("70"), BigDecimal.ZERO, new BigDecimal("100"),
                END_OF_OCTOBER.timeProgress());
        // 65%: −18.3, yellow by the defaults, red by the stricter version
        Figure sixtyFive = Figure.of("CONTRACT_INVESTMENT", new BigDecimal("65"), BigDecimal.ZERO, new BigDecimal("100"),
                END_OF_OCTOBER.timeProgress());
        // 76%: −7.3, none by the defaults, yellow by the stricter version
        Figure seventySix = Figure.of("CONTRACT_INVESTMENT", new BigDecimal("76"), BigDecimal.ZERO, new BigDecimal("100"),
                END_OF_OCTOBER.timeProgress());

        assertThat(CardWarnings.ofFigure(seventy, END_OF_OCTOBER, DEFAULTS)).isEqualTo(ProgressWarning.YELLOW);
        assertThat(CardWarnings.ofFigure(seventy, END_OF_OCTOBER, stricter)).isEqualTo(ProgressWarning.YELLOW);
        assertThat(CardWarnings.ofFigure(sixtyFive, END_OF_OCTOBER, DEFAULTS)).isEqualTo(ProgressWarning.YELLOW);
        assertThat(CardWarnings.ofFigure(sixtyFive, END_OF_OCTOBER, stricter)).isEqualTo(ProgressWarning.RED);
        assertThat(CardWarnings.ofFigure(seventySix, END_OF_OCTOBER, DEFAULTS)).isNull();
        assertThat(CardWarnings.ofFigure(seventySix, END_OF_OCTOBER, stricter)).isEqualTo(ProgressWarning.YELLOW);
    }

    @Test
    void levelsAreDecidedOnAYearToDateOnly() {
        Figure figure = Figure.of("SIGNED_COUNT", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.TEN,
                ReportPeriod.parse("2026-10").timeProgress());

        assertThatThrownBy(() -> CardWarnings.ofFigure(figure, ReportPeriod.parse("2026-10"), DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "a share of {0}/{1} against {2}%: {3}")
    @CsvSource({
            // 35% against 45%: −10 points exactly, no warning
            "7, 20, 45, NONE",
            "6999999, 20000000, 45, YELLOW",
            // 25% against 45%: −20 exactly, yellow not red
            "5, 20, 45, YELLOW",
            "4999999, 20000000, 45, RED",
            // 1/3 against 43.34%: −10.00666… points, yellow; against 43.33: −9.99666…, none
            "1, 3, 43.34, YELLOW",
            "1, 3, 43.33, NONE",
            // the Guigang example: 66.50% against 45%, 21.5 points above
            "59197000000, 89015000000, 45, NONE",
    })
    void aShareWarnsOnItsExactGapToTheTargetShare(String numerator, String denominator, String targetPercent,
            String expected) {
        Share share = Share.of(Ratio.of(new BigDecimal(numerator), new BigDecimal(denominator)), new BigDecimal(targetPercent));

        assertThat(level(CardWarnings.ofShare(share, DEFAULTS))).isEqualTo(expected);
    }

    @Test
    void aShareWithoutATargetPercentOrWithoutADenominatorHasNoLevel() {
        Share noTarget = Share.of(Ratio.of(BigDecimal.ONE, BigDecimal.TEN), null);
        Share noShare = Share.of(Ratio.of(BigDecimal.ZERO, BigDecimal.ZERO), new BigDecimal("45"));

        assertThat(noTarget.gap()).isNull();
        assertThat(CardWarnings.ofShare(noTarget, DEFAULTS)).isNull();
        assertThat(noShare.actual()).isNull();
        assertThat(CardWarnings.ofShare(noShare, DEFAULTS)).isNull();
    }

    @ParameterizedTest(name = "{0} seen in {1}: evaluated at {2}")
    @CsvSource({
            "2026-10-YTD, 2026-11, 2026-10",
            "2026-11-YTD, 2026-11, 2026-11",
            "2026, 2026-11, 2026-11",
            "2026-Q4, 2026-11, 2026-11",
            "2026-Q3, 2026-11, 2026-09",
            "2026-H1, 2026-11, 2026-06",
            "2026-11, 2026-11, 2026-11",
            "2025, 2026-11, 2025-12",
            "2027-01, 2026-11, 2026-11",
    })
    void theWarningMonthIsThePeriodsLastMonthOrTheCurrentMonthIfItEndsLater(String period, String now, String expected) {
        assertThat(CardWarnings.warningMonth(ReportPeriod.parse(period), YearMonth.parse(now)))
                .isEqualTo(YearMonth.parse(expected));
    }

    private static String level(ProgressWarning warning) {
        return warning == null ? "NONE" : warning.name();
    }
}
