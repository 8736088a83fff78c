package cn.gov.zhaoshang.reporting.report.model;

import java.math.BigDecimal;

/**
 * One figure of a unit report with everything metrics.md derives from it, all exact and unrounded.
 *
 * @param targetCode  the annual-target figure code of targets-service it is measured against
 *                    ({@code CONTRACT_INVESTMENT}...), or {@code null} when none exists
 * @param actual      this period's value (a count or yuan)
 * @param lastYear    the same period last year, from today's records (metrics.md)
 * @param target      the unit's annual target for the period's year, {@code null} when none is set
 * @param completion  actual ÷ target; {@code null} without a target or with a zero one
 * @param yearOnYear  (actual − lastYear) ÷ lastYear; {@code null} when last year is zero
 * @param progressGap completion − time progress (a fraction; ×100 for points); {@code null} without completion
 */
public record Figure(String targetCode, BigDecimal actual, BigDecimal lastYear, BigDecimal target,
        Ratio completion, Ratio yearOnYear, Ratio progressGap) {

    public static Figure of(String targetCode, BigDecimal actual, BigDecimal lastYear, BigDecimal target,
            Ratio timeProgress) {
        Ratio completion = Ratio.of(actual, target);
        return new Figure(targetCode, actual, lastYear, target, completion, Ratio.growth(actual, lastYear),
                Ratio.difference(completion, timeProgress));
    }
}
