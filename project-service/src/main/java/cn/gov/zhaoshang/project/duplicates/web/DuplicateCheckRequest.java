package cn.gov.zhaoshang.project.duplicates.web;

import java.math.BigDecimal;
import java.util.UUID;

import cn.gov.zhaoshang.platform.orgunits.KnownOrgUnit;
import cn.gov.zhaoshang.platform.validation.MoneyAmount;
import cn.gov.zhaoshang.project.library.application.ProjectRegistration.DuplicateQuestion;
import cn.gov.zhaoshang.project.library.model.IndustryCode;
import cn.gov.zhaoshang.project.library.web.RegisterProjectRequest.ContactRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the registration form has filled in so far, with the same field names and rules as
 * {@code POST /api/projects}, so the form can send its body as it is; only these fields are compared.
 */
public record DuplicateCheckRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @KnownOrgUnit String orgUnit,
        @Pattern(regexp = "^[0-9A-Za-z-]{1,32}$", message = "must be 1 to 32 letters, digits or hyphens") String projectCode,
        UUID investorEnterpriseId,
        @Pattern(regexp = IndustryCode.PATTERN, message = "must be a GB/T 4754 code such as C3963") String industryCode,
        @MoneyAmount String contractAmount,
        @Size(max = 300) String siteAddress,
        @Valid ContactRequest investorContact) {

    DuplicateQuestion toQuestion() {
        return new DuplicateQuestion(orgUnit, name, projectCode, investorEnterpriseId, industryCode,
                contractAmount == null ? null : new BigDecimal(contractAmount),
                investorContact == null ? null : investorContact.phone(), siteAddress);
    }
}
