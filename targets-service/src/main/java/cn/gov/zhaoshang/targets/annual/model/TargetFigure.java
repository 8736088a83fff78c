package cn.gov.zhaoshang.targets.annual.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;

/**
 * The figures a unit gets an annual target for (issue "Annual targets", metrics.md). Amounts are
 * in yuan; shares and rates in percent; leader requirements are per person and half year, and the
 * special resident campaign in days per quarter (glossary, seed 000).
 */
public enum TargetFigure {
    CONTRACT_INVESTMENT("合同投资额", FigureKind.AMOUNT),
    FUNDS_IN_PLACE("到位资金", FigureKind.AMOUNT),
    SIGNED_COUNT("新签约项目数", FigureKind.COUNT),
    TOP500_FORTUNE_GLOBAL_500("世界500强项目数", FigureKind.COUNT),
    TOP500_CHINA_500("中国企业500强项目数", FigureKind.COUNT),
    TOP500_CHINA_PRIVATE_500("中国民营企业500强项目数", FigureKind.COUNT),
    TOP500_CHINA_MANUFACTURING_500("中国制造业企业500强项目数", FigureKind.COUNT),
    TOP500_THREE_CLASSES("三类500强项目数", FigureKind.COUNT),
    TOP500_FOUR_CLASSES("四类500强项目数", FigureKind.COUNT),
    PROJECTS_OVER_100M("1亿元以上项目数", FigureKind.COUNT),
    PROJECTS_OVER_1B("10亿元以上项目数", FigureKind.COUNT),
    PROJECTS_OVER_10B("100亿元以上项目数", FigureKind.COUNT),
    PROJECTS_OVER_20B("200亿元以上项目数", FigureKind.COUNT),
    MANUFACTURING_SHARE("制造业占比", FigureKind.PERCENT),
    LANDING_RATE("落地率", FigureKind.PERCENT),
    START_RATE("开工率", FigureKind.PERCENT),
    LIBRARY_INTAKE("入库项目数", FigureKind.COUNT),
    RESIDENT_TEAM_CONTRACT("驻点招商签约额", FigureKind.AMOUNT),
    LEADER_TRIPS_CITY_PRINCIPAL("市主要负责同志带队招商(每人每半年)", FigureKind.REQUIREMENT),
    LEADER_TRIPS_CITY_DEPUTY("市分管负责同志带队招商(每人每半年)", FigureKind.REQUIREMENT),
    LEADER_TRIPS_COUNTY_PARK_PRINCIPAL("县(园区)主要负责同志带队招商(每人每半年)", FigureKind.REQUIREMENT),
    SPECIAL_CAMPAIGN_DAYS("专项驻点招商天数(每季度)", FigureKind.REQUIREMENT);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final String nameZh;
    private final FigureKind kind;

    TargetFigure(String nameZh, FigureKind kind) {
        this.nameZh = nameZh;
        this.kind = kind;
    }

    public String nameZh() {
        return nameZh;
    }

    public FigureKind kind() {
        return kind;
    }

    public static Optional<TargetFigure> fromCode(String code) {
        return Arrays.stream(values()).filter(figure -> figure.name().equals(code)).findFirst();
    }

    /** Why a value cannot be this figure's target, or empty if it can. */
    public Optional<String> problemWith(BigDecimal value) {
        if (value.signum() < 0) {
            return Optional.of("must not be negative");
        }
        if (value.stripTrailingZeros().scale() > kind.scale()) {
            return Optional.of(kind.scale() == 0 ? "must be a whole number" : "has more than " + kind.scale() + " decimals");
        }
        if (kind == FigureKind.PERCENT && value.compareTo(HUNDRED) > 0) {
            return Optional.of("is a percentage of at most 100");
        }
        return Optional.empty();
    }

    /**
     * The levels a figure can be a target of. Leader requirements are per role (glossary, seed 000):
     * the city's principals and deputies in charge, and the principals of counties and key parks.
     */
    public Set<OrgLevel> levels() {
        return switch (this) {
            case LEADER_TRIPS_CITY_PRINCIPAL, LEADER_TRIPS_CITY_DEPUTY -> EnumSet.of(OrgLevel.CITY);
            case LEADER_TRIPS_COUNTY_PARK_PRINCIPAL -> EnumSet.of(OrgLevel.COUNTY, OrgLevel.PARK);
            default -> EnumSet.allOf(OrgLevel.class);
        };
    }

    /**
     * The least the plan allows for a requirement: city principals 1 trip per person and half year,
     * city deputies and county and park principals 2, a special resident campaign 15 days per quarter.
     */
    public Optional<BigDecimal> minimum() {
        return switch (this) {
            case LEADER_TRIPS_CITY_PRINCIPAL -> Optional.of(BigDecimal.ONE);
            case LEADER_TRIPS_CITY_DEPUTY, LEADER_TRIPS_COUNTY_PARK_PRINCIPAL -> Optional.of(BigDecimal.TWO);
            case SPECIAL_CAMPAIGN_DAYS -> Optional.of(BigDecimal.valueOf(15));
            default -> Optional.empty();
        };
    }

    /** Why this value cannot be the target of a unit of that level, or empty if it can. */
    public Optional<String> problemFor(OrgLevel level, BigDecimal value) {
        if (!levels().contains(level)) {
            return Optional.of("is not a target of a " + level);
        }
        return minimum().filter(least -> value.compareTo(least) < 0)
                .map(least -> "must be at least " + least.toPlainString() + " as the plan requires");
    }

    /** The value at this figure's scale; only ever called on values that passed {@link #problemWith}. */
    public BigDecimal normalize(BigDecimal value) {
        return value.setScale(kind.scale(), RoundingMode.UNNECESSARY);
    }

    /**
     * Next year's target from this year's: grown by {@code ratePercent} and rounded half up to the
     * figure's scale (750 at +10% is 825.00), or carried over unchanged for rates and requirements.
     */
    public BigDecimal nextYear(BigDecimal value, BigDecimal ratePercent) {
        if (!kind.grows()) {
            return value;
        }
        return value.multiply(BigDecimal.ONE.add(ratePercent.movePointLeft(2))).setScale(kind.scale(), RoundingMode.HALF_UP);
    }
}
