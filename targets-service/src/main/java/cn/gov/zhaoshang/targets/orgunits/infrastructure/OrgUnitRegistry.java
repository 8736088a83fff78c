package cn.gov.zhaoshang.targets.orgunits.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.targets.orgunits.model.RegisteredOrgUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The owner's side of the tree: identities and former codes, read together with the shared local
 * copy {@code org_unit} that holds names, levels and paths.
 */
@Repository
public class OrgUnitRegistry {

    private static final String SELECT = """
            SELECT r.id, o.code, o.parent_code, o.level, o.name_zh, o.name_en, o.path::text AS path,
                   ARRAY(SELECT a.alias_code FROM org_unit_alias a WHERE a.unit_id = r.id
                         ORDER BY a.retired_at, a.alias_code) AS aliases
            FROM org_unit o JOIN org_unit_registry r ON r.code = o.code
            """;

    private final JdbcClient jdbc;

    public OrgUnitRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM org_unit_registry").query(Long.class).single();
    }

    /**
     * Every code the registry knows, current or former, each with the current code of its unit
     * (a former code maps to the code its unit has now).
     */
    public Map<String, String> currentCodesByKnownCode() {
        Map<String, String> codes = new HashMap<>();
        jdbc.sql("""
                SELECT code AS known, code AS current FROM org_unit_registry
                UNION ALL
                SELECT a.alias_code, r.code FROM org_unit_alias a JOIN org_unit_registry r ON r.id = a.unit_id""")
                .query((rs, row) -> Map.entry(rs.getString("known"), rs.getString("current"))).list()
                .forEach(code -> codes.put(code.getKey(), code.getValue()));
        return codes;
    }

    /**
     * Holds, until the transaction ends, the lock that lets one instance at a time enter reference
     * units, so that two instances starting together never both enter the same unit.
     */
    public void lockForReferenceLoad() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('org-unit-registry:reference-load'))").query((rs, row) -> 1).list();
    }

    /** The unit with this code now, or the unit that had it before (an alias). */
    public Optional<RegisteredOrgUnit> findByCodeOrAlias(String code) {
        return jdbc.sql(SELECT + """
                 WHERE o.code = :code
                    OR r.id = (SELECT unit_id FROM org_unit_alias WHERE alias_code = :code)""")
                .param("code", code)
                .query(OrgUnitRegistry::toUnit)
                .optional();
    }

    public Optional<RegisteredOrgUnit> findById(UUID id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(OrgUnitRegistry::toUnit).optional();
    }

    /** The unit at {@code rootPath} and everything below it, parents before children. */
    public List<RegisteredOrgUnit> subtree(String rootPath) {
        return jdbc.sql(SELECT + " WHERE " + OrgScope.pathInSubtree("o.path", "root") + " ORDER BY o.path")
                .param("root", rootPath)
                .query(OrgUnitRegistry::toUnit)
                .list();
    }

    /** The direct children of a unit, by code. */
    public List<RegisteredOrgUnit> children(String parentCode) {
        return jdbc.sql(SELECT + " WHERE o.parent_code = :parent ORDER BY o.code")
                .param("parent", parentCode)
                .query(OrgUnitRegistry::toUnit)
                .list();
    }

    /** Whether a code is in use, now or as a former code: codes are never reused. */
    public boolean isCodeTaken(String code) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM org_unit WHERE code = :code)
                    OR EXISTS (SELECT 1 FROM org_unit_registry WHERE code = :code)
                    OR EXISTS (SELECT 1 FROM org_unit_alias WHERE alias_code = :code)""")
                .param("code", code).query(Boolean.class).single();
    }

    /** Every code, current or former, that starts with the prefix. */
    public List<String> codesStartingWith(String prefix) {
        return jdbc.sql("""
                SELECT code FROM org_unit_registry WHERE starts_with(code, :prefix)
                UNION SELECT alias_code FROM org_unit_alias WHERE starts_with(alias_code, :prefix)""")
                .param("prefix", prefix).query(String.class).list();
    }

    public void register(UUID id, String code, Instant at) {
        jdbc.sql("INSERT INTO org_unit_registry (id, code, defined_at) VALUES (:id, :code, :at)")
                .param("id", id).param("code", code).param("at", java.sql.Timestamp.from(at))
                .update();
    }

    /** Records the unit's new code and keeps the old one as an alias. */
    public void recode(UUID id, String oldCode, String newCode, Instant at) {
        jdbc.sql("UPDATE org_unit_registry SET code = :newCode WHERE id = :id")
                .param("newCode", newCode).param("id", id).update();
        jdbc.sql("INSERT INTO org_unit_alias (alias_code, unit_id, retired_at) VALUES (:alias, :id, :at)")
                .param("alias", oldCode).param("id", id).param("at", java.sql.Timestamp.from(at))
                .update();
    }

    /** The unit's audit entries, oldest first: action, when, by whom, and the unit before and after. */
    public List<java.util.Map<String, Object>> history(UUID id) {
        return jdbc.sql("""
                SELECT action, occurred_at, actor, before::text AS before, after::text AS after
                FROM audit_log WHERE entity_type = 'org-unit' AND entity_id = :id ORDER BY occurred_at, id""")
                .param("id", id.toString()).query().listOfRows();
    }

    private static RegisteredOrgUnit toUnit(ResultSet rs, int row) throws SQLException {
        OrgUnit unit = new OrgUnit(rs.getString("code"), rs.getString("parent_code"),
                OrgLevel.valueOf(rs.getString("level")), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("path"));
        String[] aliases = (String[]) rs.getArray("aliases").getArray();
        return new RegisteredOrgUnit(rs.getObject("id", UUID.class), unit, Arrays.asList(aliases));
    }
}
