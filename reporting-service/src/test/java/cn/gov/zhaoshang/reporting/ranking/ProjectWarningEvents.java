package cn.gov.zhaoshang.reporting.ranking;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.reporting.support.Events;

/** Project warnings as project-service raises them, for tests; the project id is the warning's. */
public final class ProjectWarningEvents {

    private ProjectWarningEvents() {
    }

    public static Events.Event raised(UUID id, String unit, String kind, String stage, String since, String raisedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("warningId", id.toString());
        data.put("projectId", id.toString());
        data.put("orgUnit", unit);
        data.put("kind", kind);
        data.put("stage", stage);
        data.put("since", since);
        data.put("raisedAt", raisedAt);
        return Events.event(EventTypes.PROJECT_WARNING_RAISED, id.toString(), Events.orgpath(unit), data);
    }
}
