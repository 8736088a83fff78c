package cn.gov.zhaoshang.reporting.report.model;

import cn.gov.zhaoshang.reporting.report.infrastructure.ChildrenTargetFigures;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One unit's figures that have an annual target (the codes of {@link UnitReport#figuresByTargetCode()}:
 * signed count, contract investment, funds in place, library intake, the Top-500 lists, the size
 * bands, resident-team contract investment) for one period: each actual exactly as the unit report
 * adds it up, and the unit's own annual targets of the period's year for those codes. This is what a
 * ranking and its rows read of a unit, and nothing more: no last year's figures, shares, funnel, teams
 * or leader trips. {@link ChildrenTargetFigures} reads it for all the children of a unit in one
 * statement; {@link #of(UnitReport)} takes it from a full report.
 *
 * @param actuals every target figure code → the actual (a count, or yuan), with the report's scale
 * @param targets target figure code → the unit's annual target, only where one is set
 */
public record TargetFigures(String orgUnit, String orgUnitName, String level, ReportPeriod period,
        Map<String, BigDecimal> actuals, Map<String, BigDecimal> targets) {

    public static final String SIGNED_COUNT = "SIGNED_COUNT";
    public static final String CONTRACT_INVESTMENT = "CONTRACT_INVESTMENT";
    public static final String FUNDS_IN_PLACE = "FUNDS_IN_PLACE";

    public TargetFigures {
        Objects.requireNonNull(period, "period");
        actuals = Map.copyOf(actuals);
        targets = Map.copyOf(targets);
    }

    /** The same figures taken from a unit's full report. */
    public static TargetFigures of(UnitReport report) {
        Map<String, BigDecimal> actuals = new HashMap<>();
        Map<String, BigDecimal> targets = new HashMap<>();
        report.figuresByTargetCode().forEach((code, figure) -> {
            actuals.put(code, figure.actual());
            if (figure.target() != null) {
                targets.put(code, figure.target());
            }
        });
        return new TargetFigures(report.orgUnit(), report.orgUnitName(), report.level(), report.period(), actuals, targets);
    }

    /** The figure of that code against its target, as the report's {@link Figure} has it (without last year's). */
    public Progress progress(String code) {
        BigDecimal actual = actuals.get(code);
        if (actual == null) {
            throw new IllegalArgumentException("not a target figure code: " + code);
        }
        Ratio completion = Ratio.of(actual, targets.get(code));
        return new Progress(actual, targets.get(code), completion, Ratio.difference(completion, period.timeProgress()));
    }

    public Progress contractInvestment() {
        return progress(CONTRACT_INVESTMENT);
    }

    public BigDecimal signedCount() {
        return actuals.get(SIGNED_COUNT);
    }

    public BigDecimal fundsInPlace() {
        return actuals.get(FUNDS_IN_PLACE);
    }

    /**
     * A figure against the unit's annual target, derived exactly as {@link Figure#of} derives it.
     *
     * @param target      null when the unit has none
     * @param completion  actual ÷ target; null without a target or with a zero one
     * @param progressGap completion − the period's time progress; null without completion
     */
    public record Progress(BigDecimal actual, BigDecimal target, Ratio completion, Ratio progressGap) {
    }
}
