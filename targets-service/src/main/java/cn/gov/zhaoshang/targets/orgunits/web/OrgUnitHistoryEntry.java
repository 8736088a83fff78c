package cn.gov.zhaoshang.targets.orgunits.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One audited change of an org unit; {@code before} and {@code after} are the unit as it was and became. */
public record OrgUnitHistoryEntry(String action, Instant at, String actor, JsonNode before, JsonNode after) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static OrgUnitHistoryEntry of(Map<String, Object> row) {
        return new OrgUnitHistoryEntry((String) row.get("action"), ((Timestamp) row.get("occurred_at")).toInstant(),
                (String) row.get("actor"), tree(row.get("before")), tree(row.get("after")));
    }

    private static JsonNode tree(Object json) {
        return json == null ? null : JSON.readTree((String) json);
    }
}
