package cn.gov.zhaoshang.reporting.ranking;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.reporting.definitions.DefinitionRules;
import cn.gov.zhaoshang.reporting.definitions.DefinitionVersions;
import cn.gov.zhaoshang.reporting.definitions.RankingMethod;
import cn.gov.zhaoshang.reporting.report.Figure;
import cn.gov.zhaoshang.reporting.report.ReportPeriod;
import cn.gov.zhaoshang.reporting.report.UnitReport;
import cn.gov.zhaoshang.reporting.report.UnitReports;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rankings and warnings of the year to date at a month's end (metrics.md, "Rankings and warnings"):
 * the child units of a unit ranked by the method of the definition version in force on the month's
 * last day, and the yellow and red warnings of those units and of the resident teams under the unit.
 * It does not check who asks; callers check the caller's scope first.
 */
@Component
public class Standings {

    private final UnitReports reports;
    private final DefinitionVersions definitions;

    public Standings(UnitReports reports, DefinitionVersions definitions) {
        this.reports = reports;
        this.definitions = definitions;
    }

    /**
     * @param score    the ranking score: completion rate of contract investment, or the weighted score
     * @param rank     standard competition rank among the siblings; null without a score
     * @param warning  from the contract-investment progress gap; null for none
     */
    public record UnitStanding(UnitReport report, BigDecimal score, Integer rank, ProgressWarning warning) {
    }

    /** @param warning from the team's own resident-team contract target; null for none */
    public record TeamStanding(UUID teamId, String name, String orgUnit, String keyArea, Figure signedInvestment,
            ProgressWarning warning) {
    }

    /**
     * @param total    the unit itself (the 合计 row), with its own warning and no rank
     * @param children its child units, best first, unranked ones last
     */
    public record Result(YearMonth month, DefinitionRules rules, UnitStanding total, List<UnitStanding> children,
            List<TeamStanding> teams) {
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
        UnitStanding total = new UnitStanding(own, score(own, rules), null, warning(own.contractInvestment(), monthsElapsed, rules));

        List<TeamStanding> teams = new ArrayList<>();
        for (UnitReport.TeamFunnel team : own.residentTeams().teams()) {
            Figure signed = team.funnel().signedInvestment();
            teams.add(new TeamStanding(team.teamId(), team.name(), team.orgUnit(), team.keyArea(), signed,
                    warning(signed, monthsElapsed, rules)));
        }
        return new Result(month, rules, total, ranking.children(), teams);
    }

    /** The unit's children ranked on the year to date at the month's end, best first, unranked ones last. */
    @Transactional(readOnly = true)
    public Ranking childrenOf(String orgUnitCode, YearMonth month) {
        DefinitionRules rules = definitions.inForceOn(month.atEndOfMonth()).orElseGet(DefinitionRules::metricsMdDefaults);
        int monthsElapsed = month.getMonthValue();
        List<UnitReport> children = reports.children(orgUnitCode, ReportPeriod.yearToDate(month));

        List<CompetitionRanking.Ranked<UnitReport>> ranked = CompetitionRanking.rank(children, child -> score(child, rules));
        List<UnitStanding> standings = new ArrayList<>();
        for (CompetitionRanking.Ranked<UnitReport> child : ranked) {
            standings.add(new UnitStanding(child.item(), child.score(), child.rank(),
                    warning(child.item().contractInvestment(), monthsElapsed, rules)));
        }
        return new Ranking(month, rules, standings);
    }

    static BigDecimal score(UnitReport report, DefinitionRules rules) {
        if (rules.rankingMethod() == RankingMethod.COMPLETION_RATE) {
            Figure contract = report.contractInvestment();
            return RankingScores.completionRate(contract.actual(), contract.target());
        }
        Map<String, BigDecimal> actuals = new HashMap<>();
        Map<String, BigDecimal> targets = new HashMap<>();
        report.figuresByTargetCode().forEach((code, figure) -> {
            actuals.put(code, figure.actual());
            if (figure.target() != null) {
                targets.put(code, figure.target());
            }
        });
        return RankingScores.weightedScore(rules.rankingWeights(), rules.rankingCap(), actuals, targets);
    }

    private static ProgressWarning warning(Figure figure, int monthsElapsed, DefinitionRules rules) {
        return ProgressWarning.of(figure.actual(), figure.target(), monthsElapsed,
                rules.yellowBelowGapPoints(), rules.redBelowGapPoints());
    }
}
