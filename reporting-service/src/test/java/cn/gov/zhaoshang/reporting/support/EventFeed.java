package cn.gov.zhaoshang.reporting.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends many events through the real topics with one producer, in order, each checked against its
 * contract first, and waits until the reporting consumer group has committed past the last record
 * of every partition written to.
 */
public final class EventFeed {

    private EventFeed() {
    }

    public static void sendAndAwait(String bootstrapServers, String group, List<Events.Event> events, Duration deadline) {
        Map<String, RecordMetadata> lastPerPartition = new HashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
            for (Events.Event event : events) {
                assertThat(EventSchemaValidator.shared().validate(event.json())).as("test events follow the contract: " + event.json())
                        .isEmpty();
                sent.add(producer.send(new ProducerRecord<>(event.topic(), event.key(), event.json())));
            }
            producer.flush();
            for (Future<RecordMetadata> future : sent) {
                RecordMetadata metadata = future.get();
                lastPerPartition.merge(metadata.topic() + "-" + metadata.partition(), metadata,
                        (a, b) -> a.offset() >= b.offset() ? a : b);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send the events", e);
        }
        for (RecordMetadata last : lastPerPartition.values()) {
            assertThat(TopicReader.awaitConsumedPast(bootstrapServers, group, last, deadline))
                    .as("consumed past " + last).isTrue();
        }
    }
}
