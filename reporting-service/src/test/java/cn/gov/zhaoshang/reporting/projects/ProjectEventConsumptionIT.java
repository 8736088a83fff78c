package cn.gov.zhaoshang.reporting.projects;

import cn.gov.zhaoshang.reporting.projects.model.Project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.platform.consumption.DeadLetterRedriveEndpoint;
import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.reporting.readmodel.application.ReadModelListener;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.GeneratedOrgUnits;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestEvents;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Project events arrive on the real broker as another service would send them; the monthly report
 * shows what the read model made of them. Each test uses its own month, so they do not interfere;
 * the units (a region of two cities, 贵港 and 南宁, named as the real ones) are generated for this
 * class alone ({@link GeneratedOrgUnits}), so no other class's figures meet them.
 */
@PlatformIntegrationTest
class ProjectEventConsumptionIT {

    private static final GeneratedOrgUnits UNITS = GeneratedOrgUnits.newTree().cityLike("450800").cityLike("450100").build();
    private static final String REGION = UNITS.twinOf("450000").code();
    private static final String GUIGANG = UNITS.twinOf("450800").code();
    private static final String GANGBEI = UNITS.twinOf("450802").code();
    private static final String GUIPING = UNITS.twinOf("450881").code();
    private static final String NANNING = UNITS.twinOf("450100").code();
    /** A code of the tree's numbering that no unit of it has. */
    private static final String UNKNOWN_COUNTY = GUIGANG.substring(0, 4) + "99";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GROUP = "reporting-service";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    OrgUnitDirectory orgUnits;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KafkaTemplate<String, String> kafkaTemplate;

    @Autowired
    KafkaProperties kafkaProperties;

    String kafka;
    ApiClient regionViewer;

    @BeforeEach
    void setUp() {
        kafka = PlatformServers.kafka().bootstrapServers();
        UNITS.makeKnownTo(GROUP);
        regionViewer = ApiClient.atPort(port).withToken(UNITS.token("gx-viewer", UNITS.region(), "viewer"));
    }

    @Test
    void theSameEventDeliveredTwiceIsCountedOnce() {
        String event = registeredEvent(UUID.randomUUID(), GUIPING, "250000000.00", "2025-01-20");

        send(event);
        RecordMetadata redelivery = send(event);

        assertThat(TopicReader.awaitConsumedPast(kafka, GROUP, redelivery, DEADLINE)).isTrue();
        JsonNode report = monthly(GUIGANG, "2025-01");
        assertThat(report.get("signedCount").asLong()).isEqualTo(1);
        assertThat(report.get("contractInvestment").asString()).isEqualTo("250000000.00");
    }

