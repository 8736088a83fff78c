package cn.gov.zhaoshang.reporting.ranking.application;

import cn.gov.zhaoshang.reporting.ranking.infrastructure.ProjectWarnings;
import cn.gov.zhaoshang.reporting.ranking.model.CompetitionRanking;
import cn.gov.zhaoshang.reporting.ranking.model.ProgressWarning;
import cn.gov.zhaoshang.reporting.ranking.model.ProjectWarning;
import cn.gov.zhaoshang.reporting.ranking.model.RankingScores;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.reporting.definitions.model.DefinitionRules;
import cn.gov.zhaoshang.reporting.definitions.infrastructure.DefinitionVersions;
import cn.gov.zhaoshang.reporting.definitions.model.RankingMethod;
import cn.gov.zhaoshang.reporting.report.infrastructure.ChildrenTargetFigures;
import cn.gov.zhaoshang.reporting.report.model.Figure;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import cn.gov.zhaoshang.reporting.report.model.TargetFigures;
import cn.gov.zhaoshang.reporting.report.model.UnitReport;
import cn.gov.zhaoshang.reporting.report.application.UnitReports;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rankings and warnings of the year to date at a month's end (metrics.md, "Rankings and warnings"):
 * the child units of a unit ranked by the method of the definition version in force on the month's
 * last day, and the yellow and red warnings of those units and of the resident teams under the unit.
 * The children are ranked from their {@link TargetFigures}, read for all of them in one statement
 * ({@link ChildrenTargetFigures}); only the unit itself gets its full report (for its own row, its
 * teams and the callers that show its figures). It does not check who asks; callers check the
 * caller's scope first.
 */
@Component
public class Standings {

    private final UnitReports reports;
    private final ChildrenTargetFigures childrenFigures;
    private final DefinitionVersions definitions;
    private final ProjectWarnings projectWarnings;

    public Standings(UnitReports reports, ChildrenTargetFigures childrenFigures, DefinitionVersions definitions,
            ProjectWarnings projectWarnings) {
        this.reports = reports;
        this.childrenFigures = childrenFigures;
        this.definitions = definitions;
        this.projectWarnings = projectWarnings;
    }

    /**
     * @param figures  the unit's figures with a target, of the year to date at the month's end
     * @param score    the ranking score: completion rate of contract investment, or the weighted score
     * @param rank     standard competition rank among the siblings; null without a score
     * @param warning  from the contract-investment progress gap; null for none
     */
    public record UnitStanding(TargetFigures figures, BigDecimal score, Integer rank, ProgressWarning warning) {
    }

    /** @param warning from the team's own resident-team contract target; null for none */
    public record TeamStanding(UUID teamId, String name, String orgUnit, String keyArea, Figure signedInvestment,
            ProgressWarning warning) {
    }

    /**
     * @param report   the unit's own full report of the year to date at the month's end
     * @param total    the unit itself (the 合计 row), with its own warning and no rank
     * @param children its child units, best first, unranked ones last
     */
    public record Result(YearMonth month, DefinitionRules rules, UnitReport report, UnitStanding total,
            List<UnitStanding> children, List<TeamStanding> teams) {
    }

    /**
     * The ranking of a unit's children alone, computed exactly as in {@link #of}, without the unit's
     * own report or its teams (排名通报 as circulated to every unit of the level).
     */
    public record Ranking(YearMonth month, DefinitionRules rules, List<UnitStanding> children) {
    }

    @Transactional(readOnly = true)
    public Result of(String orgUnitCode, YearMonth month) {
        Ranking ranking = childrenOf(orgUnitCode, month);
        DefinitionRules rules = ranking.rules();
        int monthsElapsed = month.getMonthValue();
        UnitReport own = reports.of(orgUnitCode, ReportPeriod.yearToDate(month));
        TargetFigures figures = TargetFigures.of(own);
        UnitStanding total = new UnitStanding(figures, score(figures, rules), null,
                warning(figures.contractInvestment().actual(), figures.contractInvestment().target(), monthsElapsed, rules));

        List<TeamStanding> teams = new ArrayList<>();
        for (UnitReport.TeamFunnel team : own.residentTeams().teams()) {
            Figure signed = team.funnel().signedInvestment();
            teams.add(new TeamStanding(team.teamId(), team.name(), team.orgUnit(), team.keyArea(), signed,
                    warning(signed.actual(), signed.target(), monthsElapsed, rules)));
        }
        return new Result(month, rules, own, total, ranking.children(), teams);
    }

    /**
     * The project warnings open at the month's end (Beijing time) of projects under the unit at
     * {@code unitPath}, as project-service raised them: shown beside the standings, never computed here.
     */
    public List<ProjectWarning> openProjectWarnings(String unitPath, YearMonth month) {
        return projectWarnings.openAtEndOf(unitPath, month);
    }

    /** The unit's children ranked on the year to date at the month's end, best first, unranked ones last. */
    @Transactional(readOnly = true)
    public Ranking childrenOf(String orgUnitCode, YearMonth month) {
        return childrenOf(orgUnitCode, month, rulesInForceAt(month));
    }

    /**
     * As {@link #childrenOf(String, YearMonth)}, with the rules in force at the month's end already at
     * hand (a {@link Result}'s), so that a caller ranking two levels at the same month reads them once.
     */
    @Transactional(readOnly = true)
    public Ranking childrenOf(String orgUnitCode, YearMonth month, DefinitionRules rulesInForce) {
        int monthsElapsed = month.getMonthValue();
        List<TargetFigures> children = childrenFigures.of(orgUnitCode, ReportPeriod.yearToDate(month));

        List<CompetitionRanking.Ranked<TargetFigures>> ranked = CompetitionRanking.rank(children,
                child -> score(child, rulesInForce));
        List<UnitStanding> standings = new ArrayList<>();
        for (CompetitionRanking.Ranked<TargetFigures> child : ranked) {
            TargetFigures.Progress contract = child.item().contractInvestment();
            standings.add(new UnitStanding(child.item(), child.score(), child.rank(),
                    warning(contract.actual(), contract.target(), monthsElapsed, rulesInForce)));
        }
        return new Ranking(month, rulesInForce, standings);
    }

    private DefinitionRules rulesInForceAt(YearMonth month) {
        return definitions.inForceOn(month.atEndOfMonth()).orElseGet(DefinitionRules::metricsMdDefaults);
    }

    static BigDecimal score(TargetFigures figures, DefinitionRules rules) {
        if (rules.rankingMethod() == RankingMethod.COMPLETION_RATE) {
            TargetFigures.Progress contract = figures.contractInvestment();
            return RankingScores.completionRate(contract.actual(), contract.target());
        }
        return RankingScores.weightedScore(rules.rankingWeights(), rules.rankingCap(), figures.actuals(), figures.targets());
    }

    private static ProgressWarning warning(BigDecimal actual, BigDecimal target, int monthsElapsed, DefinitionRules rules) {
        return ProgressWarning.of(actual, target, monthsElapsed, rules.yellowBelowGapPoints(), rules.redBelowGapPoints());
    }
}
