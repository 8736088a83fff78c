package cn.gov.zhaoshang.project.library.web;

import static cn.gov.zhaoshang.project.library.model.ProjectStage.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestUser;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Acceptance 1 (every move) and 2 (required fields), through the API on real PostgreSQL and Kafka. */
@PlatformIntegrationTest
class ProjectLifecycleApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The project a SUSPENDED case starts from was suspended while NEGOTIATING. */
    private static final ProjectStage INTERRUPTED = NEGOTIATING;

    /** The glossary's moves, written out rather than computed, so that the test checks the code. */
    private static final Map<ProjectStage, Set<ProjectStage>> LEGAL = new EnumMap<>(Map.of(
            LEAD, Set.of(INTENT, SUSPENDED, TERMINATED),
            INTENT, Set.of(NEGOTIATING, SUSPENDED, TERMINATED),
            NEGOTIATING, Set.of(SIGNED, SUSPENDED, TERMINATED),
            SIGNED, Set.of(LANDED, SUSPENDED, TERMINATED),
            LANDED, Set.of(STARTED, SUSPENDED, TERMINATED),
            STARTED, Set.of(COMPLETED, SUSPENDED, TERMINATED),
            COMPLETED, Set.of(PRODUCING, SUSPENDED, TERMINATED),
            PRODUCING, Set.of(SUSPENDED, TERMINATED),
            SUSPENDED, Set.of(INTERRUPTED),
            TERMINATED, Set.of()));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guipingOfficer;
    ApiClient gangbeiOfficer;

    @BeforeEach
    void clients() {
        ApiClient api = ApiClient.atPort(port);
        guipingOfficer = api.as(TestUser.GP_OFFICER);
        gangbeiOfficer = api.as(TestUser.GB_OFFICER);
    }

    static Stream<Arguments> everyPairOfStages() {
        List<Arguments> pairs = new ArrayList<>();
        for (ProjectStage from : ProjectStage.values()) {
            for (ProjectStage to : ProjectStage.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStages")
    void legalMovesSucceedAndIllegalOnesGet409NamingTheAllowedMoves(ProjectStage from, ProjectStage to) {
        String id = projectAt(from);
        long movesBefore = movesOf(id);

        ApiClient.Response response = guipingOfficer.post("/api/projects/" + id + "/stage-moves", moveBody(to));

        if (LEGAL.get(from).contains(to)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("stage").asString()).isEqualTo(to.name());
            assertThat(movesOf(id)).isEqualTo(movesBefore + 1);
        } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.json().get("allowedMoves").valueStream().map(JsonNode::asString).toList())
                    .containsExactlyInAnyOrderElementsOf(LEGAL.get(from).stream().map(Enum::name).toList());
            assertThat(guipingOfficer.get("/api/projects/" + id).json().get("stage").asString()).isEqualTo(from.name());
            assertThat(movesOf(id)).isEqualTo(movesBefore);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"SIGNED", "LANDED", "STARTED", "COMPLETED", "PRODUCING"})
    void registeringAtAStageNeedsTheProofOfEveryStageUpToIt(ProjectStage stage) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "缺材料项目 " + stage, "orgUnit", "450881",
                "stage", stage.name(), "industryCode", "C3841"));

        ApiClient.Response refused = guipingOfficer.post("/api/projects", body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        List<String> messages = refused.json().get("errors").valueStream().map(error -> error.get("message").asString()).toList();
        List<String> fields = refused.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
        assertThat(fields).contains("contractAmount", "signingDate", "evidence");
        assertThat(messages).anyMatch(message -> message.contains("AGREEMENT"));
        if (stage.hasReached(LANDED)) {
            assertThat(messages).anyMatch(message -> message.contains("LAND_GRANT"));
        }
        if (stage.hasReached(STARTED)) {
            assertThat(fields).contains("startDate");
            assertThat(messages).anyMatch(message -> message.contains("CONSTRUCTION_PERMIT"));
        } else {
            assertThat(fields).doesNotContain("startDate");
        }
        // a back-filled project records the date of every stage it reached
        assertThat(fields.contains("completionDate")).isEqualTo(stage.hasReached(COMPLETED));
        assertThat(fields.contains("productionDate")).isEqualTo(stage.hasReached(PRODUCING));
        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE name = :name").param("name", "缺材料项目 " + stage)
                .query(Long.class).single()).isZero();

        body.putAll(fullProof(stage));
        ApiClient.Response registered = guipingOfficer.create("/api/projects", body);
        assertThat(registered.json().get("stage").asString()).isEqualTo(stage.name());
    }

    @Test
    void aBackFilledProjectKeepsTheDateOfEveryStageInOrderAndItsEventCarriesThem() {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "回填达产项目 " + java.util.UUID.randomUUID(),
                "orgUnit", "450881", "stage", "PRODUCING", "industryCode", "C3841"));
        body.putAll(fullProof(PRODUCING));

        ApiClient.Response registered = guipingOfficer.create("/api/projects", body);

        JsonNode project = registered.json();
        // the landing date is the land grant's, the others as given
        assertThat(List.of(project.get("signingDate").asString(), project.get("landingDate").asString(),
                project.get("startDate").asString(), project.get("completionDate").asString(), project.get("productionDate").asString()))
                .containsExactly("2026-09-01", "2026-09-15", "2026-10-01", "2026-11-10", "2026-11-25");
        String id = project.get("id").asString();
        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(), Topics.PROJECT,
                record -> id.equals(record.key()), 1, Duration.ofSeconds(30));
        assertThat(EventSchemaValidator.shared().validate(records.getFirst().value())).isEmpty();
        JsonNode data = JsonMapper.builder().build().readTree(records.getFirst().value()).get("data");
        assertThat(data.get("landingDate").asString()).isEqualTo("2026-09-15");
        assertThat(data.get("productionDate").asString()).isEqualTo("2026-11-25");

        Map<String, Object> disordered = new LinkedHashMap<>(body);
        disordered.put("name", "日期颠倒项目");
        disordered.put("landingDate", "2026-08-20");
        disordered.put("completionDate", "2026-09-20");
        ApiClient.Response refused = guipingOfficer.post("/api/projects", disordered);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").valueStream().map(error -> error.get("field").asString() + "/" + error.get("rule").asString())
                .toList()).containsExactly("landingDate/StageDatesInOrder", "completionDate/StageDatesInOrder");
        Map<String, Object> future = new LinkedHashMap<>(body);
        future.put("productionDate", "2099-01-01");
        assertThat(guipingOfficer.post("/api/projects", future).body()).contains("\"field\":\"productionDate\"", "PastOrPresent");

        Map<String, Object> early = new LinkedHashMap<>(fullProof(SIGNED));
        early.putAll(Map.of("name", "签约即竣工项目", "orgUnit", "450881", "stage", "SIGNED", "industryCode", "C3841",
                "completionDate", "2026-11-10"));
        ApiClient.Response beyond = guipingOfficer.post("/api/projects", early);
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.body()).contains("\"field\":\"completionDate\"", "OnlyFromStage");
    }

    @ParameterizedTest
    @EnumSource(names = {"LEAD", "INTENT", "NEGOTIATING"})
    void aStageBeforeSigningNeedsNoAmountNorDocument(ProjectStage stage) {
        ApiClient.Response registered = guipingOfficer.create("/api/projects", Map.of("name", "在谈项目 " + stage,
                "orgUnit", "450881", "stage", stage.name(), "industryCode", "C3841"));
        assertThat(registered.json().get("contractAmount").isNull()).isTrue();
    }

    @Test
    void eachMoveIntoAProvenStageNeedsItsOwnDocument() {
        String negotiating = register(NEGOTIATING);
        ApiClient.Response unsigned = guipingOfficer.post("/api/projects/" + negotiating + "/stage-moves",
                Map.of("to", "SIGNED", "date", "2026-10-20",
                        "evidence", Map.of("documentType", "LAND_GRANT", "documentNumber", "GT-1", "documentDate", "2026-10-20")));
        assertThat(unsigned.status()).as(unsigned.toString()).isEqualTo(400);
        assertThat(unsigned.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .containsExactlyInAnyOrder("contractAmount", "evidence");

        String signed = register(SIGNED);
        assertThat(guipingOfficer.post("/api/projects/" + signed + "/stage-moves", Map.of("to", "LANDED", "date", "2026-10-20"))
                .status()).isEqualTo(400);
        String landed = register(LANDED);
        ApiClient.Response noPermit = guipingOfficer.post("/api/projects/" + landed + "/stage-moves",
                Map.of("to", "STARTED", "date", "2026-10-20",
                        "evidence", Map.of("documentType", "OTHER", "documentNumber", "X-1", "documentDate", "2026-10-20")));
        assertThat(noPermit.status()).isEqualTo(400);
        assertThat(noPermit.body()).contains("CONSTRUCTION_PERMIT");
        assertThat(guipingOfficer.get("/api/projects/" + landed).json().get("stage").asString()).isEqualTo("LANDED");
    }

    @Test
    void aMoveRecordsDateActorAndEvidenceAuditsItAndPublishesOneValidEvent() {
        String id = register(SIGNED);
        ApiClient.Response moved = guipingOfficer.post("/api/projects/" + id + "/stage-moves", Map.of(
                "to", "LANDED", "date", "2026-10-25",
                "evidence", Map.of("documentType", "BUSINESS_REGISTRATION", "documentNumber", "91450881MA5XXXXX1",
                        "documentDate", "2026-10-24")));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(guipingOfficer.post("/api/projects/" + id + "/stage-moves",
                Map.of("to", "TERMINATED", "date", "2026-11-01", "reason", "投资方撤资")).status()).isEqualTo(200);

        JsonNode history = guipingOfficer.get("/api/projects/" + id + "/stage-moves").json();
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(0).get("from").isNull()).isTrue();
        assertThat(history.get(0).get("to").asString()).isEqualTo("SIGNED");
        assertThat(history.get(1).get("from").asString()).isEqualTo("SIGNED");
        assertThat(history.get(1).get("date").asString()).isEqualTo("2026-10-25");
        assertThat(history.get(1).get("actor").asString()).isEqualTo("gp-officer");
        assertThat(history.get(1).get("evidence").get(0).get("documentNumber").asString()).isEqualTo("91450881MA5XXXXX1");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("投资方撤资");

        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_id = :id ORDER BY id").param("id", id)
                .query(String.class).list()).containsExactly("registered", "stage-moved", "terminated");

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.PROJECT, record -> id.equals(record.key()), 3, Duration.ofSeconds(30));
        assertThat(records).hasSize(3);
        records.forEach(record -> assertThat(EventSchemaValidator.shared().validate(record.value())).as(record.value()).isEmpty());
        List<JsonNode> events = records.stream().map(record -> JSON.readTree(record.value())).toList();
        assertThat(events).extracting(event -> event.get("type").asString()).containsExactly(
                EventTypes.PROJECT_REGISTERED, EventTypes.PROJECT_STAGE_CHANGED, EventTypes.PROJECT_TERMINATED);
        JsonNode changed = events.get(1).get("data");
        assertThat(changed.get("fromStage").asString()).isEqualTo("SIGNED");
        assertThat(changed.get("toStage").asString()).isEqualTo("LANDED");
        assertThat(changed.get("evidence").get("documentType").asString()).isEqualTo("BUSINESS_REGISTRATION");
        assertThat(events.get(2).get("data").get("terminatedOn").asString()).isEqualTo("2026-11-01");
        records.forEach(record -> assertThat(record.value()).doesNotContain("gp-officer", "投资方撤资"));
    }

    @Test
    void anotherCountyCannotMoveNorReadTheHistoryOfAProject() {
        String id = register(SIGNED);
        assertThat(gangbeiOfficer.post("/api/projects/" + id + "/stage-moves", moveBody(TERMINATED)).status()).isEqualTo(404);
        assertThat(gangbeiOfficer.get("/api/projects/" + id + "/stage-moves").status()).isEqualTo(404);
        assertThat(guipingOfficer.get("/api/projects/" + id).json().get("stage").asString()).isEqualTo("SIGNED");
    }

    @Test
    void theOriginalRequestWithoutAStageStillRegistersASignedProject() {
        ApiClient.Response created = guipingOfficer.create("/api/projects", Map.of("name", "旧格式项目", "orgUnit", "450881",
                "contractAmount", "1000.00", "signingDate", "2026-10-15", "industryCode", "C3841"));
        assertThat(created.json().get("stage").asString()).isEqualTo("SIGNED");
    }

    private long movesOf(String id) {
        return jdbc.sql("SELECT count(*) FROM project_stage_move WHERE project_id = :id::uuid").param("id", id)
                .query(Long.class).single();
    }

    private String projectAt(ProjectStage stage) {
        return switch (stage) {
            case SUSPENDED -> {
                String id = register(INTERRUPTED);
                assertThat(guipingOfficer.post("/api/projects/" + id + "/stage-moves", moveBody(SUSPENDED)).status()).isEqualTo(200);
                yield id;
            }
            case TERMINATED -> {
                String id = register(SIGNED);
                assertThat(guipingOfficer.post("/api/projects/" + id + "/stage-moves", moveBody(TERMINATED)).status()).isEqualTo(200);
                yield id;
            }
            default -> register(stage);
        };
    }

    private String register(ProjectStage stage) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "生命周期项目 " + stage + " " + java.util.UUID.randomUUID(), "orgUnit", "450881",
                "stage", stage.name(), "industryCode", "C3841"));
        body.putAll(fullProof(stage));
        ApiClient.Response created = guipingOfficer.create("/api/projects", body);
        return created.json().get("id").asString();
    }

    /** Every document and date up to {@code stage}: the landing date comes from the land grant. */
    private static Map<String, Object> fullProof(ProjectStage stage) {
        Map<String, Object> proof = new LinkedHashMap<>(Map.of("contractAmount", "250000000.00", "signingDate", "2026-09-01",
                "startDate", "2026-10-01",
                "evidence", List.of(
                        document("AGREEMENT", "XY-2026-001", "2026-09-01"),
                        document("LAND_GRANT", "GT-2026-001", "2026-09-15"),
                        document("CONSTRUCTION_PERMIT", "SG-2026-001", "2026-09-30"))));
        if (stage.hasReached(COMPLETED)) {
            proof.put("completionDate", "2026-11-10");
        }
        if (stage.hasReached(PRODUCING)) {
            proof.put("productionDate", "2026-11-25");
        }
        return proof;
    }

    /** A move into {@code to} with the document that stage needs, so that only the move's legality decides. */
    private static Map<String, Object> moveBody(ProjectStage to) {
        String documentType = switch (to) {
            case SIGNED -> "AGREEMENT";
            case LANDED -> "LAND_GRANT";
            case STARTED -> "CONSTRUCTION_PERMIT";
            default -> "OTHER";
        };
        return Map.of("to", to.name(), "date", "2026-10-20", "contractAmount", "250000000.00",
                "evidence", document(documentType, "DOC-" + to, "2026-10-20"));
    }

    private static Map<String, Object> document(String type, String number, String date) {
        return Map.of("documentType", type, "documentNumber", number, "documentDate", date);
    }
}