    @Test
    void aMalformedEventIsDeadLetteredAndTheNextGoodEventIsStillApplied() {
        String key = UUID.randomUUID().toString();
        RecordMetadata malformed = TopicReader.send(kafka, Topics.PROJECT, key, "{\"specversion\": \"1.0\", \"this is\": not json");
        String good = registeredEvent(UUID.fromString(key), GANGBEI, "80000000", "2025-02-03");
        send(good);

        await().atMost(DEADLINE).untilAsserted(() ->
                assertThat(monthly(GANGBEI, "2025-02").get("signedCount").asLong()).isEqualTo(1));
        List<ConsumerRecord<String, String>> deadLetters = TopicReader.await(kafka, Topics.deadLetterTopicOf(Topics.PROJECT),
                record -> record.value().contains("this is") && key.equals(record.key()), 1, DEADLINE);
        assertThat(deadLetters).hasSize(1);
        ConsumerRecord<String, String> deadLetter = deadLetters.getFirst();
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("not a CloudEvent");
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topics.PROJECT);
        // Spring Kafka writes the original partition and offset as binary int and long
        assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-partition").value()).getInt())
                .isEqualTo(malformed.partition());
        assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-offset").value()).getLong())
                .isEqualTo(malformed.offset());
    }

    @Test
    void anEventThatCannotBeAppliedYetIsRedrivenOnceItsCauseIsFixed() throws Exception {
        String unknownCounty = UNKNOWN_COUNTY;
        UUID projectId = UUID.randomUUID();
        send(registeredEvent(projectId, unknownCounty, "12345678.90", "2025-03-09"));

        List<ConsumerRecord<String, String>> deadLetters = TopicReader.await(kafka, Topics.deadLetterTopicOf(Topics.PROJECT),
                record -> projectId.toString().equals(record.key()), 1, DEADLINE);
        assertThat(deadLetters).hasSize(1);
        assertThat(header(deadLetters.getFirst(), "kafka_dlt-exception-message")).contains(UNKNOWN_COUNTY);
        assertThat(monthly(GUIGANG, "2025-03").get("signedCount").asLong()).isZero();

        // the cause is fixed: the org tree learns the county. reporting-service does not re-drive a
        // topic it only consumes (finding 6: it may not write project events)...
        orgUnits.upsert(unknownCounty, GUIGANG, OrgLevel.COUNTY, "测试县", "Test County");
        ApiClient admin = ApiClient.atPort(port).withToken(UNITS.token("gx-admin", UNITS.region(), "admin"));
        ApiClient.Response here = admin.post("/actuator/deadletters/" + Topics.PROJECT, "{}");
        assertThat(here.status()).as(here.toString()).isEqualTo(404);
        assertThat(here.json().get("detail").asString()).contains("project-service");
        // ...project-service, which publishes the topic, does: the same endpoint as it runs there
        // (its HTTP side is project-service's DeadLetterRedriveIT), on this test's broker
        Map<String, Object> redriven = new DeadLetterRedriveEndpoint(kafkaTemplate, kafkaProperties, "project-service")
                .redrive(Topics.PROJECT);
        assertThat((Integer) redriven.get("redriven")).as(redriven.toString()).isGreaterThanOrEqualTo(1);

        await().atMost(DEADLINE).untilAsserted(() -> {
            JsonNode report = monthly(GUIGANG, "2025-03");
            assertThat(report.get("signedCount").asLong()).isEqualTo(1);
            assertThat(report.get("contractInvestment").asString()).isEqualTo("12345678.90");
        });
    }

    /**
     * The listener applies each poll's events in one transaction: an event that fails between two
     * good ones of the same partition (so, most likely, of the same poll) costs neither of them.
     * The failing one is malformed, so that nothing of it stays for the reconcile of other tests.
     */
    @Test
    void anEventThatFailsAmongOthersIsDeadLetteredAloneAndTheOthersAreAppliedOnce() {
        String partitionKey = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        String before = registeredEvent(UUID.randomUUID(), GANGBEI, "1000.00", "2025-06-02");
        String failing = "{\"specversion\": \"1.0\", \"id\": \"" + marker + "\", cut short";
        String after = registeredEvent(UUID.randomUUID(), GANGBEI, "2000.00", "2025-06-04");
        assertThat(EventSchemaValidator.shared().validate(before)).isEmpty();
        assertThat(EventSchemaValidator.shared().validate(after)).isEmpty();

        TopicReader.send(kafka, Topics.PROJECT, partitionKey, before);
        TopicReader.send(kafka, Topics.PROJECT, partitionKey, failing);
        RecordMetadata last = TopicReader.send(kafka, Topics.PROJECT, partitionKey, after);

        List<ConsumerRecord<String, String>> deadLetters = TopicReader.await(kafka, Topics.deadLetterTopicOf(Topics.PROJECT),
                record -> record.value().contains(marker), 1, DEADLINE);
        assertThat(deadLetters).hasSize(1);
        assertThat(header(deadLetters.getFirst(), "kafka_dlt-exception-message")).contains("not a CloudEvent");
        assertThat(TopicReader.awaitConsumedPast(kafka, GROUP, last, DEADLINE)).isTrue();
        JsonNode report = monthly(GANGBEI, "2025-06");
        assertThat(report.get("signedCount").asLong()).isEqualTo(2);
        assertThat(report.get("contractInvestment").asString()).isEqualTo("3000.00");
    }

    @Test
    void theReadModelListenerCommitsAsynchronouslyAndStillObservesEachRecord() {
        ContainerProperties readModels = listeners.getListenerContainer(ReadModelListener.ID).getContainerProperties();
        assertThat(readModels.isSyncCommits()).isFalse();
        assertThat(readModels.isRecordObservationsInBatch()).isTrue();
        assertThat(readModels.isObservationEnabled()).isTrue();
    }

    @Test
    void onlyAnAdminMayRedrive() {
        ApiClient viewer = ApiClient.atPort(port).withToken(UNITS.token("gx-viewer", UNITS.region(), "viewer"));
        assertThat(viewer.post("/actuator/deadletters/" + Topics.PROJECT, "{}").status()).isEqualTo(403);
    }

    /** A topic that is not one of the platform's is 404 problem details; it used to be a 500 (docs/security.md). */
    @Test
    void redrivingATopicThatIsNotThePlatformsIs404() {
        ApiClient admin = ApiClient.atPort(port).withToken(UNITS.token("gx-admin", UNITS.region(), "admin"));
        for (String topic : List.of("evil.topic", Topics.deadLetterTopicOf(Topics.PROJECT), "__consumer_offsets")) {
            ApiClient.Response refused = admin.post("/actuator/deadletters/" + topic, "{}");
            assertThat(refused.status()).as(topic + ": " + refused).isEqualTo(404);
            assertThat(refused.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("https://zhaoshang.gov.cn/problems/not-found");
        }
    }

    @Test
    void aReportCoversTheUnitAndEverythingUnderItAndNothingElse() {
        send(registeredEvent(UUID.randomUUID(), GUIPING, "100.00", "2025-04-01"));
        send(registeredEvent(UUID.randomUUID(), GANGBEI, "200.00", "2025-04-30"));
        RecordMetadata last = send(registeredEvent(UUID.randomUUID(), GUIPING, "300.00", "2025-05-01"));
        assertThat(TopicReader.awaitConsumedPast(kafka, GROUP, last, DEADLINE)).isTrue();

        await().atMost(DEADLINE).untilAsserted(() ->
                assertThat(monthly(GUIGANG, "2025-04").get("contractInvestment").asString()).isEqualTo("300.00"));
        assertThat(monthly(GUIPING, "2025-04").get("contractInvestment").asString()).isEqualTo("100.00");
        assertThat(monthly(REGION, "2025-04").get("signedCount").asLong()).isEqualTo(2);
        assertThat(monthly(NANNING, "2025-04").get("signedCount").asLong()).isZero();
    }

    @Test
    void aCountySeesNeitherItsNeighbourNorItsCity() {
        ApiClient guiping = ApiClient.atPort(port).withToken(UNITS.token("gp-officer", UNITS.twinOf("450881"), "officer"));
        assertThat(guiping.get("/api/reports/monthly?orgUnit=" + GUIPING + "&month=2025-04").status()).isEqualTo(200);
        assertThat(guiping.get("/api/reports/monthly?orgUnit=" + GANGBEI + "&month=2025-04").status()).isEqualTo(404);
        assertThat(guiping.get("/api/reports/monthly?orgUnit=" + GUIGANG + "&month=2025-04").status()).isEqualTo(404);
    }

    @Test
    void aBadMonthIsA400NamingTheParameter() {
        ApiClient.Response response = regionViewer.get("/api/reports/monthly?orgUnit=" + GUIGANG + "&month=2025-13");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("month");
    }

    private RecordMetadata send(String event) {
        assertThat(EventSchemaValidator.shared().validate(event)).as("test events follow the contract").isEmpty();
        return TopicReader.send(kafka, Topics.PROJECT, JSON.readTree(event).get("subject").asString(), event);
    }

    private JsonNode monthly(String orgUnit, String month) {
        ApiClient.Response response = regionViewer.get("/api/reports/monthly?orgUnit=" + orgUnit + "&month=" + month);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static String registeredEvent(UUID projectId, String orgUnit, String amount, String signingDate) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", projectId.toString());
        data.put("name", "测试项目 " + projectId);
        data.put("orgUnit", orgUnit);
        data.put("stage", "SIGNED");
        data.put("contractAmount", amount);
        data.put("signingDate", signingDate);
        data.put("industryCode", "C3841");
        data.put("manufacturing", true);
        data.put("registeredAt", Instant.now().toString());
        return TestEvents.envelope(EventTypes.PROJECT_REGISTERED, "/zhaoshang/project-service", projectId.toString(),
                REGION + "." + GUIGANG + "." + orgUnit, data);
    }
}
