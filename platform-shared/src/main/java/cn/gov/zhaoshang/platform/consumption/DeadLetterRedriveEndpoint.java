package cn.gov.zhaoshang.platform.consumption;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The admin command that re-drives dead-lettered events once their cause is fixed:
 * {@code POST /actuator/deadletters/{topic}} (role admin), run by the service that <em>publishes</em>
 * {@code topic} ({@link Topics#PUBLISHERS}), never by a consumer: no service writes a topic it does
 * not own (issue 25, finding 6).
 *
 * <p>For every record of {@code <topic>.dlt} it has not handled yet (its place is kept in the consumer
 * group {@code <service>-redrive}), it reads the original event where the dead letter says it was
 * ({@code kafka_dlt-original-topic}, {@code -partition}, {@code -offset}) in its own topic, and
 * publishes that original again, key and headers included. The dead letter's own content is never
 * published: a consumer can write anything to a dead-letter topic, and a re-drive must not turn that
 * into an event of the owner's. Every consumer of the topic sees the event again; the idempotent
 * consumer applies it where it failed and skips it where it was applied. A dead letter that names
 * another topic, or whose original is gone (retention), is reported as refused and not published.
 * A topic that is not the platform's, or not this service's, is 404 problem details.
 */
@Endpoint(id = "deadletters")
public class DeadLetterRedriveEndpoint {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration ORIGINAL_DEADLINE = Duration.ofSeconds(10);

    private final KafkaTemplate<String, String> kafka;
    private final KafkaProperties kafkaProperties;
    private final String service;

    /**
     * @param service this service's {@code spring.application.name}: it re-drives the topics it
     *                publishes
     */
    public DeadLetterRedriveEndpoint(KafkaTemplate<String, String> kafka, KafkaProperties kafkaProperties, String service) {
        this.kafka = kafka;
        this.kafkaProperties = kafkaProperties;
        this.service = service;
    }

    @WriteOperation
    public Map<String, Object> redrive(@Selector String topic) throws Exception {
        if (!Topics.ALL.contains(topic)) {
            throw new NotFoundException("platform topic", topic);
        }
        if (!service.equals(Topics.PUBLISHERS.get(topic))) {
            throw new NotFoundException("the dead letters of " + topic + " are re-driven by " + Topics.PUBLISHERS.get(topic)
                    + ", which publishes it, not by " + service);
        }
        String deadLetterTopic = Topics.deadLetterTopicOf(topic);
        List<String> redriven = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        Set<TopicPartitionOffset> republished = new HashSet<>();
        try (KafkaConsumer<String, String> deadLetters = consumer(redriveGroup());
                KafkaConsumer<String, String> originals = consumer(null)) {
            List<TopicPartition> partitions = deadLetters.partitionsFor(deadLetterTopic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            deadLetters.assign(partitions);
            Map<TopicPartition, Long> endOffsets = deadLetters.endOffsets(partitions);
            while (!caughtUp(deadLetters, endOffsets)) {
                for (ConsumerRecord<String, String> deadLetter : deadLetters.poll(POLL)) {
                    String id = deadLetter.topic() + "-" + deadLetter.partition() + "@" + deadLetter.offset();
                    TopicPartitionOffset origin = TopicPartitionOffset.of(deadLetter);
                    if (origin == null || !origin.topic().equals(topic)) {
                        refused.put(id, "it does not name its original in " + topic);
                    } else if (republished.add(origin)) {
                        ConsumerRecord<String, String> original = origin.read(originals);
                        if (original == null) {
                            refused.put(id, "its original " + origin + " is no longer in the topic");
                        } else {
                            kafka.send(again(original)).get(20, TimeUnit.SECONDS);
                            redriven.add(id);
                        }
                    } else {
                        redriven.add(id);
                    }
                    deadLetters.commitSync(Map.of(new TopicPartition(deadLetter.topic(), deadLetter.partition()),
                            new OffsetAndMetadata(deadLetter.offset() + 1)));
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("topic", topic);
        result.put("redriven", redriven.size());
        result.put("records", redriven);
        result.put("refused", refused);
        return result;
    }

    private static ProducerRecord<String, String> again(ConsumerRecord<String, String> original) {
        ProducerRecord<String, String> again = new ProducerRecord<>(original.topic(), original.key(), original.value());
        for (Header header : original.headers()) {
            if (!header.key().startsWith(KafkaHeaders.PREFIX)) {
                again.headers().add(header);
            }
        }
        return again;
    }

    /** A consumer of this service's settings; in a group (committed by hand) or, without one, assigned and sought. */
    private KafkaConsumer<String, String> consumer(String group) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private String redriveGroup() {
        return service + "-redrive";
    }

    /** Where a dead letter's original was, from the headers the dead-letter recoverer wrote. */
    record TopicPartitionOffset(String topic, int partition, long offset) {

        static TopicPartitionOffset of(ConsumerRecord<?, ?> deadLetter) {
            Header topic = deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
            Header partition = deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
            Header offset = deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
            if (topic == null || partition == null || offset == null
                    || partition.value().length != Integer.BYTES || offset.value().length != Long.BYTES) {
                return null;
            }
            return new TopicPartitionOffset(new String(topic.value(), StandardCharsets.UTF_8),
                    ByteBuffer.wrap(partition.value()).getInt(), ByteBuffer.wrap(offset.value()).getLong());
        }

        /** The record at this place, or null if the topic no longer holds it. */
        ConsumerRecord<String, String> read(KafkaConsumer<String, String> consumer) {
            TopicPartition where = new TopicPartition(topic, partition);
            consumer.assign(List.of(where));
            consumer.seek(where, offset);
            long deadline = System.nanoTime() + ORIGINAL_DEADLINE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    // the first record at or after the offset: a later one means the original was deleted
                    return record.offset() == offset ? record : null;
                }
                if (consumer.position(where) > offset) {
                    return null;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }
}
