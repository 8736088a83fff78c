package cn.gov.zhaoshang.targets.definitions.model;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What one version of the metric definitions says (metrics.md): each figure with the population it
 * counts and its display rounding, the rounding rules, warning thresholds, ranking weights and cap,
 * and the close deadline.
 */
public record DefinitionContent(
        @NotEmpty @Valid List<FigureDefinition> figures,
        Map<String, Object> periods,
        @NotNull @Valid Rounding rounding,
        @NotNull @Valid Warnings warnings,
        @NotNull @Valid Ranking ranking,
        @NotNull @Valid Close close) {

    static final String DECIMAL = "^-?[0-9]{1,6}(\\.[0-9]{1,4})?$";

    /**
     * @param population what the figure counts, as metrics.md words it
     * @param kind       COUNT, AMOUNT, AMOUNT_USD, RATE or GAP
     */
    public record FigureDefinition(
            @NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]*$") String code,
            @NotBlank String nameZh,
            @NotBlank String nameEn,
            @NotBlank String unit,
            @NotBlank @Pattern(regexp = "^(COUNT|AMOUNT|AMOUNT_USD|RATE|GAP)$") String kind,
            @NotBlank String population,
            @Min(0) @Max(6) int displayDecimals) {
    }

    /** @param zeroDenominator what a report shows for a rate over zero; the API gives null */
    public record Rounding(
            @NotBlank @Pattern(regexp = "^(HALF_UP|HALF_EVEN|DOWN)$") String mode,
            @Min(0) @Max(6) int rateDecimals,
            @Min(0) @Max(6) int gapDecimals,
            @NotBlank String amountUnit,
            @Min(0) @Max(6) int amountDecimals,
            String zeroDenominator,
            String zeroDenominatorInApi,
            boolean roundOnlyAtDisplay) {
    }

    /** Gaps in percentage points; a unit warns when its unrounded gap is strictly below a threshold. */
    public record Warnings(
            @NotBlank @Pattern(regexp = DECIMAL) String yellowBelowGapPoints,
            @NotBlank @Pattern(regexp = DECIMAL) String redBelowGapPoints,
            boolean compareUnroundedGap,
            @NotNull Map<String, Integer> projectStaleDays,
            boolean warnWhenNotStartedByPlannedStart) {
    }

    /** Weighted score Σ weight × min(actual ÷ target, cap); a null cap means no cap. */
    /** @param method COMPLETION_RATE or WEIGHTED_SCORE, the two the event contract knows */
    public record Ranking(
            @NotBlank @Pattern(regexp = "^(COMPLETION_RATE|WEIGHTED_SCORE)$") String method,
            @NotEmpty Map<String, @Pattern(regexp = DECIMAL) String> weights,
            @Pattern(regexp = DECIMAL) String cap,
            @NotBlank String ties,
            @Min(0) int praiseTop,
            @Min(0) int explainBottom) {
    }

    public record Close(@Min(1) @Max(28) int deadlineDayOfNextMonth, boolean bottomUp) {
    }
}
