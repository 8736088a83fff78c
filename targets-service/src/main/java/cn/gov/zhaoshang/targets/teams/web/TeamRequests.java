package cn.gov.zhaoshang.targets.teams.web;

import java.time.LocalDate;

import cn.gov.zhaoshang.platform.validation.MoneyAmount;
import cn.gov.zhaoshang.targets.teams.application.TeamAdministration.TeamDetails;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Bodies of the team commands. */
final class TeamRequests {

    private TeamRequests() {
    }

    record CreateTeam(@NotBlank String orgUnit, @Size(max = 100) String leadDepartment,
            @NotBlank @Size(max = 100) String name, @NotBlank String keyArea, @NotNull @Positive @Max(1000) Integer memberCount,
            @NotNull LocalDate activeFrom, LocalDate activeUntil) {

        TeamDetails details() {
            return new TeamDetails(name, keyArea, memberCount, activeFrom, activeUntil);
        }
    }

    record ChangeTeam(@NotBlank @Size(max = 100) String name, @NotBlank String keyArea,
            @NotNull @Positive @Max(1000) Integer memberCount, @NotNull LocalDate activeFrom, LocalDate activeUntil) {

        TeamDetails details() {
            return new TeamDetails(name, keyArea, memberCount, activeFrom, activeUntil);
        }
    }

    record CloseTeam(LocalDate closedOn) {
    }

    /** @param contractTarget yuan as a decimal string */
    record TeamTarget(@NotNull @Min(2000) @Max(2100) Integer year,
            @NotBlank @MoneyAmount String contractTarget) {
    }
}
