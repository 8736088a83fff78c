package cn.gov.zhaoshang.reporting.report.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A rate kept as an exact fraction, never divided until it is shown (metrics.md: compute in exact
 * decimals; time progress is the exact fraction 10/12; warnings compare the unrounded gap). The
 * denominator is always positive; a zero denominator has no ratio at all: {@link #of} gives
 * {@code null}, which reports show as "—".
 */
public record Ratio(BigDecimal numerator, BigDecimal denominator) implements Comparable<Ratio> {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Ratio {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new IllegalArgumentException("a ratio needs a denominator other than zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
    }

    /** {@code numerator ÷ denominator}, or {@code null} when either is missing or the denominator is zero. */
    public static Ratio of(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return new Ratio(numerator, denominator);
    }

    /** A percentage such as a target share of 45 (%), as the ratio 45/100. */
    public static Ratio percent(BigDecimal percent) {
        return percent == null ? null : new Ratio(percent, HUNDRED);
    }

    /** (this − base) ÷ base: growth over {@code base}, or {@code null} when base is missing or zero. */
    public static Ratio growth(BigDecimal actual, BigDecimal base) {
        return actual == null ? null : of(actual.subtract(base == null ? BigDecimal.ZERO : base), base);
    }

    /** The exact difference of two ratios, or {@code null} when either is missing. */
    public static Ratio difference(Ratio a, Ratio b) {
        if (a == null || b == null) {
            return null;
        }
        return new Ratio(a.numerator.multiply(b.denominator).subtract(b.numerator.multiply(a.denominator)),
                a.denominator.multiply(b.denominator));
    }

    /** The value to 34 significant digits (for machines that want one number; comparisons use the fraction). */
    public BigDecimal value() {
        return numerator.divide(denominator, MathContext.DECIMAL128);
    }

    /** As a percentage rounded half up to {@code scale} decimals, for display only (118.69). */
    public BigDecimal percent(int scale) {
        return numerator.multiply(HUNDRED).divide(denominator, scale, RoundingMode.HALF_UP);
    }

    /** A rate as reports show it: percent with 2 decimals, half up ("118.69"). */
    public String percentForDisplay() {
        return percent(2).toPlainString();
    }

    /** A gap as reports show it: percentage points with 1 decimal, half up ("21.5", "-10.0"). */
    public String pointsForDisplay() {
        return percent(1).toPlainString();
    }

    /** Whether this ratio, in percentage points, is strictly below {@code points} (exact, unrounded). */
    public boolean isBelowPoints(BigDecimal points) {
        return numerator.multiply(HUNDRED).compareTo(points.multiply(denominator)) < 0;
    }

    @Override
    public int compareTo(Ratio other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** Equal as numbers: 1/2 equals 2/4. */
    public boolean sameValueAs(Ratio other) {
        return other != null && compareTo(other) == 0;
    }
}
