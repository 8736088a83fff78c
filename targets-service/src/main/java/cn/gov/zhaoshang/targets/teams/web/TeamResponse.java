package cn.gov.zhaoshang.targets.teams.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.targets.teams.model.ResidentTeam;

/** A resident team as the API shows it; contract targets are year → yuan as decimal strings. */
public record TeamResponse(UUID id, String orgUnit, String leadDepartment, String name, String keyArea,
        int memberCount, LocalDate activeFrom, LocalDate activeUntil, boolean closed,
        Map<String, String> contractTargets, long version) {

    static TeamResponse of(ResidentTeam team) {
        Map<String, String> targets = new LinkedHashMap<>();
        team.contractTargets().forEach((year, amount) -> targets.put(String.valueOf(year), amount.setScale(2).toPlainString()));
        return new TeamResponse(team.id(), team.unitCode(), team.leadDepartment(), team.name(), team.keyArea(),
                team.memberCount(), team.activeFrom(), team.activeUntil(), team.closed(), targets, team.version());
    }

    /** A key area of the reference list. */
    public record KeyArea(String code, String nameZh, String nameEn, boolean active) {
    }
}
