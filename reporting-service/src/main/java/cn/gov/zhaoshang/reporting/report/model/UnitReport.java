package cn.gov.zhaoshang.reporting.report.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every figure of metrics.md for one org unit (its own records and everything under it) and one
 * period, exact and unrounded: amounts in yuan, rates as {@link Ratio}s, {@code null} where a
 * denominator is zero or a target is missing. Rounding is left to whoever shows it
 * ({@link Ratio#percentForDisplay()}, {@link Ratio#pointsForDisplay()}, {@link Amounts#yi}).
 *
 * @param definitionVersion the metric-definition version in force on the period's last day, or
 *                          {@code null} when none was published yet (the defaults of metrics.md apply)
 * @param timeProgress      months elapsed by the period's end ÷ 12
 * @param fundsToContract   资金到位率: funds in place to the period's end of the projects signed in
 *                          the year up to the period's end ÷ their contract investment
 */
public record UnitReport(
        String orgUnit,
        String orgUnitName,
        String level,
        ReportPeriod period,
        Integer definitionVersion,
        Ratio timeProgress,
        Figure signedCount,
        Figure contractInvestment,
        Figure manufacturingCount,
        Figure manufacturingInvestment,
        Share manufacturingShare,
        Figure fundsInPlace,
        Ratio fundsToContract,
        Top500 top500,
        SizeBands sizeBands,
        Share landingRate,
        Share startRate,
        Figure libraryIntake,
        Fdi fdi,
        ResidentTeams residentTeams,
        List<LeaderActivity> leaderActivities) {

    /**
     * A share or rate against a target share.
     *
     * @param actual        the share (a fraction), {@code null} when its denominator is zero
     * @param targetPercent the target share in percent (45 for 45%), {@code null} when none is set
     * @param gap           actual − target (a fraction; ×100 for percentage points), {@code null} when either is missing
     */
    public record Share(Ratio actual, BigDecimal targetPercent, Ratio gap) {

        public static Share of(Ratio actual, BigDecimal targetPercent) {
            return new Share(actual, targetPercent, Ratio.difference(actual, Ratio.percent(targetPercent)));
        }
    }

    /**
     * 500强 projects: signed projects whose investor (or its parent group) was on that list on the
     * signing date, per list, and 三类/四类 counting each project once however many lists it is on.
     */
    public record Top500(Figure fortuneGlobal500, Figure china500, Figure chinaPrivate500,
            Figure chinaManufacturing500, Figure threeClasses, Figure fourClasses) {
    }

    /** 亿元以上项目: signed projects with a contract of at least 1亿, 10亿, 100亿 and 200亿. */
    public record SizeBands(Figure atLeast100Million, Figure atLeast1Billion, Figure atLeast10Billion,
            Figure atLeast20Billion) {
    }

    /**
     * Foreign direct investment in US dollars, apart from the CNY figures.
     *
     * @param actuallyUsedUsd          always {@code null}: no event carries 实际利用外资 yet
     * @param actuallyUsedMissingBecause why it is {@code null}
     */
    public record Fdi(BigDecimal contractedUsd, BigDecimal contractedUsdLastYear, Ratio contractedYearOnYear,
            BigDecimal actuallyUsedUsd, String actuallyUsedMissingBecause) {
    }

    /**
     * The resident-team funnel (驻点招商).
     *
     * @param docked          distinct enterprises docked by teams in the period
     * @param visited         distinct enterprises, among those docked by the same teams in the year up
     *                        to the period's end, that visited in the period
     * @param visitReturnRate visited ÷ docked
     * @param intentCount     engagements of teams with outcome INTENT in the period
     * @param intentAmount    their intended amounts, yuan
     * @param signedCount     projects of channel RESIDENT_TEAM signed in the period (target: none)
     * @param signedInvestment their contract investment, against the resident-team target
     */
    public record Funnel(long docked, long visited, Ratio visitReturnRate, long intentCount, BigDecimal intentAmount,
            Figure signedCount, Figure signedInvestment) {
    }

    public record TeamFunnel(UUID teamId, String name, String orgUnit, String keyArea, Funnel funnel) {
    }

    public record KeyAreaFunnel(String keyArea, Funnel funnel) {
    }

    /** The unit's funnel over all its teams, each team's own, and per key area the teams are stationed in. */
    public record ResidentTeams(Funnel total, List<TeamFunnel> teams, List<KeyAreaFunnel> keyAreas) {
    }

    /**
     * Leader-led trips to key areas in the half year holding the period's end, per leader unit and role.
     *
     * @param requiredPerPerson the requirement per leader and half year for that role (the unit's
     *                          target, else the plan's minimum from the glossary)
     * @param requirementSource TARGET or PLAN_MINIMUM
     * @param perPersonMissingBecause why trips are not counted per person: events name no leader
     */
    public record LeaderActivity(String leaderUnit, String role, ReportPeriod halfYear, long tripsToKeyAreas,
            BigDecimal requiredPerPerson, String requirementSource, String perPersonMissingBecause) {
    }

    /** The figures that have an annual target, by target figure code (for rankings and weighted scores). */
    public Map<String, Figure> figuresByTargetCode() {
        Map<String, Figure> byCode = new LinkedHashMap<>();
        for (Figure figure : List.of(signedCount, contractInvestment, fundsInPlace, libraryIntake,
                top500.fortuneGlobal500(), top500.china500(), top500.chinaPrivate500(), top500.chinaManufacturing500(),
                top500.threeClasses(), top500.fourClasses(), sizeBands.atLeast100Million(), sizeBands.atLeast1Billion(),
                sizeBands.atLeast10Billion(), sizeBands.atLeast20Billion(), residentTeams.total().signedInvestment())) {
            if (figure.targetCode() != null) {
                byCode.put(figure.targetCode(), figure);
            }
        }
        return byCode;
    }
}
