package cn.gov.zhaoshang.project.library.infrastructure;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.project.library.model.KeyProject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which projects are key projects (重点项目), and who answers for each (领导挂点). */
@Repository
public class KeyProjectRepository {

    private final JdbcClient jdbc;

    public KeyProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key projects among these; a project that is not key is absent from the map. */
    public Map<UUID, KeyProject> of(Collection<UUID> projectIds) {
        Map<UUID, KeyProject> keys = new HashMap<>();
        if (projectIds.isEmpty()) {
            return keys;
        }
        jdbc.sql("SELECT id, key_leader_name, key_leader_unit, key_officer_name FROM project WHERE id IN (:ids) AND key_project")
                .param("ids", projectIds)
                .query(rs -> {
                    keys.put(rs.getObject("id", UUID.class), new KeyProject(true, rs.getString("key_leader_name"),
                            rs.getString("key_leader_unit"), rs.getString("key_officer_name")));
                });
        return keys;
    }

    /**
     * Writes the project's key status and raises its version, so that a correction based on a
     * version read before is refused as stale. The project was locked by the caller.
     *
     * @return the project's version after the change
     */
    public long write(UUID projectId, KeyProject key) {
        return jdbc.sql("""
                UPDATE project SET key_project = :key, key_leader_name = :leader, key_leader_unit = :leaderUnit,
                                   key_officer_name = :officer, version = version + 1
                WHERE id = :id RETURNING version""")
                .param("id", projectId)
                .param("key", key.key())
                .param("leader", key.leaderName())
                .param("leaderUnit", key.leaderUnit())
                .param("officer", key.officerName())
                .query(Long.class).single();
    }
}
