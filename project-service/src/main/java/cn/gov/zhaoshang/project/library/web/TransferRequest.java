package cn.gov.zhaoshang.project.library.web;

import cn.gov.zhaoshang.platform.orgunits.KnownOrgUnit;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A transfer of a project to another county or park; the reason is kept in the audit trail. */
public record TransferRequest(@NotBlank @KnownOrgUnit String toOrgUnit, @Size(max = 1000) String reason) {
}
