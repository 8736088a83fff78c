package cn.gov.zhaoshang.contracts.targets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of {@link cn.gov.zhaoshang.contracts.EventTypes#TARGETS_DEFINITION_PUBLISHED}.
 * Contract: {@code contracts/schemas/targets/definition-published.v1.json}.
 *
 * @param effectiveFrom first day the version is in force
 * @param figureCodes   the figures it defines
 * @param rules         the rules reporting applies; {@code null} in events of older producers, when
 *                      the defaults of metrics.md apply
 */
public record DefinitionPublished(int version, LocalDate effectiveFrom, Instant publishedAt, List<String> figureCodes,
        Rules rules) {

    /** An event without rules: reporting applies the defaults of metrics.md. */
    public DefinitionPublished(int version, LocalDate effectiveFrom, Instant publishedAt, List<String> figureCodes) {
        this(version, effectiveFrom, publishedAt, figureCodes, null);
    }

    /**
     * Warning thresholds in percentage points (a unit warns when its unrounded gap is strictly below),
     * the ranking method with its weights and cap, and the close deadline.
     *
     * @param rankingMethod COMPLETION_RATE or WEIGHTED_SCORE
     * @param rankingCap    cap of actual ÷ target in a weighted score, {@code null} for none
     */
    public record Rules(String yellowBelowGapPoints, String redBelowGapPoints, String rankingMethod,
            Map<String, String> rankingWeights, String rankingCap, int closeDeadlineDayOfNextMonth) {
    }
}
