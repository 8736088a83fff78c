package cn.gov.zhaoshang.platform.consumption;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * {@code POST /actuator/deadletters/{topic}} (role admin) sends every record of {@code <topic>.dlt}
 * that this service has not re-driven yet back to {@code <topic>}, with its original key, and
 * remembers how far it got in the consumer group {@code <group>-redrive}. Re-driven events go
 * through the idempotent consumer again, so a record re-driven twice is still applied once. A topic
 * that is not one of the platform's is 404 problem details.
 */
@Endpoint(id = "deadletters")
public class DeadLetterRedriveEndpoint {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaTemplate<String, String> kafka;
    private final KafkaProperties kafkaProperties;

    public DeadLetterRedriveEndpoint(KafkaTemplate<String, String> kafka, KafkaProperties kafkaProperties) {
        this.kafka = kafka;
        this.kafkaProperties = kafkaProperties;
    }

    @WriteOperation
    public Map<String, Object> redrive(@Selector String topic) throws Exception {
        if (!Topics.ALL.contains(topic)) {
            throw new NotFoundException("platform topic", topic);
        }
        String deadLetterTopic = Topics.deadLetterTopicOf(topic);
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, redriveGroup());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> redrivenIds = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
            while (!caughtUp(consumer, endOffsets)) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    ProducerRecord<String, String> again = new ProducerRecord<>(topic, record.key(), record.value());
                    for (Header header : record.headers()) {
                        if (!header.key().startsWith(KafkaHeaders.PREFIX)) {
                            again.headers().add(header);
                        }
                    }
                    kafka.send(again).get(20, TimeUnit.SECONDS);
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                    redrivenIds.add(record.topic() + "-" + record.partition() + "@" + record.offset());
                }
            }
        }
        return Map.of("topic", topic, "redriven", redrivenIds.size(), "records", redrivenIds);
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private String redriveGroup() {
        String group = kafkaProperties.getConsumer().getGroupId();
        return (group == null ? "zhaoshang" : group) + "-redrive";
    }

}
