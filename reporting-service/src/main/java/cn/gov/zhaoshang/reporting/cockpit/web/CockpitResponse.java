package cn.gov.zhaoshang.reporting.cockpit.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.gov.zhaoshang.reporting.definitions.model.RankingMethod;
import cn.gov.zhaoshang.reporting.ranking.model.ProgressWarning;
import cn.gov.zhaoshang.reporting.ranking.application.StandingRows.WarningLists;
import cn.gov.zhaoshang.reporting.ranking.application.Standings;
import cn.gov.zhaoshang.reporting.report.model.Amounts;
import cn.gov.zhaoshang.reporting.report.model.Ratio;
import cn.gov.zhaoshang.reporting.report.model.TargetFigures;
import cn.gov.zhaoshang.reporting.report.model.UnitMonth;
import cn.gov.zhaoshang.reporting.report.web.UnitReportResponse.FigureDto;
import cn.gov.zhaoshang.reporting.report.web.UnitReportResponse.FunnelDto;
import cn.gov.zhaoshang.reporting.report.web.UnitReportResponse.KeyAreaFunnelDto;
import cn.gov.zhaoshang.reporting.report.web.UnitReportResponse.RateDto;
import cn.gov.zhaoshang.reporting.report.web.UnitReportResponse.ShareDto;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The home page of the console (数据驾驶舱) for one org unit and one period, in one answer. Every
 * number is given exact and as it is shown (the console never computes or rounds): amounts as yuan
 * strings with their 亿元, rates and gaps as {@link RateDto}s. The cards are the period's figures,
 * exactly those of the unit report; warning levels, the ranking, the siblings' standing and the
 * warnings are of the year to date at the warning month ({@code warningBasis}).
 *
 * @param parentCode        the unit's parent; null for the region
 * @param definitionVersion the definition version in force on the period's last day, as the unit report gives it
 * @param timeProgress      of the period, as the unit report gives it
 * @param warningBasis      the year to date the warning levels, the ranking and the warnings were evaluated on
 *                          ({@code 2026-11-YTD}): the period's last month, or the current month if the period ends later
 * @param siblings          the parent's ranking of its children, the unit among them; null for the region
 * @param trend             the 24 months ending at the period's last month, oldest first
 * @param warnings          the rows of {@code GET …/warnings?month=} at the warning month
 */
@Schema(name = "CockpitResponse", requiredProperties = {"orgUnit", "orgUnitName", "level", "parentCode", "period", "from",
        "to", "definitionVersion", "timeProgress", "warningBasis", "cards", "ranking", "siblings", "trend", "funnel",
        "warnings"})
