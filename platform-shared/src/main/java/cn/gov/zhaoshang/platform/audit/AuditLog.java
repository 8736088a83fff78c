package cn.gov.zhaoshang.platform.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.security.OrgScope;
import io.swagger.v3.oas.annotations.media.Schema;
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

    /** The rows and their count, ahead of the conditions. */
    private static final String SELECT = """
            SELECT id, occurred_at, actor, actor_unit, entity_type, entity_id, action,
                   CAST(before AS text) AS before_json, CAST(after AS text) AS after_json, count(*) OVER () AS total
            FROM audit_log
            WHERE\s""";
    private static final String NEWEST_FIRST = " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset";

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
            String action,
            @Schema(implementation = Map.class, description = "the record before the action, as the service kept it; null for a creation") JsonNode before,
            @Schema(implementation = Map.class, description = "the record after the action; null for a deletion") JsonNode after) {
    }

    @Transactional
    public PageResponse<AuditRow> read(Query query, OrgScope scope, Map<String, String> askedFor) {
        StringBuilder where = new StringBuilder("(").append(OrgScope.codeInSubtree("actor_unit", "unitPath"));
        where.append(query.unitIsRoot() ? " OR actor_unit IS NULL)" : ")");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("unitPath", query.unitPath());
        if (query.from() != null) {
            where.append(" AND occurred_at >= :from");
            parameters.put("from", Timestamp.from(query.from()));
        }
        if (query.until() != null) {
            where.append(" AND occurred_at < :until");
            parameters.put("until", Timestamp.from(query.until()));
        }
        if (query.actor() != null) {
            where.append(" AND actor = :actor");
            parameters.put("actor", query.actor());
        }
        if (query.action() != null) {
            where.append(" AND action = :action");
            parameters.put("action", query.action());
        }
        return page(where.toString(), parameters, query.page(), query.size(), scope, askedFor);
    }

    /**
     * The whole history of one record, whoever acted on it, newest first: the rows of
     * {@code entityId} and of its parts keyed {@code <entityId>/...} (a project's monthly funds,
     * {@code <project>/2026-05}), of the given entity types. The caller has already been found to see
     * the record. The read is recorded as for {@link #read}.
     */
    @Transactional
    public PageResponse<AuditRow> history(List<String> entityTypes, String entityId, int page, int size, OrgScope scope) {
        String where = "entity_type IN (:types) AND (entity_id = :id OR entity_id LIKE :parts)";
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("types", entityTypes);
        parameters.put("id", entityId);
        parameters.put("parts", entityId.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%");
        return page(where, parameters, page, size, scope, Map.of("entityTypes", String.join(",", entityTypes), "entityId", entityId));
    }

    /** One page of the rows meeting {@code where}, newest first, with their count; the read recorded. */
    private PageResponse<AuditRow> page(String where, Map<String, Object> filters, int page, int size, OrgScope scope,
            Map<String, String> askedFor) {
        Map<String, Object> parameters = new LinkedHashMap<>(filters);
        parameters.put("limit", size);
        parameters.put("offset", (long) page * size);
        long[] total = {0};
        List<AuditRow> rows = new ArrayList<>(jdbc.sql(SELECT + where + NEWEST_FIRST).params(parameters).query((rs, n) -> {
            total[0] = rs.getLong("total");
            return new AuditRow(rs.getLong("id"), service, rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                    rs.getString("actor_unit"), rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"),
                    parse(rs.getString("before_json")), parse(rs.getString("after_json")));
        }).list());
        if (rows.isEmpty() && page > 0) {
            // a page past the last: the window function saw no row to count on
            total[0] = jdbc.sql("SELECT count(*) FROM audit_log WHERE " + where).params(filters).query(Long.class).single();
        }
        audit.record(scope.caller(), "audit-log", service, "audit-read", null, askedFor);
        return new PageResponse<>(rows, page, size, total[0], "occurredAt,desc");
    }

    private JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }
}
