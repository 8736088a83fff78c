package cn.gov.zhaoshang.reporting.cockpit.model;

import java.time.YearMonth;

import cn.gov.zhaoshang.reporting.definitions.model.DefinitionRules;
import cn.gov.zhaoshang.reporting.ranking.model.ProgressWarning;
import cn.gov.zhaoshang.reporting.report.model.Figure;
import cn.gov.zhaoshang.reporting.report.model.Ratio;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import cn.gov.zhaoshang.reporting.report.model.UnitReport;

/**
 * The warning levels of the cockpit's cards (metrics.md, "Rankings and warnings"). Warnings are
 * about cumulative progress, so every level is decided on the year to date at the warning month,
 * against the thresholds of the definition version in force then, on the unrounded figures and
 * strictly below the threshold. A level is {@code null} wherever the data gives none: no target, no
 * share, or a gap at or above the yellow threshold.
 */
public final class CardWarnings {

    private CardWarnings() {
    }

    /**
     * The month the levels and the ranking are evaluated at: the period's last month, or the current
     * month when the period ends later (the year 2026 seen in November 2026 → November).
     */
    public static YearMonth warningMonth(ReportPeriod period, YearMonth currentMonth) {
        YearMonth last = period.lastMonth();
        return last.isAfter(currentMonth) ? currentMonth : last;
    }

    /**
     * A count or amount: its progress gap (completion − time progress) against the thresholds,
     * decided on the exact fractions as {@link ProgressWarning} decides the rankings' warnings.
     *
     * @param yearToDate the figure of the year to date at the warning month
     * @param basis      that year to date
     * @return null without a target (or with a zero one), or when the gap is not below the yellow threshold
     */
    public static ProgressWarning ofFigure(Figure yearToDate, ReportPeriod basis, DefinitionRules rules) {
        requireYearToDate(basis);
        return ProgressWarning.of(yearToDate.actual(), yearToDate.target(), basis.lastMonth().getMonthValue(),
                rules.yellowBelowGapPoints(), rules.redBelowGapPoints());
    }

    /**
     * A share or rate against its target share: the gap (share − target percent, in points) against
     * the same thresholds, exact.
     *
     * @return null without a target percent or without a share (a zero denominator), or when the gap
     *         is not below the yellow threshold
     */
    public static ProgressWarning ofShare(UnitReport.Share yearToDate, DefinitionRules rules) {
        Ratio gap = yearToDate.gap();
        if (gap == null) {
            return null;
        }
        if (gap.isBelowPoints(rules.redBelowGapPoints())) {
            return ProgressWarning.RED;
        }
        if (gap.isBelowPoints(rules.yellowBelowGapPoints())) {
            return ProgressWarning.YELLOW;
        }
        return null;
    }

    private static void requireYearToDate(ReportPeriod basis) {
        if (basis.kind() != ReportPeriod.Kind.YEAR_TO_DATE) {
            throw new IllegalArgumentException("warning levels are decided on a year to date, not on " + basis);
        }
    }
}
