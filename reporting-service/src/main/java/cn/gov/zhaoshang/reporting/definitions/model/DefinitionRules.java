package cn.gov.zhaoshang.reporting.definitions.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import cn.gov.zhaoshang.contracts.targets.DefinitionPublished;

/**
 * The rules of one published metric definition version that reporting applies: warning thresholds,
 * the ranking method with its weights and cap, and the close deadline.
 *
 * @param yellowBelowGapPoints a unit or team warns yellow when its unrounded progress gap, in
 *                             percentage points, is strictly below this
 * @param redBelowGapPoints    red when strictly below this
 * @param rankingWeights       figure code (a target figure, e.g. CONTRACT_INVESTMENT) → weight
 * @param rankingCap           cap of actual ÷ target in a weighted score; null for none
 * @param closeDeadlineDay     a month must be closed by this day of the next month
 * @param defaultRules         the event carried no rules, and metrics.md's defaults apply
 */
public record DefinitionRules(
        int version,
        LocalDate effectiveFrom,
        List<String> figureCodes,
        BigDecimal yellowBelowGapPoints,
        BigDecimal redBelowGapPoints,
        RankingMethod rankingMethod,
        Map<String, BigDecimal> rankingWeights,
        BigDecimal rankingCap,
        int closeDeadlineDay,
        boolean defaultRules) {

    public static final BigDecimal DEFAULT_YELLOW_BELOW = new BigDecimal("-10");
    public static final BigDecimal DEFAULT_RED_BELOW = new BigDecimal("-20");
    public static final int DEFAULT_CLOSE_DEADLINE_DAY = 5;
    public static final String CONTRACT_INVESTMENT = "CONTRACT_INVESTMENT";

    public DefinitionRules {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(yellowBelowGapPoints, "yellowBelowGapPoints");
        Objects.requireNonNull(redBelowGapPoints, "redBelowGapPoints");
        Objects.requireNonNull(rankingMethod, "rankingMethod");
        figureCodes = List.copyOf(figureCodes);
        rankingWeights = Collections.unmodifiableMap(new TreeMap<>(rankingWeights));
        if (closeDeadlineDay < 1 || closeDeadlineDay > 28) {
            throw new IllegalArgumentException("the close deadline is a day from 1 to 28, not " + closeDeadlineDay);
        }
    }

    /**
     * The rules of a published version; an event without rules (an older producer) gets the
     * defaults of metrics.md: yellow below −10, red below −20, ranking by completion rate, close by
     * the 5th of the next month.
     */
    public static DefinitionRules of(DefinitionPublished event) {
        DefinitionPublished.Rules rules = event.rules();
        if (rules == null) {
            return new DefinitionRules(event.version(), event.effectiveFrom(), event.figureCodes(),
                    DEFAULT_YELLOW_BELOW, DEFAULT_RED_BELOW, RankingMethod.COMPLETION_RATE,
                    Map.of(CONTRACT_INVESTMENT, BigDecimal.ONE), null, DEFAULT_CLOSE_DEADLINE_DAY, true);
        }
        Map<String, BigDecimal> weights = new TreeMap<>();
        if (rules.rankingWeights() != null) {
            rules.rankingWeights().forEach((code, weight) -> weights.put(code, new BigDecimal(weight)));
        }
        return new DefinitionRules(event.version(), event.effectiveFrom(), event.figureCodes(),
                new BigDecimal(rules.yellowBelowGapPoints()), new BigDecimal(rules.redBelowGapPoints()),
                RankingMethod.valueOf(rules.rankingMethod()), weights,
                rules.rankingCap() == null ? null : new BigDecimal(rules.rankingCap()),
                rules.closeDeadlineDayOfNextMonth(), false);
    }

    /**
     * metrics.md's defaults while reporting knows no published version at all (version 0, which no
     * published version has); a frozen report never uses these, it needs a published version.
     */
    public static DefinitionRules metricsMdDefaults() {
        return new DefinitionRules(0, LocalDate.of(1900, 1, 1), List.of(), DEFAULT_YELLOW_BELOW, DEFAULT_RED_BELOW,
                RankingMethod.COMPLETION_RATE, Map.of(CONTRACT_INVESTMENT, BigDecimal.ONE), null,
                DEFAULT_CLOSE_DEADLINE_DAY, true);
    }

    /** Whether these are a published version's rules (not {@link #metricsMdDefaults()}). */
    public boolean published() {
        return version > 0;
    }

    /** The last day on which a close of {@code month} is on time. */
    public LocalDate closeDeadline(YearMonth month) {
        return month.plusMonths(1).atDay(closeDeadlineDay);
    }
}
