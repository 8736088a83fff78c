package cn.gov.zhaoshang.project.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestUser;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Issue 25, finding 6: dead letters are re-driven by the service that publishes the topic, never by
 * a consumer, and what is published again is the original event read from the owner's own topic,
 * never the dead letter's content (which any consumer of the topic can write).
 */
@PlatformIntegrationTest
class DeadLetterRedriveIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    String kafka;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        kafka = PlatformServers.kafka().bootstrapServers();
        admin = ApiClient.atPort(port).as(TestUser.GX_ADMIN);
    }

    @Test
    void theOriginalEventIsPublishedAgainNotWhatTheDeadLetterSays() {
        String key = UUID.randomUUID().toString();
        String original = "{\"id\":\"" + UUID.randomUUID() + "\",\"said\":\"the original\"}";
        RecordMetadata sent = TopicReader.send(kafka, Topics.PROJECT, key, original);
        // a consumer's dead letter pointing at that event, with its content altered
        deadLetter(key, "{\"said\":\"forged by a consumer\"}", Topics.PROJECT, sent.partition(), sent.offset());
        // one naming a topic project-service does not publish, and one naming no original at all
        deadLetter(key, "{\"said\":\"forged\"}", Topics.ENTERPRISE, 0, 0);
        send(new ProducerRecord<>(Topics.deadLetterTopicOf(Topics.PROJECT), key, "{\"said\":\"no headers\"}"));

        ApiClient.Response redrive = admin.post("/actuator/deadletters/" + Topics.PROJECT, "{}");

        assertThat(redrive.status()).as(redrive.toString()).isEqualTo(200);
        assertThat(redrive.json().get("redriven").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(redrive.json().get("refused").size()).as(redrive.body()).isGreaterThanOrEqualTo(2);
        List<ConsumerRecord<String, String>> again = TopicReader.await(kafka, Topics.PROJECT,
                record -> key.equals(record.key()) && record.offset() > sent.offset(), 1, DEADLINE);
        assertThat(again).extracting(ConsumerRecord::value).containsExactly(original);
        List<ConsumerRecord<String, String>> everything = TopicReader.readAll(kafka, Topics.PROJECT, DEADLINE);
        assertThat(everything).extracting(ConsumerRecord::value).noneMatch(value -> value.contains("forged") || value.contains("no headers"));

        // a second re-drive has nothing left to do
        ApiClient.Response second = admin.post("/actuator/deadletters/" + Topics.PROJECT, "{}");
        assertThat(second.json().get("redriven").asInt()).isZero();
    }

    @Test
    void aTopicPublishedByAnotherServiceIsNotReDrivenHere() {
        ApiClient.Response enterprise = admin.post("/actuator/deadletters/" + Topics.ENTERPRISE, "{}");
        assertThat(enterprise.status()).isEqualTo(404);
        assertThat(enterprise.json().get("detail").asString()).contains("enterprise-service");
        assertThat(admin.post("/actuator/deadletters/zhaoshang.project.v1.dlt", "{}").status()).isEqualTo(404);
    }

    @Test
    void onlyAnAdminReDrives() {
        assertThat(ApiClient.atPort(port).as(TestUser.GG_OFFICER).post("/actuator/deadletters/" + Topics.PROJECT, "{}").status())
                .isEqualTo(403);
    }

    private void deadLetter(String key, String value, String originalTopic, int partition, long offset) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.deadLetterTopicOf(Topics.PROJECT), key, value);
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, originalTopic.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
        send(record);
    }

    private void send(ProducerRecord<String, String> record) {
        TopicReader.send(kafka, record);
    }
}
