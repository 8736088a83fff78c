package cn.gov.zhaoshang.targets.orgunits.model;

import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;

/**
 * A unit of the tree as its owner knows it: the shared unit plus its stable id and former codes.
 *
 * @param aliases former codes, oldest first
 */
public record RegisteredOrgUnit(UUID id, OrgUnit unit, List<String> aliases) {

    public RegisteredOrgUnit {
        aliases = List.copyOf(aliases);
    }

    public String code() {
        return unit.code();
    }

    public OrgLevel level() {
        return unit.level();
    }

    public String path() {
        return unit.path();
    }
}
