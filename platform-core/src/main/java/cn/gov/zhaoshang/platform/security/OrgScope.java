package cn.gov.zhaoshang.platform.security;

import cn.gov.zhaoshang.platform.orgunits.OrgUnit;

/**
 * What a caller may see: their own unit and everything below it.
 *
 * <p>Repositories apply it in SQL, always through the two conditions here: records reference their
 * unit by code ({@link #codeInSubtree}), units carry their path in the local org-unit tree (an
 * {@code ltree} with a GiST index, {@link #pathInSubtree}), and the unit's path must lie under the
 * path bound to the named parameter: the caller's ({@link #path()}, bound as {@code :callerPath},
 * which {@link #WITHIN_SCOPE} uses), or that of a unit a filter names.
 */
public record OrgScope(Caller caller, OrgUnit unit) {

    /** The parameter the caller's path is bound to by convention. */
    public static final String CALLER_PATH = "callerPath";

    /** SQL condition on a column {@code org_unit_code}; binds {@code :callerPath}. */
    public static final String WITHIN_SCOPE = codeInSubtree("org_unit_code", CALLER_PATH);

    public String path() {
        return unit.path();
    }

    public boolean contains(OrgUnit other) {
        return unit.contains(other);
    }

    /**
     * SQL condition: the unit whose code is in {@code codeColumn} lies in the subtree at the path
     * bound to {@code :pathParameter} (that unit included).
     *
     * @param codeColumn    e.g. {@code p.org_unit_code}, {@code g.leader_unit}
     * @param pathParameter the name of the bound path, without the colon, e.g. {@code callerPath}
     */
    public static String codeInSubtree(String codeColumn, String pathParameter) {
        return codeColumn + " IN (SELECT code FROM org_unit WHERE " + pathInSubtree("path", pathParameter) + ")";
    }

    /**
     * SQL condition: the {@code ltree} path in {@code pathColumn} lies in the subtree at the path
     * bound to {@code :pathParameter} (that path included).
     *
     * @param pathColumn    a path of the local {@code org_unit} table, e.g. {@code u.path}
     * @param pathParameter the name of the bound path, without the colon, e.g. {@code callerPath}
     */
    public static String pathInSubtree(String pathColumn, String pathParameter) {
        return pathColumn + " <@ CAST(:" + pathParameter + " AS ltree)";
    }
}
