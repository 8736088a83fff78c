package cn.gov.zhaoshang.reporting.periods.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * 序时进度: the share of the year elapsed by the end of a month, months elapsed ÷ 12, kept as an
 * exact fraction and rounded only for display (metrics.md: at the end of October it is 83.33%).
 */
public record TimeProgress(YearMonth month) {

    private static final BigDecimal MONTHS_IN_YEAR = BigDecimal.valueOf(12);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public int monthsElapsed() {
        return month.getMonthValue();
    }

    /** The percentage with 2 decimals, half up, as reports show rates. */
    public BigDecimal percentForDisplay() {
        return BigDecimal.valueOf(monthsElapsed()).multiply(HUNDRED).divide(MONTHS_IN_YEAR, 2, RoundingMode.HALF_UP);
    }
}
