package cn.gov.zhaoshang.targets.teams.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A resident team (驻点招商工作队) of a city, or of a regional lead department (owning unit = the
 * region, with {@code leadDepartment} named).
 *
 * @param contractTargets the team's own contract targets by year, in yuan (optional; the unit's
 *                        target for all its teams together is an annual target)
 */
public record ResidentTeam(UUID id, UUID unitId, String unitCode, String leadDepartment, String name, String keyArea,
        int memberCount, LocalDate activeFrom, LocalDate activeUntil, boolean closed,
        Map<Integer, BigDecimal> contractTargets, long version) {

    public ResidentTeam {
        contractTargets = new TreeMap<>(contractTargets);
    }
}
