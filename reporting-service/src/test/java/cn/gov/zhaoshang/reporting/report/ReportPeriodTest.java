package cn.gov.zhaoshang.reporting.report;

import cn.gov.zhaoshang.reporting.report.model.Ratio;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportPeriodTest {

    @ParameterizedTest
    @CsvSource({
            "2022-10,     MONTH,        2022-10-01, 2022-10-31, 2021-10",
            "2022-10-YTD, YEAR_TO_DATE, 2022-01-01, 2022-10-31, 2021-10-YTD",
            "2022-Q3,     QUARTER,      2022-07-01, 2022-09-30, 2021-Q3",
            "2022-H1,     HALF_YEAR,    2022-01-01, 2022-06-30, 2021-H1",
            "2024-H2,     HALF_YEAR,    2024-07-01, 2024-12-31, 2023-H2",
            "2022,        YEAR,         2022-01-01, 2022-12-31, 2021",
            "2024-02,     MONTH,        2024-02-01, 2024-02-29, 2023-02"})
    void eachWrittenFormHasItsSpanAndTheSamePeriodLastYear(String text, ReportPeriod.Kind kind, LocalDate from,
            LocalDate to, String lastYear) {
        ReportPeriod period = ReportPeriod.parse(text);
        assertThat(period.kind()).isEqualTo(kind);
        assertThat(period.from()).isEqualTo(from);
        assertThat(period.to()).isEqualTo(to);
        assertThat(period.sameLastYear()).hasToString(lastYear);
        assertThat(period).hasToString(text);
    }

    @ParameterizedTest
    @CsvSource({"2022-13", "2022-Q5", "2022-H3", "22-10", "2022-00", "2022-10-ytd", "''"})
    void anythingElseIsRefused(String text) {
        assertThatThrownBy(() -> ReportPeriod.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeProgressAtTheEndOfOctoberIsTheExactFractionTenTwelfths() {
        Ratio progress = ReportPeriod.parse("2022-10-YTD").timeProgress();
        assertThat(progress.sameValueAs(Ratio.of(BigDecimal.TEN, BigDecimal.valueOf(12)))).isTrue();
        assertThat(progress.percentForDisplay()).isEqualTo("83.33");
        assertThat(ReportPeriod.parse("2022-Q2").timeProgress().percentForDisplay()).isEqualTo("50.00");
    }

    @Test
    void theYearToDateAndTheHalfYearAtAPeriodsEnd() {
        assertThat(ReportPeriod.parse("2022-Q3").yearToDateAtEnd()).hasToString("2022-09-YTD");
        assertThat(ReportPeriod.parse("2022-Q3").halfYearAtEnd()).hasToString("2022-H2");
        assertThat(ReportPeriod.parse("2022-06").halfYearAtEnd()).hasToString("2022-H1");
    }
}
