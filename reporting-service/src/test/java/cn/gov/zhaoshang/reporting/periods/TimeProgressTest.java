package cn.gov.zhaoshang.reporting.periods;

import cn.gov.zhaoshang.reporting.periods.model.TimeProgress;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeProgressTest {

    @ParameterizedTest
    @CsvSource({"2022-10, 10, 83.33", "2022-01, 1, 8.33", "2022-06, 6, 50.00", "2022-12, 12, 100.00", "2022-11, 11, 91.67"})
    void isMonthsElapsedOverTwelveShownWithTwoDecimals(String month, int elapsed, String shown) {
        TimeProgress progress = new TimeProgress(YearMonth.parse(month));
        assertThat(progress.monthsElapsed()).isEqualTo(elapsed);
        assertThat(progress.percentForDisplay().toPlainString()).isEqualTo(shown);
    }
}
