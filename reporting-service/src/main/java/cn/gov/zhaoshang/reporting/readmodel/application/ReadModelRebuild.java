package cn.gov.zhaoshang.reporting.readmodel.application;

import cn.gov.zhaoshang.reporting.readmodel.infrastructure.TopicReplay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.platform.events.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the read models again from scratch: stops the listener, empties the read models and
 * forgets having processed their event types, replays the topics from their beginning through the
 * same {@link ReadModelProjector} the listener uses, and starts the listener again. The listener
 * then resumes from its committed offsets; what the replay already applied is skipped as processed.
 * Reports read while it runs see partial figures.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    /** Replayed in this order: targets and teams first, then engagements, then projects. */
    static final List<String> TOPICS = List.of(Topics.TARGETS, Topics.ENTERPRISE, Topics.PROJECT);

    /** Every table built from events, except the org-unit aliases (kept so old codes still resolve). */
    static final List<String> READ_MODEL_TABLES = List.of("project_fact", "unit_month_signing", "team_month_signing",
            "unit_stage_reached", "unit_month_intake", "project_funds", "unit_month_funds", "unit_target",
            "resident_team", "engagement_enterprise", "engagement_fact", "project_warning");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaListenerEndpointRegistry listeners;
    private final TopicReplay replay;
    private final ReadModelProjector projector;
    private final EventJson json;

    public ReadModelRebuild(JdbcClient jdbc, TransactionTemplate transactions, KafkaListenerEndpointRegistry listeners,
            TopicReplay replay, ReadModelProjector projector, EventJson json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.listeners = listeners;
        this.replay = replay;
        this.projector = projector;
        this.json = json;
    }

    /** Result of a rebuild; {@code failures} are events that could not be applied (they were dead-lettered when they first came). */
    public record Result(long read, long applied, long failed, List<String> failures, long tookMillis) {
    }

    public synchronized Result rebuild() {
        long started = System.nanoTime();
        MessageListenerContainer container = listeners.getListenerContainer(ReadModelListener.ID);
        boolean wasRunning = container != null && container.isRunning();
        if (wasRunning) {
            container.stop();
        }
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("TRUNCATE " + String.join(", ", READ_MODEL_TABLES)).update();
                jdbc.sql("DELETE FROM processed_event WHERE event_type IN (:types)")
                        .param("types", List.copyOf(ReadModelProjector.APPLIED_TYPES)).update();
            });
            AtomicLong applied = new AtomicLong();
            List<String> failures = new ArrayList<>();
            long read = replay.replay(TOPICS, record -> {
                try {
                    if (projector.apply(json.read(record.value()))) {
                        applied.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failures.add(record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + e.getMessage());
                }
            });
            long took = (System.nanoTime() - started) / 1_000_000;
            log.info("read models rebuilt from {} records: {} applied, {} could not be applied, in {} ms",
                    read, applied.get(), failures.size(), took);
            return new Result(read, applied.get(), failures.size(), failures.stream().limit(50).toList(), took);
        } finally {
            if (wasRunning) {
                container.start();
            }
        }
    }

    public Map<String, Object> describe(Result result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("read", result.read());
        body.put("applied", result.applied());
        body.put("failed", result.failed());
        body.put("failures", result.failures());
        body.put("tookMillis", result.tookMillis());
        return body;
    }
}
