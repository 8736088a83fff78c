package cn.gov.zhaoshang.reporting.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.contracts.report.ReportPublished;
import cn.gov.zhaoshang.platform.events.EventEnvelope;
import cn.gov.zhaoshang.platform.events.EventJson;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.reporting.support.Events;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.PostgresServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 6, acceptance 8 (propagation), a benchmark and not a test: it runs only when asked for,
 * alone in its JVM, by {@code bench/propagation-benchmark.sh} (which also gives that JVM the
 * services' collector, and says why).
 *
 * It measures, at 200 events/s on the one broker, the three legs of a project's way into a report,
 * each from the clock of this one JVM (the broker may run in its own, {@code -Dplatform.kafka.own-jvm=true},
 * as the script runs it):
 * <ol>
 * <li><b>Kafka alone</b>: producer send → consumer poll, plain records;</li>
 * <li><b>commit → Kafka</b>: the shared outbox ({@link EventPublisher}, the same code project-service
 * commits its events with) from the commit of the writing transaction to a consumer reading the
 * record;</li>
 * <li><b>Kafka → report</b>: a project-registered record sent to {@code zhaoshang.project.v1} until the
 * reporting read model holds it (the project row and the report's aggregates commit together, so a
 * report read after that shows it);</li>
 * <li><b>commit → report</b>, the whole path in one: a project-registered event committed through the
 * shared outbox until the read model holds it.</li>
 * </ol>
 * project-service itself does not run in this JVM: legs 2 and 4 commit through reporting-service's own
 * outbox, which is the shared library's (the code project-service commits its events with), configured
 * by the same platform defaults. The report is written to {@code target/benchmarks/propagation.txt}.
 */
@PlatformIntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true",
        disabledReason = "a benchmark, run on purpose with -Dbenchmark=true (docs/benchmarks.md)")
class PropagationBenchmark {

