package cn.gov.zhaoshang.targets.annual.web;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Bodies of the targets commands. */
final class TargetRequests {

    private TargetRequests() {
    }

    /**
     * @param figures figure code → decimal string; null or empty removes that figure's target
     */
    record SetTargets(@NotBlank String orgUnit, @NotNull @Min(2000) @Max(2100) Integer year,
            @NotEmpty Map<String, String> figures) {
    }

    /** @param growthRate percent, e.g. "10" for +10% */
    record NextYear(@NotBlank @Pattern(regexp = "^-?[0-9]{1,3}(\\.[0-9]{1,4})?$",
            message = "must be a percentage such as \"10\" or \"12.5\"") String growthRate) {
    }
}
