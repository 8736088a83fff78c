package cn.gov.zhaoshang.reporting.projects;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.contracts.project.ProjectRegistered;
import cn.gov.zhaoshang.platform.consumption.IdempotentConsumer;
import cn.gov.zhaoshang.platform.events.EventEnvelope;
import cn.gov.zhaoshang.platform.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the project read model current from {@code zhaoshang.project.v1}. Each event is applied
 * once; one that cannot be applied goes to the dead-letter topic and the next one is read.
 */
@Component
public class ProjectEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ProjectEventsListener.class);

    private final EventJson json;
    private final IdempotentConsumer idempotent;
    private final ProjectFacts facts;

    public ProjectEventsListener(EventJson json, IdempotentConsumer idempotent, ProjectFacts facts) {
        this.json = json;
        this.idempotent = idempotent;
        this.facts = facts;
    }

    @KafkaListener(topics = Topics.PROJECT)
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope event = json.read(record.value());
        switch (event.type()) {
            case EventTypes.PROJECT_REGISTERED -> idempotent.applyOnce(event,
                    registered -> facts.register(json.dataAs(registered, ProjectRegistered.class)));
            default -> log.debug("ignoring event type {} that reporting does not use yet", event.type());
        }
    }
}
