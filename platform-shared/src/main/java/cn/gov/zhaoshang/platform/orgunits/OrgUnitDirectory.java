package cn.gov.zhaoshang.platform.orgunits;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.gov.zhaoshang.platform.security.OrgScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The service's local copy of the org-unit tree. Paths of callers and records are always looked
 * up here, never carried in tokens, so a moved unit is seen everywhere as soon as this copy is.
 *
 * <p>Within one HTTP request a unit is read once: validation, the caller's scope, the record's unit
 * and the event's path asked for the same one or two units five times per registration
 * (docs/benchmarks/history.md, create-and-sign). The memo lives in the request's attributes, so it never
 * outlives the request, and this directory's own writes clear it once written.
 */
public class OrgUnitDirectory {

    private static final String REQUEST_MEMO = OrgUnitDirectory.class.getName() + ".units";

    private final JdbcClient jdbc;

    public OrgUnitDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrgUnit> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Map<String, Optional<OrgUnit>> memo = requestMemo();
        return memo == null ? read(code) : memo.computeIfAbsent(code, this::read);
    }

    private Optional<OrgUnit> read(String code) {
        return jdbc.sql("SELECT code, parent_code, level, name_zh, name_en, path::text AS path FROM org_unit WHERE code = :code")
                .param("code", code)
                .query(OrgUnitDirectory::toOrgUnit)
                .optional();
    }

    public boolean exists(String code) {
        return find(code).isPresent();
    }

    /** The unit's path; an unknown code is a programming error at this point. */
    public String pathOf(String code) {
        return find(code).map(OrgUnit::path)
                .orElseThrow(() -> new IllegalArgumentException("unknown org unit " + code));
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM org_unit").query(Long.class).single();
    }

    /**
     * Adds a unit or updates it in place (name, level, parent and path); the path of every unit
     * below a moved unit follows it.
     */
    @Transactional
    public void upsert(String code, String parentCode, OrgLevel level, String nameZh, String nameEn) {
        String parentPath = parentCode == null ? null : pathOf(parentCode);
        String newPath = parentPath == null ? code : parentPath + "." + code;
        Optional<OrgUnit> existing = find(code);
        jdbc.sql("""
                INSERT INTO org_unit (code, parent_code, level, name_zh, name_en, path, updated_at)
                VALUES (:code, :parent, :level, :nameZh, :nameEn, CAST(:path AS ltree), now())
                ON CONFLICT (code) DO UPDATE SET parent_code = EXCLUDED.parent_code, level = EXCLUDED.level,
                    name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, path = EXCLUDED.path, updated_at = now()""")
                .param("code", code).param("parent", parentCode).param("level", level.name())
                .param("nameZh", nameZh).param("nameEn", nameEn).param("path", newPath)
                .update();
        existing.filter(old -> !old.path().equals(newPath)).ifPresent(old -> jdbc.sql("""
                UPDATE org_unit SET path = CAST(:newPath AS ltree) || subpath(path, nlevel(CAST(:oldPath AS ltree))), updated_at = now()
                WHERE\s""" + OrgScope.pathInSubtree("path", "oldPath") + " AND path <> CAST(:oldPath AS ltree)")
                .param("newPath", newPath).param("oldPath", old.path())
                .update());
        forgetRequestMemo();
    }

    /**
     * Gives a unit a new code (横县 450127 became 横州市 450181): the row is re-keyed, its children
     * point at the new code, and every path below it follows. Records elsewhere that still carry
     * the old code are the owning service's concern.
     */
    @Transactional
    public void changeCode(String oldCode, String newCode) {
        OrgUnit old = find(oldCode).orElseThrow(() -> new IllegalArgumentException("unknown org unit " + oldCode));
        String newPath = old.parentCode() == null ? newCode : pathOf(old.parentCode()) + "." + newCode;
        jdbc.sql("""
                INSERT INTO org_unit (code, parent_code, level, name_zh, name_en, path, updated_at)
                VALUES (:code, :parent, :level, :nameZh, :nameEn, CAST(:path AS ltree), now())""")
                .param("code", newCode).param("parent", old.parentCode()).param("level", old.level().name())
                .param("nameZh", old.nameZh()).param("nameEn", old.nameEn()).param("path", newPath)
                .update();
        jdbc.sql("UPDATE org_unit SET parent_code = :newCode, updated_at = now() WHERE parent_code = :oldCode")
                .param("newCode", newCode).param("oldCode", oldCode).update();
        jdbc.sql("""
                UPDATE org_unit SET path = CAST(:newPath AS ltree) || subpath(path, nlevel(CAST(:oldPath AS ltree))), updated_at = now()
                WHERE\s""" + OrgScope.pathInSubtree("path", "oldPath") + " AND path <> CAST(:oldPath AS ltree)")
                .param("newPath", newPath).param("oldPath", old.path()).update();
        jdbc.sql("DELETE FROM org_unit WHERE code = :oldCode").param("oldCode", oldCode).update();
        forgetRequestMemo();
    }

    /** The current request's units read so far, or null outside a request (a listener, a job). */
    @SuppressWarnings("unchecked")
    private static Map<String, Optional<OrgUnit>> requestMemo() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Object memo = request.getAttribute(REQUEST_MEMO, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<String, Optional<OrgUnit>>();
            request.setAttribute(REQUEST_MEMO, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, Optional<OrgUnit>>) memo;
    }

    private static void forgetRequestMemo() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(REQUEST_MEMO, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static OrgUnit toOrgUnit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new OrgUnit(rs.getString("code"), rs.getString("parent_code"), OrgLevel.valueOf(rs.getString("level")),
                rs.getString("name_zh"), rs.getString("name_en"), rs.getString("path"));
    }
}
