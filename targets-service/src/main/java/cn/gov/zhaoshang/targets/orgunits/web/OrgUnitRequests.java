package cn.gov.zhaoshang.targets.orgunits.web;

import cn.gov.zhaoshang.targets.orgunits.model.OrgUnitRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the org-unit commands. */
final class OrgUnitRequests {

    private OrgUnitRequests() {
    }

    /** A park to add under a county or city. */
    record AddPark(@NotBlank String parentCode, @NotBlank @Size(max = 100) String nameZh, @Size(max = 200) String nameEn) {
    }

    record Rename(@NotBlank @Size(max = 100) String nameZh, @Size(max = 200) String nameEn) {
    }

    record Move(@NotBlank String parentCode) {
    }

    record ChangeCode(@NotBlank @Pattern(regexp = OrgUnitRules.CODE_PATTERN,
            message = "must be a six-digit division code, or a park code such as 450881P01") String newCode) {
    }
}
