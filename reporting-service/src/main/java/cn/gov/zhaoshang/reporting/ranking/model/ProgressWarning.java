package cn.gov.zhaoshang.reporting.ranking.model;

import java.math.BigDecimal;

/**
 * Early warnings (预警) for a unit or a resident team, from its progress gap: completion rate −
 * time progress, in percentage points (metrics.md). Yellow when the unrounded gap is strictly below
 * the yellow threshold, red when strictly below the red one.
 *
 * <p>The comparison is made on the exact fractions, never on a rounded or truncated quotient: with
 * rate = actual ÷ target and time progress = months ÷ 12,
 * {@code 100·actual/target − 100·months/12 < T} ⇔ {@code 1200·actual − 100·months·target < 12·T·target}
 * for a positive target. A gap of exactly −10 therefore never warns at −10, whatever 10/12 rounds to.
 */
public enum ProgressWarning {
    RED("红"), YELLOW("黄");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final BigDecimal TWELVE_HUNDRED = BigDecimal.valueOf(1200);

    private final String labelZh;

    ProgressWarning(String labelZh) {
        this.labelZh = labelZh;
    }

    /** 黄 or 红, as the monthly statistics table shows it. */
    public String labelZh() {
        return labelZh;
    }

    /**
     * @param monthsElapsed months of the year elapsed at the period's end (1–12)
     * @return the warning, or null when there is none or the gap is undefined (no target, or zero)
     */
    public static ProgressWarning of(BigDecimal actual, BigDecimal target, int monthsElapsed,
            BigDecimal yellowBelowPoints, BigDecimal redBelowPoints) {
        if (actual == null || target == null || target.signum() <= 0) {
            return null;
        }
        if (monthsElapsed < 1 || monthsElapsed > 12) {
            throw new IllegalArgumentException("months elapsed are 1 to 12, not " + monthsElapsed);
        }
        // 12·target × (gap in points) exactly
        BigDecimal scaledGap = actual.multiply(TWELVE_HUNDRED)
                .subtract(HUNDRED.multiply(BigDecimal.valueOf(monthsElapsed)).multiply(target));
        BigDecimal scale = TWELVE.multiply(target);
        if (scaledGap.compareTo(redBelowPoints.multiply(scale)) < 0) {
            return RED;
        }
        if (scaledGap.compareTo(yellowBelowPoints.multiply(scale)) < 0) {
            return YELLOW;
        }
        return null;
    }

    /**
     * The progress gap in percentage points, one division of the exact fractions rounded to 34
     * significant digits; null when undefined. For display and for the API; warnings are decided
     * by {@link #of} without any division.
     */
    public static BigDecimal gapPoints(BigDecimal actual, BigDecimal target, int monthsElapsed) {
        if (actual == null || target == null || target.signum() == 0) {
            return null;
        }
        BigDecimal scaledGap = actual.multiply(TWELVE_HUNDRED)
                .subtract(HUNDRED.multiply(BigDecimal.valueOf(monthsElapsed)).multiply(target));
        return scaledGap.divide(TWELVE.multiply(target), RankingScores.PRECISION);
    }
}