public record CockpitResponse(
        String orgUnit,
        String orgUnitName,
        String level,
        @Schema(nullable = true) String parentCode,
        String period,
        LocalDate from,
        LocalDate to,
        @Schema(nullable = true) Integer definitionVersion,
        RateDto timeProgress,
        @Schema(example = "2026-11-YTD") String warningBasis,
        Cards cards,
        Ranking ranking,
        @Schema(nullable = true) Siblings siblings,
        List<TrendMonth> trend,
        Funnel funnel,
        WarningLists warnings) {

    /** The period's figures, each with its warning level at the warning basis. */
    @Schema(name = "CockpitCards", requiredProperties = {"signedCount", "contractInvestment", "fundsInPlace", "top500",
            "manufacturingShare", "landingRate", "startRate"})
    public record Cards(CountCard signedCount, CountCard contractInvestment, CountCard fundsInPlace,
            @Schema(description = "四类500强: signed projects whose investor was on any of the four 500 lists, each counted once")
            CountCard top500,
            ShareCard manufacturingShare, ShareCard landingRate, ShareCard startRate) {
    }

    /**
     * A count or an amount: the unit report's {@code FigureDto} and its warning level.
     *
     * @param warningLevel the progress gap of the year to date at the warning basis against the
     *                     thresholds; null without a target or when it does not warn
     */
    @Schema(name = "CountCard", requiredProperties = {"targetCode", "actual", "actualYi", "lastYear", "lastYearYi", "target",
            "targetYi", "completion", "yearOnYear", "progressGap", "warningLevel"})
    public record CountCard(
            @Schema(nullable = true) String targetCode,
            @Schema(description = "a count, or yuan with 2 decimals") String actual,
            @Schema(nullable = true, description = "亿元 with 2 decimals; null for counts") String actualYi,
            String lastYear,
            @Schema(nullable = true) String lastYearYi,
            @Schema(nullable = true) String target,
            @Schema(nullable = true) String targetYi,
            @Schema(nullable = true) RateDto completion,
            @Schema(nullable = true) RateDto yearOnYear,
            @Schema(nullable = true) RateDto progressGap,
            @Schema(nullable = true) ProgressWarning warningLevel) {

        static CountCard of(FigureDto figure, ProgressWarning warningLevel) {
            return new CountCard(figure.targetCode(), figure.actual(), figure.actualYi(), figure.lastYear(),
                    figure.lastYearYi(), figure.target(), figure.targetYi(), figure.completion(), figure.yearOnYear(),
                    figure.progressGap(), warningLevel);
        }
    }

    /**
     * A share or rate against its target share: the unit report's {@code ShareDto} and its warning level.
     *
     * @param warningLevel the gap of the year to date at the warning basis against the thresholds;
     *                     null without a target percent, without a share, or when it does not warn
     */
    @Schema(name = "ShareCard", requiredProperties = {"actual", "targetPercent", "gap", "warningLevel"})
    public record ShareCard(
            @Schema(nullable = true) RateDto actual,
            @Schema(nullable = true, description = "the target share in percent (\"45\")") String targetPercent,
            @Schema(nullable = true, description = "share − target, in points") RateDto gap,
            @Schema(nullable = true) ProgressWarning warningLevel) {

        static ShareCard of(ShareDto share, ProgressWarning warningLevel) {
            return new ShareCard(share.actual(), share.targetPercent(), share.gap(), warningLevel);
        }
    }

    /**
     * The unit's children ranked on the year to date at the warning basis, as {@code GET …/rankings?month=} ranks them.
     *
     * @param timeProgress of the warning basis
     */
    @Schema(name = "CockpitRanking", requiredProperties = {"method", "timeProgress", "units"})
    public record Ranking(RankingMethod method, RateDto timeProgress, List<UnitStandingRow> units) {
    }

    /**
     * The parent's ranking of its children (排名通报, circulated to every unit of a level), even when
     * the parent is outside the caller's scope: these aggregate rows and nothing else.
     */
    @Schema(name = "CockpitSiblings", requiredProperties = {"parentCode", "parentName", "method", "timeProgress", "units"})
    public record Siblings(String parentCode, String parentName, RankingMethod method, RateDto timeProgress,
            List<UnitStandingRow> units) {
    }

    /**
     * One unit's standing on the year to date at the warning basis.
     *
     * @param rank           1 for the best, shared by equal scores; null without a score (listed last)
     * @param score          the ranking score: for COMPLETION_RATE the exact completion fraction of
     *                       contract investment; for WEIGHTED_SCORE the score to 34 significant digits over 1
     * @param signedCount    projects signed in the year to date
     * @param fundsInPlaceYi funds in place of the year to date, 亿元 with 2 decimals
     * @param warningLevel   of contract investment's progress gap, as the rankings and warnings show it
     * @param self           whether the row is the cockpit's own unit
     */
    @Schema(name = "UnitStandingRow", requiredProperties = {"orgUnit", "name", "level", "rank", "score",
            "contractInvestment", "signedCount", "fundsInPlaceYi", "warningLevel", "self"})
    public record UnitStandingRow(String orgUnit, String name, String level,
            @Schema(nullable = true) Integer rank,
            @Schema(nullable = true) RateDto score,
            StandingContractInvestment contractInvestment,
            String signedCount,
            String fundsInPlaceYi,
            @Schema(nullable = true) ProgressWarning warningLevel,
            boolean self) {

        public static UnitStandingRow of(Standings.UnitStanding standing, RankingMethod method, String selfCode) {
            TargetFigures unit = standing.figures();
            return new UnitStandingRow(unit.orgUnit(), unit.orgUnitName(), unit.level(), standing.rank(),
                    score(standing, method), StandingContractInvestment.of(unit.contractInvestment()),
                    FigureDto.plain(unit.signedCount()), Amounts.yi(unit.fundsInPlace()),
                    standing.warning(), unit.orgUnit().equals(selfCode));
        }

        private static RateDto score(Standings.UnitStanding standing, RankingMethod method) {
            if (standing.score() == null) {
                return null;
            }
            // the completion rate is the very fraction the ranking compared (actual ÷ target); a
            // weighted score is a sum of capped quotients, kept to 34 significant digits
            return RateDto.rate(method == RankingMethod.COMPLETION_RATE
                    ? standing.figures().contractInvestment().completion()
                    : new Ratio(standing.score(), BigDecimal.ONE));
        }
    }

    /** Contract investment of the year to date at the warning basis: exact yuan with 亿元, against the annual target. */
    @Schema(name = "StandingContractInvestment", requiredProperties = {"actual", "actualYi", "target", "targetYi",
            "completion", "progressGap"})
    public record StandingContractInvestment(String actual, String actualYi,
            @Schema(nullable = true) String target,
            @Schema(nullable = true) String targetYi,
            @Schema(nullable = true) RateDto completion,
            @Schema(nullable = true) RateDto progressGap) {

        /** The fields of the unit report's {@code FigureDto.amount} that a standing shows. */
        static StandingContractInvestment of(TargetFigures.Progress contract) {
            return new StandingContractInvestment(Amounts.yuan(contract.actual()), Amounts.yi(contract.actual()),
                    Amounts.yuan(contract.target()), Amounts.yi(contract.target()), RateDto.rate(contract.completion()),
                    RateDto.gap(contract.progressGap()));
        }
    }

    /**
     * One month of the trend: contract investment signed in the month and funds in place reported
     * for it, and the same month one year earlier; yuan exact, 亿元 with 2 decimals.
     *
     * @param month {@code 2026-11}
     */
    @Schema(name = "TrendMonth", requiredProperties = {"month", "contractInvestment", "contractInvestmentYi",
            "contractInvestmentLastYear", "contractInvestmentLastYearYi", "fundsInPlace", "fundsInPlaceYi",
            "fundsInPlaceLastYear", "fundsInPlaceLastYearYi"})
    public record TrendMonth(@Schema(example = "2026-11") String month, String contractInvestment,
            String contractInvestmentYi, String contractInvestmentLastYear, String contractInvestmentLastYearYi,
            String fundsInPlace, String fundsInPlaceYi, String fundsInPlaceLastYear, String fundsInPlaceLastYearYi) {

        static TrendMonth of(UnitMonth month, UnitMonth yearBefore) {
            return new TrendMonth(month.month().toString(), Amounts.yuan(month.contractInvestment()),
                    Amounts.yi(month.contractInvestment()), Amounts.yuan(yearBefore.contractInvestment()),
                    Amounts.yi(yearBefore.contractInvestment()), Amounts.yuan(month.fundsInPlace()),
                    Amounts.yi(month.fundsInPlace()), Amounts.yuan(yearBefore.fundsInPlace()),
                    Amounts.yi(yearBefore.fundsInPlace()));
        }
    }

    /** The period's resident-team funnel, as the unit report gives it ({@code residentTeams.total} and {@code .keyAreas}). */
    @Schema(name = "CockpitFunnel", requiredProperties = {"total", "keyAreas"})
    public record Funnel(FunnelDto total, List<KeyAreaFunnelDto> keyAreas) {
    }
}
