package cn.gov.zhaoshang.targets.orgunits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared {@code OrgUnitEventsListener} that every other service runs, switched on here as a
 * subscriber would have it: org-unit events arriving on the real topic from the tree's owner change
 * the local {@code org_unit} copy, each once.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = {"zhaoshang.org-units.follow-events=true", "spring.application.name=org-copy-subscriber"})
class OrgUnitEventsListenerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OWNER = "/zhaoshang/targets-service-elsewhere";

    @Autowired
    OrgUnitDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void orgUnitEventsOnTheTopicChangeTheLocalCopyOnceEach() {
        UUID unitId = UUID.randomUUID();
        String defined = event(EventTypes.TARGETS_ORG_UNIT_DEFINED, unitId, "450802P97", null, List.of(), "DEFINED");
        assertThat(EventSchemaValidator.shared().validate(defined)).isEmpty();

        send(unitId, defined);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(directory.find("450802P97"))
                .hasValueSatisfying(park -> assertThat(park.path()).isEqualTo("450000.450800.450802.450802P97")));

        String recoded = event(EventTypes.TARGETS_ORG_UNIT_CHANGED, unitId, "450802P96", "450802P97",
                List.of("450802P97"), "RECODED");
        assertThat(EventSchemaValidator.shared().validate(recoded)).isEmpty();
        send(unitId, recoded);
        RecordMetadata second = send(unitId, recoded);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(directory.find("450802P96")).isPresent();
            assertThat(directory.find("450802P97")).isEmpty();
        });
        assertThat(TopicReader.awaitConsumedPast(PlatformServers.kafka().bootstrapServers(),
                "org-copy-subscriber.org-units", second, Duration.ofSeconds(30))).isTrue();
        String recodedId = JSON.readTree(recoded).get("id").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_source = :source AND event_id = :id")
                .param("source", OWNER).param("id", recodedId).query(Long.class).single()).isEqualTo(1);
        assertThat(directory.find("450802P96")).hasValueSatisfying(park -> {
            assertThat(park.path()).isEqualTo("450000.450800.450802.450802P96");
            assertThat(park.nameZh()).isEqualTo("港北区测试园区");
        });
    }

    private static RecordMetadata send(UUID unitId, String event) {
        return TopicReader.send(PlatformServers.kafka().bootstrapServers(), Topics.TARGETS, unitId.toString(), event);
    }

    private static String event(String type, UUID unitId, String code, String previousCode, List<String> aliases,
            String change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unitId", unitId.toString());
        data.put("code", code);
        data.put("previousCode", previousCode);
        data.put("aliases", aliases);
        data.put("parentCode", "450802");
        data.put("level", "PARK");
        data.put("nameZh", "港北区测试园区");
        data.put("nameEn", null);
        data.put("path", "450000.450800.450802." + code);
        data.put("change", change);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("source", OWNER);
        envelope.put("type", type);
        envelope.put("subject", unitId.toString());
        envelope.put("time", Instant.now().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("orgpath", "450000.450800.450802." + code);
        envelope.put("data", data);
        return JSON.writeValueAsString(envelope);
    }
}
