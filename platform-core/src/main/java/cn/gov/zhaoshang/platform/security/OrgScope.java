package cn.gov.zhaoshang.platform.security;

import cn.gov.zhaoshang.platform.orgunits.OrgUnit;

/**
 * What a caller may see: their own unit and everything below it.
 *
 * <p>Repositories apply it in SQL with {@link #WITHIN_SCOPE}: records reference their unit by
 * code, and the unit's path in the local org-unit tree (an {@code ltree} with a GiST index) must
 * lie under the caller's path. Bind {@link #path()} as {@code :callerPath}.
 */
public record OrgScope(Caller caller, OrgUnit unit) {

    /** SQL condition on a column {@code org_unit_code}; binds {@code :callerPath}. */
    public static final String WITHIN_SCOPE =
            "org_unit_code IN (SELECT code FROM org_unit WHERE path <@ CAST(:callerPath AS ltree))";

    public String path() {
        return unit.path();
    }

    public boolean contains(OrgUnit other) {
        return unit.contains(other);
    }
}
