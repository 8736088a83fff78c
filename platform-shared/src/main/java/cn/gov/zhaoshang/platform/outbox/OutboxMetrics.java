package cn.gov.zhaoshang.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's health in two numbers: how many events wait to be published, and how long the
 * oldest of them has waited (publish lag). Both are read from the outbox table when scraped.
 */
public class OutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    public OutboxMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("zhaoshang.outbox.pending", this, OutboxMetrics::pendingCount)
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("zhaoshang.outbox.publish.lag", this, OutboxMetrics::oldestPendingAgeSeconds)
                .description("Age of the oldest unpublished event")
                .baseUnit("seconds")
                .register(registry);
    }

    public long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM outbox_record WHERE completed_at IS NULL")
                .query(Long.class).single();
    }

    double oldestPendingAgeSeconds() {
        Double age = jdbc.sql("""
                SELECT EXTRACT(EPOCH FROM (now() - min(created_at)))
                FROM outbox_record WHERE completed_at IS NULL""")
                .query(Double.class).optional().orElse(null);
        return age == null ? 0.0 : age;
    }
}
