package cn.gov.zhaoshang.contracts.targets;

import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of {@link cn.gov.zhaoshang.contracts.EventTypes#TARGETS_ORG_UNIT_DEFINED} and
 * {@link cn.gov.zhaoshang.contracts.EventTypes#TARGETS_ORG_UNIT_CHANGED}: the whole unit after the
 * change, so a subscriber's copy never depends on having seen earlier events of the unit.
 *
 * <p>Contracts: {@code contracts/schemas/targets/org-unit-defined.v1.json} and
 * {@code org-unit-changed.v1.json}.
 *
 * @param unitId       stable identity; survives renames, moves and code changes
 * @param code         current code
 * @param previousCode the code before this event when it changed the code, else null
 * @param aliases      every former code, oldest first
 * @param parentCode   null for the region
 * @param level        REGION, CITY, COUNTY or PARK
 * @param path         path from the region after the change
 * @param change       DEFINED, RENAMED, MOVED or RECODED
 */
public record OrgUnitChanged(
        UUID unitId,
        String code,
        String previousCode,
        List<String> aliases,
        String parentCode,
        String level,
        String nameZh,
        String nameEn,
        String path,
        String change) {

    public static final String DEFINED = "DEFINED";
    public static final String RENAMED = "RENAMED";
    public static final String MOVED = "MOVED";
    public static final String RECODED = "RECODED";
}
