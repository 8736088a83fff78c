package cn.gov.zhaoshang.reporting.definitions.application;

import cn.gov.zhaoshang.reporting.definitions.infrastructure.DefinitionVersions;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.contracts.targets.DefinitionPublished;
import cn.gov.zhaoshang.platform.events.EventEnvelope;
import cn.gov.zhaoshang.platform.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the definition versions targets-service publishes on {@code zhaoshang.targets.v1}, in a
 * consumer group of its own, so that it sees every partition of the topic whatever the service's
 * other listeners on it do. An event that cannot be applied is retried and dead-lettered like any
 * other (the shared container error handling).
 *
 * <p>Applying an event is idempotent by itself: a published version never changes, so its row is
 * written once, keyed by version, and a redelivery or a replay finds it there. It deliberately does
 * not record a {@code processed_event} row: that table is keyed by event only, one row per service,
 * so it would make any other consumer of the same event in this service skip it.
 */
@Component
public class DefinitionEventsListener {

    private final EventJson json;
    private final DefinitionVersions versions;

    public DefinitionEventsListener(EventJson json, DefinitionVersions versions) {
        this.json = json;
        this.versions = versions;
    }

    @KafkaListener(id = "reporting-definitions", topics = Topics.TARGETS, groupId = "${spring.application.name}.definitions")
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope event = json.read(record.value());
        if (EventTypes.TARGETS_DEFINITION_PUBLISHED.equals(event.type())) {
            versions.record(json.dataAs(event, DefinitionPublished.class));
        }
    }
}
