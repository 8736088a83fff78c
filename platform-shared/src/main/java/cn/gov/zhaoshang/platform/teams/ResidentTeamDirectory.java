package cn.gov.zhaoshang.platform.teams;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The local copy of the resident teams (table {@code resident_team_copy}), fed by
 * {@link ResidentTeamEventsListener} in the services that switch it on
 * ({@code zhaoshang.teams.follow-events=true}).
 */
public class ResidentTeamDirectory {

    private final JdbcClient jdbc;

    public ResidentTeamDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the team as of {@code changedAt}, unless the copy already holds a later state of it. */
    public void upsert(ResidentTeam team, Instant changedAt) {
        jdbc.sql("""
                INSERT INTO resident_team_copy (id, org_unit_code, name, key_area, closed, changed_at)
                VALUES (:id, :unit, :name, :keyArea, :closed, :changedAt)
                ON CONFLICT (id) DO UPDATE SET org_unit_code = EXCLUDED.org_unit_code, name = EXCLUDED.name,
                        key_area = EXCLUDED.key_area, closed = EXCLUDED.closed, changed_at = EXCLUDED.changed_at
                WHERE resident_team_copy.changed_at <= EXCLUDED.changed_at""")
                .param("id", team.id())
                .param("unit", team.orgUnit())
                .param("name", team.name())
                .param("keyArea", team.keyArea())
                .param("closed", team.closed())
                .param("changedAt", java.sql.Timestamp.from(changedAt))
                .update();
    }

    /** The teams of these ids that the copy knows, by id. */
    public Map<UUID, ResidentTeam> of(Collection<UUID> ids) {
        Map<UUID, ResidentTeam> teams = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, org_unit_code, name, key_area, closed FROM resident_team_copy WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query(ResidentTeamDirectory::team)
                    .list()
                    .forEach(team -> teams.put(team.id(), team));
        }
        return teams;
    }

    /** The open teams of these units with this exact name (normally one; two are ambiguous). */
    public List<ResidentTeam> named(String name, Collection<String> unitCodes) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, org_unit_code, name, key_area, closed FROM resident_team_copy
                WHERE name = :name AND org_unit_code IN (:units) AND NOT closed ORDER BY id""")
                .param("name", name.strip())
                .param("units", unitCodes)
                .query(ResidentTeamDirectory::team)
                .list();
    }

    private static ResidentTeam team(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ResidentTeam(rs.getObject("id", UUID.class), rs.getString("org_unit_code"), rs.getString("name"),
                rs.getString("key_area"), rs.getBoolean("closed"));
    }
}
