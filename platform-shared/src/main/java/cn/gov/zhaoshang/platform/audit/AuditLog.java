package cn.gov.zhaoshang.platform.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.security.OrgScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's audit trail as auditors read it: the rows of the actions taken by users of a unit
 * and the units under it, newest first, filtered by time, actor and action. Reading it is itself
 * recorded ({@code audit-read}), in the same transaction, so that no read of the trail goes
 * unrecorded. Actions of the platform itself (no user's unit: event consumers, migrations) belong to
 * the region, the root of the tree.
 */
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final String service;

    public AuditLog(JdbcClient jdbc, JsonMapper json, AuditTrail audit, String service) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.service = service;
    }

    /** What an auditor asks for; the unit is already checked to lie within their scope. */
    public record Query(String unitCode, String unitPath, boolean unitIsRoot, Instant from, Instant until, String actor, String action,
            int page, int size) {
    }

    /** One row as an auditor reads it: who, when, what, before and after, and which service kept it. */
    public record AuditRow(long id, String service, Instant occurredAt, String actor, String actorUnit, String entityType, String entityId,
            String action, JsonNode before, JsonNode after) {
    }

    @Transactional
    public PageResponse<AuditRow> read(Query query, OrgScope scope, Map<String, String> askedFor) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, occurred_at, actor, actor_unit, entity_type, entity_id, action,
                       CAST(before AS text) AS before_json, CAST(after AS text) AS after_json, count(*) OVER () AS total
                FROM audit_log
                WHERE (""").append(OrgScope.codeInSubtree("actor_unit", "unitPath"));
        sql.append(query.unitIsRoot() ? " OR actor_unit IS NULL)" : ")");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("unitPath", query.unitPath());
        if (query.from() != null) {
            sql.append(" AND occurred_at >= :from");
            parameters.put("from", Timestamp.from(query.from()));
        }
        if (query.until() != null) {
            sql.append(" AND occurred_at < :until");
            parameters.put("until", Timestamp.from(query.until()));
        }
        if (query.actor() != null) {
            sql.append(" AND actor = :actor");
            parameters.put("actor", query.actor());
        }
        if (query.action() != null) {
            sql.append(" AND action = :action");
            parameters.put("action", query.action());
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset");
        parameters.put("limit", query.size());
        parameters.put("offset", (long) query.page() * query.size());
        long[] total = {0};
        List<AuditRow> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(parameters).query((rs, n) -> {
            total[0] = rs.getLong("total");
            return new AuditRow(rs.getLong("id"), service, rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                    rs.getString("actor_unit"), rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"),
                    parse(rs.getString("before_json")), parse(rs.getString("after_json")));
        }).list());
        if (rows.isEmpty() && query.page() > 0) {
            // a page past the last: the window function saw no row to count on
            total[0] = countOnly(sql.toString(), parameters);
        }
        audit.record(scope.caller(), "audit-log", service, "audit-read", null, askedFor);
        return new PageResponse<>(rows, query.page(), query.size(), total[0], "occurredAt,desc");
    }

    private long countOnly(String pagedSql, Map<String, Object> parameters) {
        String from = pagedSql.substring(pagedSql.indexOf("FROM audit_log"), pagedSql.indexOf(" ORDER BY"));
        Map<String, Object> filters = new LinkedHashMap<>(parameters);
        filters.remove("limit");
        filters.remove("offset");
        return jdbc.sql("SELECT count(*) " + from).params(filters).query(Long.class).single();
    }

    private JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }
}
