package cn.gov.zhaoshang.contracts;

import cn.gov.zhaoshang.contracts.project.ProjectRegistered;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Events as a producer builds them, with Jackson 3's default settings. */
final class ContractFixtures {

    /** A mapper with Jackson 3 defaults, nothing configured. */
    static final JsonMapper DEFAULT_MAPPER = JsonMapper.builder().build();

    static final UUID PROJECT_ID = UUID.fromString("5f0c2a7e-8d3b-4c1e-9a4f-6b2d8e1c3f70");

    private ContractFixtures() {
    }

    static ProjectRegistered signedProject() {
        return new ProjectRegistered(
                PROJECT_ID,
                "新能源电池材料产业园",
                "450881",
                "SIGNED",
                "89015000000.00",
                LocalDate.of(2026, 11, 1),
                "C3985",
                true,
                Instant.parse("2026-11-01T02:30:00Z"));
    }

    static ProjectRegistered leadProject() {
        return new ProjectRegistered(
                PROJECT_ID,
                "文旅综合体招商线索",
                "450881",
                "LEAD",
                null,
                null,
                "R",
                false,
                Instant.parse("2026-11-01T02:30:00.123456Z"));
    }

    /** A complete structured-mode CloudEvent around {@code data}. */
    static ObjectNode envelope(String type, String subject, Object data) {
        ObjectNode event = DEFAULT_MAPPER.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", "0b8e6f4e-4a53-4f0e-9c0e-2f4c1f7d5a11");
        event.put("source", "/zhaoshang/project-service");
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", "2026-11-01T02:30:00Z");
        event.put("datacontenttype", "application/json");
        event.put("orgpath", "450000.450800.450881");
        event.set("data", DEFAULT_MAPPER.valueToTree(data));
        return event;
    }

    static ObjectNode projectRegisteredEvent(ProjectRegistered data) {
        return envelope(EventTypes.PROJECT_REGISTERED, data.projectId().toString(), data);
    }

    static String json(JsonNode node) {
        return DEFAULT_MAPPER.writeValueAsString(node);
    }
}
