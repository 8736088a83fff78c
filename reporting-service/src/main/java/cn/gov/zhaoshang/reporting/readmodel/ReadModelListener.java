package cn.gov.zhaoshang.reporting.readmodel;

import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.platform.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the read models current from the project, enterprise and targets topics. An event that
 * cannot be applied goes, after its retries, to the topic's dead-letter topic and the next one is read.
 */
@Component
public class ReadModelListener {

    /** The listener container's id; the rebuild stops and restarts it. */
    public static final String ID = "reporting-read-models";

    private final EventJson json;
    private final ReadModelProjector projector;

    public ReadModelListener(EventJson json, ReadModelProjector projector) {
        this.json = json;
        this.projector = projector;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = {Topics.PROJECT, Topics.ENTERPRISE, Topics.TARGETS})
    public void on(ConsumerRecord<String, String> record) {
        projector.apply(json.read(record.value()));
    }
}
