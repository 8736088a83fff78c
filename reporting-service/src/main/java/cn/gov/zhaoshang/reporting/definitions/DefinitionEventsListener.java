package cn.gov.zhaoshang.reporting.definitions;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.contracts.targets.DefinitionPublished;
import cn.gov.zhaoshang.platform.consumption.IdempotentConsumer;
import cn.gov.zhaoshang.platform.events.EventEnvelope;
import cn.gov.zhaoshang.platform.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the definition versions targets-service publishes on {@code zhaoshang.targets.v1}. It
 * reads in a consumer group of its own, so that it sees every partition of the topic whatever the
 * service's other listeners on it do; each event is applied once.
 */
@Component
public class DefinitionEventsListener {

    private final EventJson json;
    private final IdempotentConsumer idempotent;
    private final DefinitionVersions versions;

    public DefinitionEventsListener(EventJson json, IdempotentConsumer idempotent, DefinitionVersions versions) {
        this.json = json;
        this.idempotent = idempotent;
        this.versions = versions;
    }

    @KafkaListener(id = "reporting-definitions", topics = Topics.TARGETS, groupId = "${spring.application.name}.definitions")
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope event = json.read(record.value());
        if (EventTypes.TARGETS_DEFINITION_PUBLISHED.equals(event.type())) {
            idempotent.applyOnce(event, published -> versions.record(json.dataAs(published, DefinitionPublished.class)));
        }
    }
}
