package cn.gov.zhaoshang.contracts.targets;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code data} of {@link cn.gov.zhaoshang.contracts.EventTypes#TARGETS_TEAM_DEFINED} and
 * {@link cn.gov.zhaoshang.contracts.EventTypes#TARGETS_TEAM_CHANGED}: the whole team after the
 * change. Contracts: {@code contracts/schemas/targets/team-defined.v1.json}, {@code team-changed.v1.json}.
 *
 * @param orgUnit         the owning unit's code (a city, or the region for a lead department's team)
 * @param contractTargets the team's own contract targets, year → yuan as a decimal string
 * @param change          DEFINED, CHANGED, TARGET_SET or CLOSED
 */
public record TeamChanged(UUID teamId, String orgUnit, String leadDepartment, String name, String keyArea,
        int memberCount, LocalDate activeFrom, LocalDate activeUntil, boolean closed,
        Map<String, String> contractTargets, String change) {
}
