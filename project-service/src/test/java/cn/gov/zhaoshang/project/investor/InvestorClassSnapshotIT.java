package cn.gov.zhaoshang.project.investor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.contracts.enterprise.EnterpriseChanged;
import cn.gov.zhaoshang.contracts.enterprise.EnterpriseClassified;
import cn.gov.zhaoshang.contracts.enterprise.EnterpriseMerged;
import cn.gov.zhaoshang.contracts.enterprise.EnterpriseRegistered;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestUser;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acceptance of the class snapshot over real Kafka: enterprise events published on
 * {@code zhaoshang.enterprise.v1} reach the local copy; a signing stores the investor's classes of
 * the signing date (its own and its parent group's); later list changes do not rewrite it.
 */
@PlatformIntegrationTest
class InvestorClassSnapshotIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ENTERPRISE_SOURCE = "/zhaoshang/enterprise-service";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guipingOfficer;

    @BeforeEach
    void clients() {
        guipingOfficer = ApiClient.atPort(port)
                .as(TestUser.GP_OFFICER);
    }

    @Test
    void theClassesOnTheSigningDateAreStoredAndLaterListChangesDoNotRewriteThem() {
        UUID group = UUID.randomUUID();
        UUID investor = UUID.randomUUID();
        UUID duplicateOfInvestor = UUID.randomUUID();
        UUID otherEnterprise = UUID.randomUUID();
        // The class lists are per test run: editions named uniquely, so that other tests' lists do not interfere.
        String run = UUID.randomUUID().toString().substring(0, 6);
        UUID highTech = UUID.randomUUID();

        publish(EventTypes.ENTERPRISE_REGISTERED, group, registered(group, "中国某集团", null));
        publish(EventTypes.ENTERPRISE_REGISTERED, investor, registered(investor, "某集团桂平新材料有限公司", group));
        publish(EventTypes.ENTERPRISE_REGISTERED, duplicateOfInvestor, registered(duplicateOfInvestor, "某集团桂平新材料公司", null));
        publish(EventTypes.ENTERPRISE_MERGED, duplicateOfInvestor, new EnterpriseMerged(duplicateOfInvestor, investor, Instant.now()));
        // the group is on the CHINA_500 list of 2025: its subsidiary inherits it
        publish(EventTypes.ENTERPRISE_CLASSIFIED, group, classified(UUID.randomUUID(), group, "ADDED", "CHINA_500", "2025-" + run,
                LocalDate.parse("2025-09-01"), null));
        // the investor holds a high-tech certificate valid 2024-12-01 .. 2027-12-01
        publish(EventTypes.ENTERPRISE_CLASSIFIED, investor, classified(highTech, investor, "ADDED", "HIGH_TECH", "2024-" + run,
                LocalDate.parse("2024-12-01"), LocalDate.parse("2027-12-01")));
        // a certificate that ended before the signing does not count
        publish(EventTypes.ENTERPRISE_CLASSIFIED, investor, classified(UUID.randomUUID(), investor, "ADDED", "LITTLE_GIANT", "第三批-" + run,
                LocalDate.parse("2021-07-01"), LocalDate.parse("2024-07-01")));
        RecordMetadata last = publish(EventTypes.ENTERPRISE_CLASSIFIED, otherEnterprise, classified(UUID.randomUUID(), otherEnterprise,
                "ADDED", "UNICORN", "2025-" + run, LocalDate.parse("2025-04-01"), null));
        awaitConsumed(last);

        List<Map<String, String>> expected = List.of(
                Map.of("enterpriseClass", "CHINA_500", "edition", "2025-" + run),
                Map.of("enterpriseClass", "HIGH_TECH", "edition", "2024-" + run));

        // a move to SIGNED takes the snapshot on its date and carries it in stage-changed
        String moved = guipingOfficer.post("/api/projects", Map.of("name", "某集团新材料项目" + run, "orgUnit", "450881",
                "stage", "NEGOTIATING", "industryCode", "C3985", "investorEnterpriseId", investor.toString())).json().get("id").asString();
        ApiClient.Response signed = guipingOfficer.post("/api/projects/" + moved + "/stage-moves", Map.of("to", "SIGNED",
                "date", "2026-08-01", "contractAmount", "500000000.00",
                "evidence", Map.of("documentType", "AGREEMENT", "documentNumber", "XY-" + run, "documentDate", "2026-08-01")));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        assertThat(classesOf(signed.json())).isEqualTo(expected);

        // a registration at SIGNED takes it too, and a merged investor is recorded as its survivor
        ApiClient.Response registered = guipingOfficer.create("/api/projects", Map.of("name", "某集团新材料二期项目" + run,
                "orgUnit", "450881", "stage", "SIGNED", "contractAmount", "200000000.00", "signingDate", "2026-08-15",
                "industryCode", "C3985", "investorEnterpriseId", duplicateOfInvestor.toString(),
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY2-" + run, "documentDate", "2026-08-15"))));
        String direct = registered.json().get("id").asString();
        assertThat(registered.json().get("investorEnterpriseId").asString()).isEqualTo(investor.toString());
        assertThat(classesOf(registered.json())).isEqualTo(expected);

        // a registration before signing has no classes yet
        String negotiating = guipingOfficer.post("/api/projects", Map.of("name", "某集团三期项目" + run, "orgUnit", "450881",
                "stage", "NEGOTIATING", "industryCode", "C3985", "investorEnterpriseId", investor.toString())).json().get("id").asString();
        assertThat(classesOf(guipingOfficer.get("/api/projects/" + negotiating).json())).isEmpty();

        // the lists change: CHINA_500's next edition (without the group) is published, the certificate is taken back
        awaitConsumed(publish(EventTypes.ENTERPRISE_CLASSIFIED, otherEnterprise, classified(UUID.randomUUID(), otherEnterprise, "ADDED",
                "CHINA_500", "2026-" + run, LocalDate.parse("2026-09-01"), null)));
        awaitConsumed(publish(EventTypes.ENTERPRISE_CLASSIFIED, investor, classified(highTech, investor, "REMOVED", "HIGH_TECH",
                "2024-" + run, LocalDate.parse("2024-12-01"), LocalDate.parse("2027-12-01"))));

        // the snapshots stay as they were at signing
        assertThat(classesOf(guipingOfficer.get("/api/projects/" + moved).json())).isEqualTo(expected);
        assertThat(classesOf(guipingOfficer.get("/api/projects/" + direct).json())).isEqualTo(expected);

        // while a signing on a date after the new edition finds neither class any more
        String moveAfter = guipingOfficer.post("/api/projects/" + negotiating + "/stage-moves", Map.of("to", "SIGNED",
                "date", "2026-10-01", "contractAmount", "100000000.00",
                "evidence", Map.of("documentType", "AGREEMENT", "documentNumber", "XY3-" + run, "documentDate", "2026-10-01"))).body();
        assertThat(classesOf(JSON.readTree(moveAfter))).isEmpty();

        // the events carry the snapshots and validate
        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(), Topics.PROJECT,
                record -> List.of(moved, direct, negotiating).contains(record.key()), 5, Duration.ofSeconds(30));
        assertThat(records).hasSize(5);
        assertThat(records).allSatisfy(record -> assertThat(EventSchemaValidator.shared().validate(record.value())).isEmpty());
        JsonNode signedEvent = data(records, moved, EventTypes.PROJECT_STAGE_CHANGED);
        assertThat(classesOf(signedEvent)).isEqualTo(expected);
        assertThat(signedEvent.get("signingConfirmed").asBoolean()).isTrue();
        JsonNode registeredEvent = data(records, direct, EventTypes.PROJECT_REGISTERED);
        assertThat(classesOf(registeredEvent)).isEqualTo(expected);
        assertThat(registeredEvent.get("investorEnterpriseId").asString()).isEqualTo(investor.toString());
        assertThat(classesOf(data(records, negotiating, EventTypes.PROJECT_STAGE_CHANGED))).isEmpty();
    }

    @Test
    void aParentGroupSetByAChangeIsInheritedAndAnOlderChangeArrivingLateDoesNotUndoIt() {
        UUID group = UUID.randomUUID();
        UUID subsidiary = UUID.randomUUID();
        String edition = "贵港龙头-" + UUID.randomUUID().toString().substring(0, 6);
        publish(EventTypes.ENTERPRISE_REGISTERED, group, registered(group, "广西某龙头集团", null));
        publish(EventTypes.ENTERPRISE_REGISTERED, subsidiary, registered(subsidiary, "某龙头集团贵港分公司", null));
        publish(EventTypes.ENTERPRISE_CLASSIFIED, group, classified(UUID.randomUUID(), group, "ADDED", "INDUSTRY_LEADER", edition,
                LocalDate.parse("2025-01-01"), null));
        publish(EventTypes.ENTERPRISE_CHANGED, subsidiary, changed(subsidiary, group, 2));
        awaitConsumed(publish(EventTypes.ENTERPRISE_CHANGED, subsidiary, changed(subsidiary, null, 1)));

        ApiClient.Response signed = guipingOfficer.create("/api/projects", Map.of("name", "龙头集团分公司项目" + edition,
                "orgUnit", "450881", "stage", "SIGNED", "contractAmount", "30000000.00", "signingDate", "2026-08-01",
                "industryCode", "C2110", "investorEnterpriseId", subsidiary.toString(),
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-" + edition, "documentDate", "2026-08-01"))));
        assertThat(classesOf(signed.json())).containsExactly(Map.of("enterpriseClass", "INDUSTRY_LEADER", "edition", edition));
    }

    @Test
    void aProjectWhoseInvestorIsMergedAwayNamesTheSurvivorAudited() {
        UUID duplicate = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        // the investor is not known to the local copy yet: accepted as given
        String id = guipingOfficer.post("/api/projects", Map.of("name", "合并投资方项目" + duplicate, "orgUnit", "450881",
                "stage", "NEGOTIATING", "industryCode", "C2110", "investorEnterpriseId", duplicate.toString())).json().get("id").asString();
        assertThat(guipingOfficer.get("/api/projects/" + id).json().get("investorEnterpriseId").asString()).isEqualTo(duplicate.toString());

        awaitConsumed(publish(EventTypes.ENTERPRISE_MERGED, duplicate, new EnterpriseMerged(duplicate, survivor, Instant.now())));

        assertThat(guipingOfficer.get("/api/projects/" + id).json().get("investorEnterpriseId").asString()).isEqualTo(survivor.toString());
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE entity_id = :id AND action = 'investor-merged'")
                .param("id", id).query(String.class).list()).containsExactly("system:enterprise-events");
    }

    @Test
    void aRedeliveredEnterpriseEventIsAppliedOnce() {
        UUID enterprise = UUID.randomUUID();
        String event = envelope(EventTypes.ENTERPRISE_CLASSIFIED, enterprise, classified(UUID.randomUUID(), enterprise, "ADDED",
                "INDUSTRY_LEADER", "贵港-" + enterprise, LocalDate.parse("2025-01-01"), null));
        TopicReader.send(PlatformServers.kafka().bootstrapServers(), Topics.ENTERPRISE, enterprise.toString(), event);
        awaitConsumed(TopicReader.send(PlatformServers.kafka().bootstrapServers(), Topics.ENTERPRISE, enterprise.toString(), event));
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise_membership_copy WHERE enterprise_id = :id")
                .param("id", enterprise).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .param("id", JSON.readTree(event).get("id").asString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCorrectedInvestorGetsItsClassesOfTheSigningDate() {
        UUID wrongInvestor = UUID.randomUUID();
        UUID rightInvestor = UUID.randomUUID();
        String edition = "2025-" + UUID.randomUUID().toString().substring(0, 6);
        publish(EventTypes.ENTERPRISE_REGISTERED, rightInvestor, registered(rightInvestor, "某民营五百强桂平有限公司", null));
        awaitConsumed(publish(EventTypes.ENTERPRISE_CLASSIFIED, rightInvestor, classified(UUID.randomUUID(), rightInvestor, "ADDED",
                "CHINA_PRIVATE_500", edition, LocalDate.parse("2025-09-01"), null)));
        String id = guipingOfficer.create("/api/projects", Map.of("name", "民营五百强新材料项目" + edition, "orgUnit", "450881",
                "stage", "SIGNED", "contractAmount", "200000000.00", "signingDate", "2026-08-15", "industryCode", "C3985",
                "investorEnterpriseId", wrongInvestor.toString(),
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-" + edition, "documentDate", "2026-08-15"))))
                .json().get("id").asString();
        ApiClient.Response read = guipingOfficer.get("/api/projects/" + id);
        assertThat(classesOf(read.json())).isEmpty();

        ApiClient.Response corrected = guipingOfficer.withHeader("If-Match", read.raw().headers().firstValue("ETag").orElseThrow())
                .patch("/api/projects/" + id, Map.of("investorEnterpriseId", rightInvestor.toString()));

        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        List<Map<String, String>> expected = List.of(Map.of("enterpriseClass", "CHINA_PRIVATE_500", "edition", edition));
        assertThat(classesOf(corrected.json())).isEqualTo(expected);
        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(), Topics.PROJECT,
                record -> id.equals(record.key()), 2, Duration.ofSeconds(30));
        JsonNode event = data(records, id, EventTypes.PROJECT_DETAILS_CHANGED);
        assertThat(event.get("investorEnterpriseId").asString()).isEqualTo(rightInvestor.toString());
        assertThat(classesOf(event)).isEqualTo(expected);
    }

    private static List<Map<String, String>> classesOf(JsonNode node) {
        return node.get("investorClasses").valueStream()
                .map(held -> Map.of("enterpriseClass", held.get("enterpriseClass").asString(), "edition", held.get("edition").asString()))
                .toList();
    }

    private static JsonNode data(List<ConsumerRecord<String, String>> records, String key, String type) {
        return records.stream().filter(record -> record.key().equals(key)).map(record -> JSON.readTree(record.value()))
                .filter(event -> event.get("type").asString().equals(type)).reduce((first, second) -> second).orElseThrow()
                .get("data");
    }

    private static EnterpriseRegistered registered(UUID id, String name, UUID parent) {
        return new EnterpriseRegistered(id, null, null, null, name, null, List.of(), "450800", null, "PRIVATE", "C3985",
                List.of("新材料"), false, parent, false, Instant.now());
    }

    private static EnterpriseChanged changed(UUID id, UUID parent, long version) {
        return new EnterpriseChanged(id, null, null, null, "某龙头集团贵港分公司", null, List.of(), "450800", null, "PRIVATE", "C2110",
                List.of(), false, parent, false, List.of("parentId"), version, Instant.now());
    }

    private static EnterpriseClassified classified(UUID membership, UUID enterprise, String change, String enterpriseClass,
            String edition, LocalDate from, LocalDate until) {
        return new EnterpriseClassified(membership, enterprise, change, enterpriseClass, edition, null, from, from, until);
    }

    private RecordMetadata publish(String type, UUID subject, Object data) {
        return TopicReader.send(PlatformServers.kafka().bootstrapServers(), Topics.ENTERPRISE, subject.toString(),
                envelope(type, subject, data));
    }

    private static String envelope(String type, UUID subject, Object data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", ENTERPRISE_SOURCE);
        event.put("type", type);
        event.put("subject", subject.toString());
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("orgpath", "450000.450800");
        event.put("data", JSON.valueToTree(data));
        String json = JSON.writeValueAsString(event);
        // the test sends what enterprise-service would: valid against the contracts
        assertThat(EventSchemaValidator.shared().validate(json)).isEmpty();
        return json;
    }

    private static void awaitConsumed(RecordMetadata record) {
        assertThat(TopicReader.awaitConsumedPast(PlatformServers.kafka().bootstrapServers(), "project-service.enterprises", record,
                Duration.ofSeconds(30))).isTrue();
    }
}
