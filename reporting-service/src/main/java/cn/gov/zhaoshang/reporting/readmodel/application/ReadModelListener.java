package cn.gov.zhaoshang.reporting.readmodel.application;

import java.util.List;

import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.platform.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the read models current from the project, enterprise and targets topics. An event that
 * cannot be applied goes, after its retries, to the topic's dead-letter topic and the next one is read.
 *
 * <p>It takes what each poll returns as one batch and applies it in one transaction, in the order
 * of each partition: one commit per poll instead of one per event let the listener keep up at
 * 200 events/s on a busy machine, where it fell seconds behind before (docs/benchmarks/history.md,
 * propagation). Each event still writes its processed-event row in that transaction, so a
 * redelivered event, even twice in one batch, changes nothing. When the batch fails, nothing of it
 * is kept; the events are then applied again one by one, each in its own transaction as before,
 * up to the one that fails: the error handler commits the offsets before it, retries it and
 * dead-letters it, and goes on with the rest.
 */
@Component
public class ReadModelListener {

    /** The listener container's id; the rebuild stops and restarts it. */
    public static final String ID = "reporting-read-models";

    private final EventJson json;
    private final ReadModelProjector projector;
    private final TransactionTemplate transactions;

    public ReadModelListener(EventJson json, ReadModelProjector projector, TransactionTemplate transactions) {
        this.json = json;
        this.projector = projector;
        this.transactions = transactions;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = {Topics.PROJECT, Topics.ENTERPRISE, Topics.TARGETS}, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        try {
            transactions.executeWithoutResult(status -> records.forEach(this::apply));
        } catch (RuntimeException batchFailed) {
            applyOneByOne(records);
        }
    }

    /** Applies each record in its own transaction; the first that fails is handed to the error handler. */
    private void applyOneByOne(List<ConsumerRecord<String, String>> records) {
        for (int index = 0; index < records.size(); index++) {
            try {
                apply(records.get(index));
            } catch (RuntimeException failed) {
                // the message is the cause's, as the dead-letter headers showed it before batches
                throw new BatchListenerFailedException(String.valueOf(failed.getMessage()), failed, index);
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        projector.apply(json.read(record.value()));
    }
}
