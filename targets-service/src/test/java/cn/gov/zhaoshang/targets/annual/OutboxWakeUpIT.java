package cn.gov.zhaoshang.targets.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The shared outbox sends an event when its transaction commits, not at the next poll
 * (platform-shared {@code OutboxWakeUp}): with the poll set to an hour, events still reach Kafka at
 * once, a burst of commits loses none, and they keep their order.
 *
 * <p>A wake-up sends one batch of record keys, the oldest first. When this is the first context of
 * the test JVM, the outbox still holds the org units the tree was loaded with (126 units, one key
 * each, written before the outbox ran), and with the poll an hour away only wake-ups send them: the
 * batch is made larger than that backlog, so that the changes' own events are in the first batch.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = {"namastack.outbox.polling.fixed.interval=1h", "namastack.outbox.polling.batch-size=500"})
class OutboxWakeUpIT {

    @LocalServerPort
    int port;

    @Test
    void eventsOfCommittedChangesReachKafkaWithoutWaitingForThePoll() {
        ApiClient regionAdmin = ApiClient.atPort(port)
                .withToken(PlatformServers.identityProvider().tokenFor("gx-target-admin", "450000", "target-admin"));
        int changes = 20;
        String unitId = null;
        for (int i = 1; i <= changes; i++) {
            ApiClient.Response set = regionAdmin.post("/api/targets", Map.of("orgUnit", "450802", "year", 2031,
                    "figures", Map.of("SIGNED_COUNT", String.valueOf(i))));
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            unitId = set.json().get("unitId").asString();
        }

        String key = unitId + "/2031";
        List<ConsumerRecord<String, String>> events = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.TARGETS, record -> key.equals(record.key()), changes, Duration.ofSeconds(20));

        assertThat(events).as("every change's event within 20 s, with the poll an hour away").hasSize(changes);
        for (int i = 0; i < changes; i++) {
            assertThat(events.get(i).value()).contains("\"SIGNED_COUNT\":\"" + (i + 1) + "\"");
        }
    }
}
