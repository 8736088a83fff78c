package cn.gov.zhaoshang.launcher;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.testsupport.Readiness;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until reporting-service has read every event on the topics its read models follow
 * (projects, enterprises and engagements, targets and teams): its consumer group's committed
 * offsets equal the topics' end offsets, twice in a row with no new event in between. A month
 * closed before that would freeze figures that miss the demo data just loaded.
 */
final class ReportingCatchUp {

    /** reporting-service's consumer group for the source topics (its {@code spring.kafka.consumer.group-id}). */
    static final String REPORTING_GROUP = "reporting-service";
    static final List<String> TOPICS = List.of(Topics.PROJECT, Topics.ENTERPRISE, Topics.TARGETS);

    private ReportingCatchUp() {
    }

    static void await(String bootstrapServers, Duration deadline) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            AtomicReference<Map<TopicPartition, Long>> lastEnds = new AtomicReference<>(Map.of());
            AtomicReference<String> lastLag = new AtomicReference<>("not read yet");
            Readiness.await("reporting-service read every event", deadline, () -> {
                Map<TopicPartition, Long> ends = endOffsets(admin);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(REPORTING_GROUP)
                        .partitionsToOffsetAndMetadata().get();
                long lag = ends.entrySet().stream().mapToLong(end -> {
                    OffsetAndMetadata read = committed.get(end.getKey());
                    return end.getValue() - (read == null ? 0 : read.offset());
                }).sum();
                lastLag.set(lag + " events behind");
                boolean stable = ends.equals(lastEnds.getAndSet(ends));
                return lag == 0 && stable;
            }, lastLag::get);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws InterruptedException, ExecutionException {
        List<TopicPartition> partitions = admin.describeTopics(TOPICS).allTopicNames().get().entrySet().stream()
                .flatMap(topic -> topic.getValue().partitions().stream()
                        .map(partition -> new TopicPartition(topic.getKey(), partition.partition())))
                .toList();
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }
}
