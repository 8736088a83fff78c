package cn.gov.zhaoshang.targets.users.infrastructure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Re-coded units whose people Keycloak still has under the old code (V3). */
@Repository
public class PendingUnitRecodes {

    public record PendingRecode(long id, String oldCode, String newCode, String actor, String actorUnit, Instant recodedAt) {
    }

    private final JdbcClient jdbc;

    public PendingUnitRecodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String oldCode, String newCode, String actor, String actorUnit, Instant recodedAt) {
        jdbc.sql("""
                INSERT INTO users_following_unit_recode (old_code, new_code, actor, actor_unit, recoded_at)
                VALUES (:old, :new, :actor, :unit, :at)""")
                .param("old", oldCode).param("new", newCode).param("actor", actor).param("unit", actorUnit)
                .param("at", Timestamp.from(recodedAt)).update();
    }

    /** The oldest re-code not yet applied, locked for this transaction; another instance skips it. */
    public Optional<PendingRecode> lockOldest() {
        return jdbc.sql("""
                SELECT id, old_code, new_code, actor, actor_unit, recoded_at FROM users_following_unit_recode
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .query((row, n) -> new PendingRecode(row.getLong("id"), row.getString("old_code"), row.getString("new_code"),
                        row.getString("actor"), row.getString("actor_unit"), row.getTimestamp("recoded_at").toInstant()))
                .optional();
    }

    public void done(long id) {
        jdbc.sql("DELETE FROM users_following_unit_recode WHERE id = :id").param("id", id).update();
    }

    public void failed(long id, String error) {
        jdbc.sql("UPDATE users_following_unit_recode SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                .param("id", id).param("error", error).update();
    }

    public List<String> oldCodesPending() {
        return jdbc.sql("SELECT old_code FROM users_following_unit_recode ORDER BY id").query(String.class).list();
    }
}
