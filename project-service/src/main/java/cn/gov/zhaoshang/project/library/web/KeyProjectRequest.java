package cn.gov.zhaoshang.project.library.web;

import cn.gov.zhaoshang.platform.orgunits.KnownOrgUnit;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Marks a project key (重点项目): the leader who answers for it (领导挂点), the unit they lead (the
 * project's or one above it), and the officer who follows it.
 */
public record KeyProjectRequest(
        @NotBlank @Size(max = 100) String leaderName,
        @NotBlank @KnownOrgUnit String leaderUnit,
        @Size(max = 100) String officerName) {
}
