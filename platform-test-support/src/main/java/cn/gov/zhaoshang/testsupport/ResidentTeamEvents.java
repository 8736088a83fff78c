package cn.gov.zhaoshang.testsupport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Resident teams as targets-service announces them, for the services that keep a copy of the
 * teams: the event is sent to the JVM's broker, and the call returns once the service's consumer
 * group has read past it.
 */
public final class ResidentTeamEvents {

    private ResidentTeamEvents() {
    }

    /**
     * Defines an open team of a unit and waits until {@code consumerGroup} (e.g.
     * {@code project-service.teams}) has read the event.
     *
     * @param orgPath the unit's path in the org tree, e.g. {@code 450000.450800}
     * @return the team's id
     */
    public static UUID define(String consumerGroup, String orgUnit, String orgPath, String name) {
        return announce(consumerGroup, orgUnit, orgPath, name, false);
    }

    /** As {@link #define}, for a team that was closed (its work ended on 2026-06-30). */
    public static UUID defineClosed(String consumerGroup, String orgUnit, String orgPath, String name) {
        return announce(consumerGroup, orgUnit, orgPath, name, true);
    }

    private static UUID announce(String consumerGroup, String orgUnit, String orgPath, String name, boolean closed) {
        UUID team = UUID.randomUUID();
        Map<String, Object> defined = new LinkedHashMap<>();
        defined.put("teamId", team.toString());
        defined.put("orgUnit", orgUnit);
        defined.put("leadDepartment", null);
        defined.put("name", name);
        defined.put("keyArea", "GBA");
        defined.put("memberCount", 4);
        defined.put("activeFrom", "2026-01-01");
        defined.put("activeUntil", closed ? "2026-06-30" : null);
        defined.put("closed", closed);
        defined.put("contractTargets", Map.of());
        defined.put("change", "DEFINED");
        String event = TestEvents.envelope(EventTypes.TARGETS_TEAM_DEFINED, "/zhaoshang/targets-service", team.toString(),
                orgPath, defined);
        if (!EventSchemaValidator.shared().validate(event).isEmpty()) {
            throw new IllegalStateException("the test's team event breaks its schema: " + EventSchemaValidator.shared().validate(event));
        }
        String brokers = PlatformServers.kafka().bootstrapServers();
        RecordMetadata sent = TopicReader.send(brokers, Topics.TARGETS, team.toString(), event);
        if (!TopicReader.awaitConsumedPast(brokers, consumerGroup, sent, Duration.ofSeconds(30))) {
            throw new IllegalStateException(consumerGroup + " did not read the team event within 30 s");
        }
        return team;
    }
}
