package cn.gov.zhaoshang.reporting.readmodel.infrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads topics from their beginning up to their end as it was when the reading started, outside
 * any consumer group (nothing is committed), record by record in partition order.
 */
@Component
public class TopicReplay {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaProperties kafkaProperties;

    public TopicReplay(KafkaProperties kafkaProperties) {
        this.kafkaProperties = kafkaProperties;
    }

    /** @return how many records were read */
    public long replay(List<String> topics, Consumer<ConsumerRecord<String, String>> handler) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        long read = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            for (String topic : topics) {
                List<TopicPartition> partitions = new ArrayList<>();
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                        if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                            handler.accept(record);
                            read++;
                        }
                    }
                }
            }
        }
        return read;
    }
}
