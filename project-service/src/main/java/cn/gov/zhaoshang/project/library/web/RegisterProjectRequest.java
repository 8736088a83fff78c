package cn.gov.zhaoshang.project.library.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.gov.zhaoshang.platform.orgunits.KnownOrgUnit;
import cn.gov.zhaoshang.project.library.application.ProjectRegistration.RegisterSignedProject;
import cn.gov.zhaoshang.project.library.model.IndustryCode;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A signed project to register. Amounts are decimal strings in yuan, so that no client rounds them.
 */
public record RegisterProjectRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @KnownOrgUnit String orgUnit,
        @NotBlank
        @Pattern(regexp = "^\\d{1,16}(\\.\\d{1,2})?$",
                message = "must be a decimal string in yuan with at most 2 decimals, e.g. \"150000000.00\"")
        @DecimalMin(value = "0.01", message = "must be positive")
        String contractAmount,
        @NotNull @PastOrPresent LocalDate signingDate,
        @NotBlank
        @Pattern(regexp = IndustryCode.PATTERN, message = "must be a GB/T 4754 code such as C3963")
        String industryCode) {

    RegisterSignedProject toCommand() {
        return new RegisterSignedProject(name, orgUnit, new BigDecimal(contractAmount), signingDate,
                new IndustryCode(industryCode));
    }
}