    private static final int RATE_PER_SECOND = 200;
    /** Per leg; {@code -Dbenchmark.run=60} (seconds) for a longer run while looking for a slow drift. */
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("benchmark.run", 20));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warm-up", 3));
    /** Every leg: {@link #WARM_UP} dropped, then {@link #RUN} measured. */
    private static final Phase LEG = new Phase(WARM_UP, RUN);
    /**
     * Before the legs, the whole path runs at the same rate for this long, so that the legs measure a
     * warm JVM, as a service that has been up for a while is; its figures are reported too. On this
     * 2-core machine the JIT compilers still took half a core a minute into a cold run, and a leg
     * measured then showed the compilers, not the path (docs/benchmarks/history.md, propagation, fourth round).
     * {@code -Dbenchmark.jvm-warm-up=0} leaves it out.
     */
    private static final Duration JVM_WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.jvm-warm-up", 90));

    @Autowired
    EventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventJson json;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void propagationAt200EventsPerSecond() throws Exception {
        String kafka = PlatformServers.kafka().bootstrapServers();
        List<String> report = new ArrayList<>();
        report.add("rate: " + RATE_PER_SECOND + " events/s; first the whole path for " + JVM_WARM_UP.toSeconds()
                + " s (JVM warm-up), then " + RUN.toSeconds() + " s per leg, after " + WARM_UP.toSeconds() + " s of warm-up each; "
                + Runtime.getRuntime().availableProcessors() + " cores; collector "
                + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());

        if (!JVM_WARM_UP.isZero()) {
            report.addAll(endToEnd(kafka, new Phase(Duration.ZERO, JVM_WARM_UP), "0. JVM warm-up, the whole path", false));
        }
        // all four by default; -Dbenchmark.legs=4 (say) runs only some, for a shorter run while iterating
        Set<String> legs = Set.of(System.getProperty("benchmark.legs", "1,2,3,4").split(","));
        if (legs.contains("1")) {
            report.add(kafkaAlone(kafka).line("1. Kafka alone, send → poll"));
        }
        if (legs.contains("2")) {
            report.add(outbox(kafka).line("2. outbox: commit → poll"));
        }
        if (legs.contains("3")) {
            report.add(intoReport(kafka).line("3. Kafka → read model (report)"));
        }
        if (legs.contains("4")) {
            report.addAll(endToEnd(kafka, LEG, "4. end to end: commit → report", true));
        }

        Path out = Path.of("target/benchmarks/propagation.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    /** Plain records on a topic of their own: the broker's and clients' own latency. */
    private Leg kafkaAlone(String kafka) throws Exception {
        String topic = "bench.kafka-alone." + UUID.randomUUID();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            producer.send(new ProducerRecord<>(topic, "create", "create")).get();
            Thread reader = consume(kafka, topic, running, record -> {
                Long sent = sentAt.get(record.value());
                if (sent != null) {
                    latencies.add((System.nanoTime() - sent) / 1e6);
                }
            });
            paced(LEG, () -> {
                String id = UUID.randomUUID().toString();
                sentAt.put(id, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, id, id));
            }, latencies);
            int expected = awaitCount(LEG, latencies, sentAt.size());
            running.set(false);
            reader.join();
            return new Leg(latencies, expected);
        }
    }

    /** An event written in a transaction through the shared outbox, timed from that transaction's commit. */
    private Leg outbox(String kafka) throws Exception {
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread reader = consume(kafka, Topics.REPORT, running, record -> {
            Long committed = committedAt.get(record.key());
            if (committed != null) {
                latencies.add((System.nanoTime() - committed) / 1e6);
            }
        });
        paced(LEG, () -> {
            UUID id = UUID.randomUUID();
            transactions.executeWithoutResult(status -> publisher.publish(EventTypes.REPORT_PUBLISHED, id.toString(), "450800",
                    new ReportPublished(id, "450800", "2099-01", Instant.now(), false, 1, Map.of("SIGNED_COUNT_MONTH", "0"))));
            committedAt.put(id.toString(), System.nanoTime());
        }, latencies);
        int expected = awaitCount(LEG, latencies, committedAt.size());
        running.set(false);
        reader.join();
        return new Leg(latencies, expected);
    }

    /** A project-registered record until the read model has it, as PostgreSQL tells the observer. */
    private Leg intoReport(String kafka) throws Exception {
        Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread observer = readModelObserver(sentAt, latencies, running);
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            paced(LEG, () -> {
                UUID id = UUID.randomUUID();
                Events.Event event = Events.registered(new Events.ProjectSpec(id, "450881", "SIGNED", "1000.00",
                        LocalDate.of(2099, 1, 15), false, true, List.of(), null, null, null, LocalDate.of(2099, 1, 15)));
                sentAt.put(id, System.nanoTime());
                producer.send(new ProducerRecord<>(event.topic(), event.key(), event.json()));
            }, latencies);
            int expected = awaitCount(LEG, latencies, sentAt.size());
            running.set(false);
            observer.join();
            return new Leg(latencies, expected);
        }
    }

    /**
     * A project-registered event committed through the outbox until the read model holds it: the whole
     * path. A plain consumer of the project topic beside reporting's listener splits it in two for each
     * record it sees before the read model has it: commit → on the topic, and on the topic → report.
     */
    private List<String> endToEnd(String kafka, Phase phase, String label, boolean withTimeline) throws Exception {
        Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
        Map<UUID, Long> onTopicAt = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Double> toTopic = Collections.synchronizedList(new ArrayList<>());
        List<Double> topicToReport = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread reader = consume(kafka, Topics.PROJECT, running, record -> {
            UUID id = UUID.fromString(record.key());
            Long committed = committedAt.get(id);
            if (committed != null) {
                long now = System.nanoTime();
                onTopicAt.put(id, now);
                toTopic.add((now - committed) / 1e6);
            }
        });
        Map<UUID, Long> seenAt = new ConcurrentHashMap<>();
        Thread observer = readModelObserver(committedAt, latencies, running, (id, now) -> {
            seenAt.put(id, now);
            Long onTopic = onTopicAt.get(id);
            if (onTopic != null) {
                topicToReport.add((now - onTopic) / 1e6);
            }
        });
        paced(phase, () -> {
            UUID id = UUID.randomUUID();
            Events.Event event = Events.registered(new Events.ProjectSpec(id, "450881", "SIGNED", "1000.00",
                    LocalDate.of(2099, 2, 15), false, true, List.of(), null, null, null, LocalDate.of(2099, 2, 15)));
            EventEnvelope envelope = json.read(event.json());
            transactions.executeWithoutResult(status -> publisher.publish(envelope.type(), event.key(), "450881", envelope.data()));
            committedAt.put(id, System.nanoTime());
        }, latencies, toTopic, topicToReport);
        int expected = awaitCount(phase, latencies, committedAt.size());
        running.set(false);
        observer.join();
        reader.join();
        List<String> lines = new ArrayList<>(List.of(new Leg(latencies, expected).line(label),
                new Leg(toTopic, expected).line("   a. of it: commit → on the topic"),
                new Leg(topicToReport, topicToReport.size()).line("   b. of it: on the topic → report")));
        if (withTimeline) {
            lines.addAll(timeline(committedAt, onTopicAt, seenAt));
        }
        return lines;
    }

    /**
     * Second by second from the first commit: how many were committed, and the slowest of them to the
     * topic and to the report; shows whether a backlog starts at one stall or builds up. One never
     * seen in the report counts as infinitely slow; one the plain consumer missed on the topic (it
     * stops with the run) is left out of the topic's column.
     */
    private static List<String> timeline(Map<UUID, Long> committedAt, Map<UUID, Long> onTopicAt, Map<UUID, Long> seenAt) {
        long first = committedAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        TreeMap<Long, double[]> seconds = new TreeMap<>();
        committedAt.forEach((id, committed) -> {
            double[] second = seconds.computeIfAbsent((committed - first) / 1_000_000_000L, key -> new double[3]);
            second[0]++;
            Long onTopic = onTopicAt.get(id);
            Long seen = seenAt.get(id);
            if (onTopic != null) {
                second[1] = Math.max(second[1], (onTopic - committed) / 1e6);
            }
            second[2] = Math.max(second[2], seen == null ? Double.POSITIVE_INFINITY : (seen - committed) / 1e6);
        });
        List<String> lines = new ArrayList<>();
        // the wall clock of second 0, to line the timeline up with a GC log or PostgreSQL's log
        lines.add("   second 0 began at " + Instant.now().minusNanos(System.nanoTime() - first) + " (UTC)");
        lines.add("   second  committed  max to topic  max to report (ms)");
        seconds.forEach((second, figures) -> lines.add(String.format("   %6d  %9.0f  %12.1f  %17.1f", second, figures[0], figures[1], figures[2])));
        return lines;
    }

    /**
     * Times each project from its start in {@code startedAt} to the commit that puts it in the read
     * model, told by PostgreSQL itself: a trigger the benchmark adds to {@code project_fact} sends a
     * notification with the project's id, which PostgreSQL delivers to this listening connection when
     * the writing transaction commits — the moment a report read would show it. Until 2026-11-23 08:00
     * the observer polled the table once a millisecond instead, a thousand queries a second that took
     * about a fifth of a core (its PostgreSQL backend and its thread) on the two cores the relay and the
     * listener it measured needed (docs/benchmarks/history.md, propagation, fourth round). A project notified
     * before its start was recorded is not counted, so it shows as undelivered: slower, never faster.
     */
    private Thread readModelObserver(Map<UUID, Long> startedAt, List<Double> latencies, AtomicBoolean running) throws SQLException {
        return readModelObserver(startedAt, latencies, running, (id, now) -> { });
    }

    private Thread readModelObserver(Map<UUID, Long> startedAt, List<Double> latencies, AtomicBoolean running,
            java.util.function.ObjLongConsumer<UUID> onSeen) throws SQLException {
        // the observer's own connection, never the service's pool; listening before the load starts
        Connection connection = DriverManager.getConnection(databaseUrl, PostgresServer.USER, PostgresServer.PASSWORD);
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE FUNCTION benchmark_project_fact_committed() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        PERFORM pg_notify('benchmark_project_fact', NEW.project_id::text);
                        RETURN NULL;
                    END $$""");
            statement.execute("""
                    CREATE OR REPLACE TRIGGER benchmark_project_fact_committed AFTER INSERT OR UPDATE ON project_fact
                    FOR EACH ROW EXECUTE FUNCTION benchmark_project_fact_committed()""");
            statement.execute("LISTEN benchmark_project_fact");
        }
        PGConnection notifications = connection.unwrap(PGConnection.class);
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        return Thread.ofPlatform().start(() -> {
            try (connection) {
                while (running.get()) {
                    PGNotification[] batch = notifications.getNotifications(50);
                    long now = System.nanoTime();
                    for (PGNotification notification : batch == null ? new PGNotification[0] : batch) {
                        UUID id = UUID.fromString(notification.getParameter());
                        Long started = startedAt.get(id);
                        if (started != null && seen.add(id)) {
                            latencies.add((now - started) / 1e6);
                            onSeen.accept(id, now);
                        }
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP TRIGGER benchmark_project_fact_committed ON project_fact");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the read-model observer lost its connection", e);
            }
        });
    }

    /** Runs {@code send} at the fixed rate for the warm-up and the run; latencies of the warm-up are dropped. */
    @SafeVarargs
    private static void paced(Phase phase, Runnable send, List<Double>... latencies) throws InterruptedException {
        long interval = 1_000_000_000L / RATE_PER_SECOND;
        long start = System.nanoTime();
        long warmUpEnd = start + phase.warmUp().toNanos();
        long end = warmUpEnd + phase.run().toNanos();
        boolean cleared = false;
        for (long next = start; next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            if (!cleared && System.nanoTime() >= warmUpEnd) {
                // what arrives from here on was sent after the warm-up, give or take the records in flight
                for (List<Double> list : latencies) {
                    list.clear();
                }
                cleared = true;
            }
            send.run();
        }
    }

    /**
     * Waits up to 20 s after the run for the records sent after the warm-up.
     *
     * @return how many were sent after the warm-up (give or take those in flight when it ended)
     */
    private static int awaitCount(Phase phase, List<Double> latencies, int sent) {
        int expected = sent - (int) (phase.warmUp().toSeconds() * RATE_PER_SECOND);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> latencies.size() >= expected);
        } catch (ConditionTimeoutException undelivered) {
            // not a failure: what is still missing counts as slower than any delivered (Leg.line)
        }
        return expected;
    }

    /** A stretch of load at the fixed rate: the first {@code warmUp} is not counted, the {@code run} after it is. */
    private record Phase(Duration warmUp, Duration run) {
    }

    /** The latencies measured of a leg, and how many records were sent after its warm-up. */
    private record Leg(List<Double> latencies, int sent) {

        /** Percentiles over all that were sent: one still undelivered counts as slower than any delivered. */
        String line(String leg) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            int total = Math.max(sent, sorted.size());
            return String.format("%-34s delivered %5d of %5d  p50 %s  p99 %s  max %s", leg, sorted.size(), total,
                    percentile(sorted, total, 50), percentile(sorted, total, 99), sorted.isEmpty() ? "-" : ms(sorted.getLast()));
        }

        private static String percentile(List<Double> sorted, int total, int percent) {
            int index = (int) Math.ceil(percent / 100.0 * total) - 1;
            return index < sorted.size() ? ms(sorted.get(Math.max(0, index))) : "not delivered within 20 s after the run";
        }

        private static String ms(double millis) {
            return String.format("%.1f ms", millis);
        }
    }

    private static Thread consume(String kafka, String topic, AtomicBoolean running,
            java.util.function.Consumer<ConsumerRecord<String, String>> onRecord) throws InterruptedException {
        Object assigned = new Object();
        AtomicBoolean ready = new AtomicBoolean(false);
        Thread thread = Thread.ofPlatform().start(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(50));
                }
                consumer.seekToEnd(consumer.assignment());
                consumer.assignment().forEach(consumer::position);
                synchronized (assigned) {
                    ready.set(true);
                    assigned.notifyAll();
                }
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        onRecord.accept(record);
                    }
                }
            }
        });
        synchronized (assigned) {
            while (!ready.get()) {
                assigned.wait(100);
            }
        }
        return thread;
    }

    private static KafkaProducer<String, String> producer(String kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }
}
