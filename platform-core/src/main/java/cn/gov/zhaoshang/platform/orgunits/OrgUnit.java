package cn.gov.zhaoshang.platform.orgunits;

/**
 * One unit of the local org-unit tree.
 *
 * @param path the unit's ltree path from the region, e.g. {@code 450000.450800.450881}
 */
public record OrgUnit(String code, String parentCode, OrgLevel level, String nameZh, String nameEn, String path) {

    /** Whether {@code other} is this unit or lies below it. */
    public boolean contains(OrgUnit other) {
        return other.path.equals(path) || other.path.startsWith(path + ".");
    }
}
