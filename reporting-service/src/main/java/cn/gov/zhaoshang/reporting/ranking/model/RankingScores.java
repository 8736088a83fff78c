package cn.gov.zhaoshang.reporting.ranking.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * The scores sibling units are ranked by (metrics.md, "Rankings and warnings"): the completion
 * rate actual ÷ target, or the weighted score Σ weight × min(actual ÷ target, cap). Ratios are
 * kept to 34 significant digits (IEEE 754 decimal128, in decimal arithmetic), so equal fractions
 * give equal scores and tie.
 */
public final class RankingScores {

    public static final MathContext PRECISION = MathContext.DECIMAL128;

    private RankingScores() {
    }

    /** actual ÷ target; null when there is no target or it is zero. */
    public static BigDecimal completionRate(BigDecimal actual, BigDecimal target) {
        if (actual == null || target == null || target.signum() == 0) {
            return null;
        }
        return actual.divide(target, PRECISION);
    }

    /**
     * Σ weight × min(actual ÷ target, cap) over the weighted figures; null when any weighted figure
     * has no target, since a score that silently counted a missing target as zero would rank the
     * unit below units that have every target.
     *
     * @param cap     the cap of each ratio, null for none
     * @param actuals figure code → actual, a missing figure being zero
     * @param targets figure code → annual target
     */
    public static BigDecimal weightedScore(Map<String, BigDecimal> weights, BigDecimal cap,
            Map<String, BigDecimal> actuals, Map<String, BigDecimal> targets) {
        if (weights.isEmpty()) {
            return null;
        }
        BigDecimal score = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> weighted : weights.entrySet()) {
            BigDecimal ratio = completionRate(actuals.getOrDefault(weighted.getKey(), BigDecimal.ZERO),
                    targets.get(weighted.getKey()));
            if (ratio == null) {
                return null;
            }
            if (cap != null && ratio.compareTo(cap) > 0) {
                ratio = cap;
            }
            score = score.add(weighted.getValue().multiply(ratio, PRECISION), PRECISION);
        }
        return score;
    }
}
