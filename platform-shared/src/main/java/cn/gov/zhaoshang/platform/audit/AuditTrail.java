package cn.gov.zhaoshang.platform.audit;

import cn.gov.zhaoshang.platform.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every change — who, when, what before, what after — in the same transaction as the
 * change itself, so there is no change without its audit row and no audit row without its change.
 */
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param before the state before the change (a DTO or record), or null for a creation
     * @param after  the state after it, or null for a deletion
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Caller actor, String entityType, String entityId, String action, Object before, Object after) {
        jdbc.sql("""
                INSERT INTO audit_log (actor, actor_unit, entity_type, entity_id, action, before, after)
                VALUES (:actor, :unit, :type, :id, :action, CAST(:before AS jsonb), CAST(:after AS jsonb))""")
                .param("actor", actor.username()).param("unit", actor.orgUnit())
                .param("type", entityType).param("id", entityId).param("action", action)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }
}
