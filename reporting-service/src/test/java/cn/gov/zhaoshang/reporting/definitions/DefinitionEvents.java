package cn.gov.zhaoshang.reporting.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.contracts.targets.DefinitionPublished;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.producer.RecordMetadata;
import tools.jackson.databind.json.JsonMapper;

/**
 * Definition-published events as targets-service sends them, for tests. Tests share one database,
 * so each test class keeps to its own versions and effective years; version 1 (no rules, in force
 * from 2000) is the same for every test that needs it.
 */
public final class DefinitionEvents {

    public static final String CONSUMER_GROUP = "reporting-service.definitions";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DefinitionEvents() {
    }

    public static String published(int version, LocalDate effectiveFrom, DefinitionPublished.Rules rules) {
        DefinitionPublished data = new DefinitionPublished(version, effectiveFrom, Instant.parse("2026-01-01T00:00:00Z"),
                List.of("CONTRACT_INVESTMENT", "COMPLETION_RATE", "PROGRESS_GAP"), rules);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("source", "/zhaoshang/targets-service");
        envelope.put("type", EventTypes.TARGETS_DEFINITION_PUBLISHED);
        envelope.put("subject", "metric-definitions");
        envelope.put("time", Instant.now().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("orgpath", "450000");
        envelope.put("data", data);
        String event = JSON.writeValueAsString(envelope);
        assertThat(EventSchemaValidator.shared().validate(event)).as("test events follow the contract").isEmpty();
        return event;
    }

    public static RecordMetadata send(String event) {
        return TopicReader.send(PlatformServers.kafka().bootstrapServers(), Topics.TARGETS, "metric-definitions", event);
    }

    /** Sends the event and waits until the definitions listener has dealt with it. */
    public static void sendAndAwait(String event) {
        RecordMetadata sent = send(event);
        assertThat(TopicReader.awaitConsumedPast(PlatformServers.kafka().bootstrapServers(), CONSUMER_GROUP, sent,
                Duration.ofSeconds(30))).as("the definitions listener read the event").isTrue();
    }

    /** Version 1 as targets-service's first start publishes it, here without rules: metrics.md's defaults. */
    public static void ensureDefaultVersion1() {
        sendAndAwait(published(1, LocalDate.of(2000, 1, 1), null));
    }
}
