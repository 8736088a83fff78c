package cn.gov.zhaoshang.project.library.infrastructure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The units' signing-confirmation settings. */
@Repository
public class SigningSettingRepository {

    /** A setting: whether confirmation is required, and the unit that set it (the unit itself or an ancestor). */
    public record Setting(boolean required, String setOn, Instant setAt, String setBy) {
    }

    private final JdbcClient jdbc;

    public SigningSettingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The setting in force for {@code unit}: its own, else its nearest ancestor's; empty when none is set. */
    public Optional<Setting> effectiveFor(OrgUnit unit) {
        return jdbc.sql("""
                SELECT s.required, s.org_unit_code, s.set_at, s.set_by FROM signing_confirmation_setting s
                JOIN org_unit u ON u.code = s.org_unit_code
                WHERE u.path @> CAST(:path AS ltree)
                ORDER BY nlevel(u.path) DESC LIMIT 1""")
                .param("path", unit.path())
                .query((rs, row) -> new Setting(rs.getBoolean("required"), rs.getString("org_unit_code"),
                        rs.getTimestamp("set_at").toInstant(), rs.getString("set_by")))
                .optional();
    }

    /** The unit's own setting, if it has one. */
    public Optional<Setting> ownOf(String unitCode) {
        return jdbc.sql("SELECT required, org_unit_code, set_at, set_by FROM signing_confirmation_setting WHERE org_unit_code = :code")
                .param("code", unitCode)
                .query((rs, row) -> new Setting(rs.getBoolean("required"), rs.getString("org_unit_code"),
                        rs.getTimestamp("set_at").toInstant(), rs.getString("set_by")))
                .optional();
    }

    public void save(String unitCode, boolean required, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO signing_confirmation_setting (org_unit_code, required, set_at, set_by)
                VALUES (:code, :required, :at, :by)
                ON CONFLICT (org_unit_code) DO UPDATE SET required = excluded.required, set_at = excluded.set_at,
                                                          set_by = excluded.set_by""")
                .param("code", unitCode).param("required", required).param("at", Timestamp.from(at)).param("by", by)
                .update();
    }
}
