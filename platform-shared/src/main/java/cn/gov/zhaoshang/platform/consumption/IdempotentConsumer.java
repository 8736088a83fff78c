package cn.gov.zhaoshang.platform.consumption;

import java.util.function.Consumer;

import cn.gov.zhaoshang.platform.events.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an event's effect at most once: the event's (source, id) is recorded in the same
 * transaction as the effect. A redelivered event finds its row and is skipped; an effect that
 * fails rolls the record back with it, so the event can be tried again.
 */
public class IdempotentConsumer {

    private final JdbcClient jdbc;

    public IdempotentConsumer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether the effect was applied now (false: it had been applied before) */
    @Transactional
    public boolean applyOnce(EventEnvelope event, Consumer<EventEnvelope> effect) {
        int inserted = jdbc.sql("""
                INSERT INTO processed_event (event_source, event_id, event_type) VALUES (:source, :id, :type)
                ON CONFLICT DO NOTHING""")
                .param("source", event.source()).param("id", event.id()).param("type", event.type())
                .update();
        if (inserted == 0) {
            return false;
        }
        effect.accept(event);
        return true;
    }
}
