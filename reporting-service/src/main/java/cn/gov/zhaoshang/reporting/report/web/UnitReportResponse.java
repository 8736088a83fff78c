package cn.gov.zhaoshang.reporting.report.web;

import cn.gov.zhaoshang.reporting.report.model.Amounts;
import cn.gov.zhaoshang.reporting.report.model.Figure;
import cn.gov.zhaoshang.reporting.report.model.Ratio;
import cn.gov.zhaoshang.reporting.report.model.UnitReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A unit report in the API: every value both exact and as reports show it. Amounts are decimal
 * strings in yuan (exact) with their 亿元 display; rates carry their exact fraction and the
 * percentage with 2 decimals; gaps the percentage points with 1 decimal; a rate with a zero
 * denominator, or without a target, is {@code null}.
 */
public record UnitReportResponse(
        String orgUnit, String orgUnitName, String level, String period, LocalDate from, LocalDate to,
        Integer definitionVersion,
        RateDto timeProgress,
        FigureDto signedCount, FigureDto contractInvestment,
        FigureDto manufacturingCount, FigureDto manufacturingInvestment, ShareDto manufacturingShare,
        FigureDto fundsInPlace, RateDto fundsToContract,
        Top500Dto top500, SizeBandsDto sizeBands,
        ShareDto landingRate, ShareDto startRate,
        FigureDto libraryIntake,
        FdiDto fdi,
        ResidentTeamsDto residentTeams,
        List<LeaderActivityDto> leaderActivities) {

    /**
     * An exact fraction with its display forms.
     *
     * @param value   numerator ÷ denominator to 34 significant digits
     * @param percent as a rate: percent, 2 decimals, half up ("118.69")
     * @param points  as a gap: percentage points, 1 decimal, half up ("21.5")
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"numerator", "denominator", "value"},
            description = "an exact fraction; `percent` is present for a rate, `points` for a gap")
    public record RateDto(String numerator, String denominator, String value, String percent, String points) {

        public static RateDto rate(Ratio ratio) {
            return ratio == null ? null : new RateDto(ratio.numerator().toPlainString(), ratio.denominator().toPlainString(),
                    ratio.value().toPlainString(), ratio.percentForDisplay(), null);
        }

        public static RateDto gap(Ratio ratio) {
            return ratio == null ? null : new RateDto(ratio.numerator().toPlainString(), ratio.denominator().toPlainString(),
                    ratio.value().toPlainString(), null, ratio.pointsForDisplay());
        }
    }

    /**
     * @param actual   a count, or yuan with 2 decimals
     * @param actualYi the amount in 亿元 with 2 decimals; {@code null} for counts
     */
    @Schema(requiredProperties = {"targetCode", "actual", "actualYi", "lastYear", "lastYearYi", "target", "targetYi",
            "completion", "yearOnYear", "progressGap"})
    public record FigureDto(@Schema(nullable = true) String targetCode, String actual,
            @Schema(nullable = true) String actualYi, String lastYear, @Schema(nullable = true) String lastYearYi,
            @Schema(nullable = true) String target, @Schema(nullable = true) String targetYi,
            @Schema(nullable = true) RateDto completion, @Schema(nullable = true) RateDto yearOnYear,
            @Schema(nullable = true) RateDto progressGap) {

        public static FigureDto count(Figure figure) {
            return new FigureDto(figure.targetCode(), plain(figure.actual()), null, plain(figure.lastYear()), null,
                    plain(figure.target()), null, RateDto.rate(figure.completion()), RateDto.rate(figure.yearOnYear()),
                    RateDto.gap(figure.progressGap()));
        }

        public static FigureDto amount(Figure figure) {
            return new FigureDto(figure.targetCode(), Amounts.yuan(figure.actual()), Amounts.yi(figure.actual()),
                    Amounts.yuan(figure.lastYear()), Amounts.yi(figure.lastYear()), Amounts.yuan(figure.target()),
                    Amounts.yi(figure.target()), RateDto.rate(figure.completion()), RateDto.rate(figure.yearOnYear()),
                    RateDto.gap(figure.progressGap()));
        }

        /** A count as the API shows it ("24"); null stays null. */
        public static String plain(BigDecimal value) {
            return value == null ? null : value.stripTrailingZeros().toPlainString();
        }
    }

    /** @param targetPercent the target share in percent ("45") */
    public record ShareDto(RateDto actual, String targetPercent, RateDto gap) {
        static ShareDto of(UnitReport.Share share) {
            return new ShareDto(RateDto.rate(share.actual()),
                    share.targetPercent() == null ? null : share.targetPercent().stripTrailingZeros().toPlainString(),
                    RateDto.gap(share.gap()));
        }
    }

    public record Top500Dto(FigureDto fortuneGlobal500, FigureDto china500, FigureDto chinaPrivate500,
            FigureDto chinaManufacturing500, FigureDto threeClasses, FigureDto fourClasses) {
    }

    public record SizeBandsDto(FigureDto atLeast100Million, FigureDto atLeast1Billion, FigureDto atLeast10Billion,
            FigureDto atLeast20Billion) {
    }

    /** Amounts in US dollars (exact decimal strings); no 亿元 display, they are not CNY. */
    public record FdiDto(String contractedUsd, String contractedUsdLastYear, RateDto contractedYearOnYear,
            String actuallyUsedUsd, String actuallyUsedMissingBecause) {
    }

    @Schema(requiredProperties = {"docked", "visited", "visitReturnRate", "intentCount", "intentAmount", "intentAmountYi",
            "signedCount", "signedInvestment"})
    public record FunnelDto(long docked, long visited, @Schema(nullable = true) RateDto visitReturnRate, long intentCount,
            String intentAmount, String intentAmountYi, FigureDto signedCount, FigureDto signedInvestment) {
        static FunnelDto of(UnitReport.Funnel funnel) {
            return new FunnelDto(funnel.docked(), funnel.visited(), RateDto.rate(funnel.visitReturnRate()),
                    funnel.intentCount(), Amounts.yuan(funnel.intentAmount()), Amounts.yi(funnel.intentAmount()),
                    FigureDto.count(funnel.signedCount()), FigureDto.amount(funnel.signedInvestment()));
        }
    }

    public record TeamFunnelDto(UUID teamId, String name, String orgUnit, String keyArea, FunnelDto funnel) {
    }

    @Schema(requiredProperties = {"keyArea", "funnel"})
    public record KeyAreaFunnelDto(String keyArea, FunnelDto funnel) {
    }

    public record ResidentTeamsDto(FunnelDto total, List<TeamFunnelDto> teams, List<KeyAreaFunnelDto> keyAreas) {
    }

    public record LeaderActivityDto(String leaderUnit, String role, String halfYear, long tripsToKeyAreas,
            String requiredPerPerson, String requirementSource, String perPersonMissingBecause) {
    }

    public static UnitReportResponse of(UnitReport r) {
        UnitReport.ResidentTeams teams = r.residentTeams();
        return new UnitReportResponse(r.orgUnit(), r.orgUnitName(), r.level(), r.period().toString(), r.period().from(),
                r.period().to(), r.definitionVersion(), RateDto.rate(r.timeProgress()),
                FigureDto.count(r.signedCount()), FigureDto.amount(r.contractInvestment()),
                FigureDto.count(r.manufacturingCount()), FigureDto.amount(r.manufacturingInvestment()),
                ShareDto.of(r.manufacturingShare()),
                FigureDto.amount(r.fundsInPlace()), RateDto.rate(r.fundsToContract()),
                new Top500Dto(FigureDto.count(r.top500().fortuneGlobal500()), FigureDto.count(r.top500().china500()),
                        FigureDto.count(r.top500().chinaPrivate500()), FigureDto.count(r.top500().chinaManufacturing500()),
                        FigureDto.count(r.top500().threeClasses()), FigureDto.count(r.top500().fourClasses())),
                new SizeBandsDto(FigureDto.count(r.sizeBands().atLeast100Million()),
                        FigureDto.count(r.sizeBands().atLeast1Billion()), FigureDto.count(r.sizeBands().atLeast10Billion()),
                        FigureDto.count(r.sizeBands().atLeast20Billion())),
                ShareDto.of(r.landingRate()), ShareDto.of(r.startRate()),
                FigureDto.count(r.libraryIntake()),
                new FdiDto(Amounts.yuan(r.fdi().contractedUsd()), Amounts.yuan(r.fdi().contractedUsdLastYear()),
                        RateDto.rate(r.fdi().contractedYearOnYear()), Amounts.yuan(r.fdi().actuallyUsedUsd()),
                        r.fdi().actuallyUsedMissingBecause()),
                new ResidentTeamsDto(FunnelDto.of(teams.total()),
                        teams.teams().stream().map(t -> new TeamFunnelDto(t.teamId(), t.name(), t.orgUnit(), t.keyArea(),
                                FunnelDto.of(t.funnel()))).toList(),
                        teams.keyAreas().stream().map(a -> new KeyAreaFunnelDto(a.keyArea(), FunnelDto.of(a.funnel()))).toList()),
                r.leaderActivities().stream().map(a -> new LeaderActivityDto(a.leaderUnit(), a.role(), a.halfYear().toString(),
                        a.tripsToKeyAreas(), a.requiredPerPerson() == null ? null : a.requiredPerPerson().stripTrailingZeros().toPlainString(),
                        a.requirementSource(), a.perPersonMissingBecause())).toList());
    }
}
