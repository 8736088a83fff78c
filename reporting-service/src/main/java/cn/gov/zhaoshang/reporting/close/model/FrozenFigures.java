package cn.gov.zhaoshang.reporting.close.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.gov.zhaoshang.reporting.report.model.Figure;
import cn.gov.zhaoshang.reporting.report.model.Ratio;
import cn.gov.zhaoshang.reporting.report.model.UnitReport;

/**
 * The figures a closed month freezes and publishes (cn.gov.zhaoshang.report.published.v1): the
 * month's own figures and the year to date with its targets, completion, growth and gaps. Figures
 * only: nothing names a project, an enterprise or a person.
 *
 * <p>Values are decimal strings: counts and yuan exactly; rates as fractions (0.8333… for 83.33%),
 * unrounded but cut to the contract's 12 decimals (half up) since 10/12 has no finite decimal; null
 * when undefined (a zero denominator or no target).
 */
public final class FrozenFigures {

    /** The contract allows at most 12 decimals. */
    static final int RATE_DECIMALS = 12;

    private FrozenFigures() {
    }

    public static Map<String, String> of(UnitReport month, UnitReport yearToDate) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("TIME_PROGRESS", rate(yearToDate.timeProgress()));
        month("SIGNED_COUNT", month.signedCount(), figures);
        month("CONTRACT_INVESTMENT", month.contractInvestment(), figures);
        month("MANUFACTURING_PROJECTS", month.manufacturingCount(), figures);
        month("MANUFACTURING_INVESTMENT", month.manufacturingInvestment(), figures);
        month("FUNDS_IN_PLACE", month.fundsInPlace(), figures);
        month("LIBRARY_INTAKE", month.libraryIntake(), figures);

        yearToDate("SIGNED_COUNT", yearToDate.signedCount(), figures);
        yearToDate("CONTRACT_INVESTMENT", yearToDate.contractInvestment(), figures);
        figures.put("PROGRESS_GAP", rate(yearToDate.contractInvestment().progressGap()));
        yearToDate("MANUFACTURING_PROJECTS", yearToDate.manufacturingCount(), figures);
        yearToDate("MANUFACTURING_INVESTMENT", yearToDate.manufacturingInvestment(), figures);
        figures.put("MANUFACTURING_SHARE_YTD", rate(yearToDate.manufacturingShare().actual()));
        figures.put("MANUFACTURING_SHARE_TARGET_GAP_YTD", rate(yearToDate.manufacturingShare().gap()));
        yearToDate("FUNDS_IN_PLACE", yearToDate.fundsInPlace(), figures);
        figures.put("FUNDS_TO_CONTRACT_RATE_YTD", rate(yearToDate.fundsToContract()));
        yearToDate("TOP500_THREE_CLASSES", yearToDate.top500().threeClasses(), figures);
        yearToDate("TOP500_FOUR_CLASSES", yearToDate.top500().fourClasses(), figures);
        yearToDate("PROJECTS_OVER_100M", yearToDate.sizeBands().atLeast100Million(), figures);
        yearToDate("PROJECTS_OVER_1B", yearToDate.sizeBands().atLeast1Billion(), figures);
        yearToDate("PROJECTS_OVER_10B", yearToDate.sizeBands().atLeast10Billion(), figures);
        yearToDate("PROJECTS_OVER_20B", yearToDate.sizeBands().atLeast20Billion(), figures);
        figures.put("LANDING_RATE_YTD", rate(yearToDate.landingRate().actual()));
        figures.put("START_RATE_YTD", rate(yearToDate.startRate().actual()));
        yearToDate("LIBRARY_INTAKE", yearToDate.libraryIntake(), figures);
        figures.put("FDI_CONTRACTED_USD_YTD", amount(yearToDate.fdi().contractedUsd()));
        UnitReport.Funnel teams = yearToDate.residentTeams().total();
        figures.put("RESIDENT_TEAM_DOCKED_YTD", amount(BigDecimal.valueOf(teams.docked())));
        figures.put("RESIDENT_TEAM_VISITED_YTD", amount(BigDecimal.valueOf(teams.visited())));
        figures.put("VISIT_RETURN_RATE_YTD", rate(teams.visitReturnRate()));
        figures.put("RESIDENT_TEAM_INTENTS_YTD", amount(BigDecimal.valueOf(teams.intentCount())));
        figures.put("RESIDENT_TEAM_INTENT_AMOUNT_YTD", amount(teams.intentAmount()));
        yearToDate("RESIDENT_TEAM_SIGNED_COUNT", teams.signedCount(), figures);
        yearToDate("RESIDENT_TEAM_CONTRACT", teams.signedInvestment(), figures);
        return figures;
    }

    private static void month(String code, Figure figure, Map<String, String> figures) {
        figures.put(code + "_MONTH", amount(figure.actual()));
    }

    /** The year to date with last year's, the target, completion and growth. */
    private static void yearToDate(String code, Figure figure, Map<String, String> figures) {
        figures.put(code + "_YTD", amount(figure.actual()));
        figures.put(code + "_LAST_YEAR_YTD", amount(figure.lastYear()));
        figures.put(code + "_TARGET", amount(figure.target()));
        figures.put(code + "_COMPLETION_RATE", rate(figure.completion()));
        figures.put(code + "_YOY_GROWTH", rate(figure.yearOnYear()));
    }

    static String amount(BigDecimal value) {
        return value == null ? null : plain(value);
    }

    static String rate(Ratio ratio) {
        if (ratio == null) {
            return null;
        }
        return plain(ratio.numerator().divide(ratio.denominator(), RATE_DECIMALS, RoundingMode.HALF_UP));
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
