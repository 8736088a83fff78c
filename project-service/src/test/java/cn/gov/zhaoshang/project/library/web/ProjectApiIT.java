package cn.gov.zhaoshang.project.library.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestUser;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PlatformIntegrationTest
class ProjectApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guipingOfficer;
    ApiClient gangbeiOfficer;

    @BeforeEach
    void clients() {
        var idp = PlatformServers.identityProvider();
        ApiClient api = ApiClient.atPort(port);
        guipingOfficer = api.as(TestUser.GP_OFFICER);
        gangbeiOfficer = api.as(TestUser.GB_OFFICER);
    }

    @Test
    void registeringASignedProjectStoresItAuditsItAndPublishesItsEventThroughTheOutbox() {
        ApiClient.Response created = guipingOfficer.create("/api/projects", Map.of(
                "name", "桂平市新能源电池材料项目",
                "orgUnit", "450881",
                "contractAmount", "1500000000.50",
                "signingDate", "2026-10-15",
                "industryCode", "C3841"));
        JsonNode project = created.json();
        String id = project.get("id").asString();
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/projects/" + id);
        assertThat(project.get("stage").asString()).isEqualTo("SIGNED");
        assertThat(project.get("contractAmount").asString()).isEqualTo("1500000000.50");
        assertThat(project.get("manufacturing").asBoolean()).isTrue();
        assertThat(project.get("registeredBy").asString()).isEqualTo("gp-officer");

        assertThat(guipingOfficer.get("/api/projects/" + id).json().get("name").asString()).isEqualTo("桂平市新能源电池材料项目");

        Map<String, Object> audit = jdbc.sql("SELECT actor, action, after->>'contractAmount' AS amount FROM audit_log WHERE entity_id = :id")
                .param("id", id).query().singleRow();
        assertThat(audit).containsEntry("actor", "gp-officer").containsEntry("action", "registered")
                .containsEntry("amount", "1500000000.50");

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.PROJECT, record -> id.equals(record.key()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.getFirst();
        assertThat(EventSchemaValidator.shared().validate(record.value())).isEmpty();
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("type").asString()).isEqualTo(EventTypes.PROJECT_REGISTERED);
        assertThat(event.get("subject").asString()).isEqualTo(id);
        assertThat(event.get("orgpath").asString()).isEqualTo("450000.450800.450881");
        assertThat(event.get("data").get("stage").asString()).isEqualTo("SIGNED");
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_record WHERE record_key = :id AND completed_at IS NULL")
                .param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void theEventContinuesTheTraceOfTheRequestThatCausedItAndTheOutboxIsMeasured() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        ApiClient.Response created = guipingOfficer.withHeader("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .post("/api/projects", Map.of("name", "追踪项目", "orgUnit", "450881", "contractAmount", "1000.00",
                        "signingDate", "2026-10-01", "industryCode", "I6510"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.PROJECT, record -> id.equals(record.key()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        String traceparent = new String(records.getFirst().headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertThat(traceparent).startsWith("00-" + traceId + "-");

        String metrics = ApiClient.atPort(port).get("/actuator/prometheus").body();
        assertThat(metrics).contains("zhaoshang_outbox_pending", "zhaoshang_outbox_publish_lag_seconds");
    }

    @Test
    void aBadAmountAnUnknownOrgUnitAndAMissingNameAreAllReportedAtOnce() {
        ApiClient.Response response = guipingOfficer.post("/api/projects", Map.of(
                "orgUnit", "459999",
                "contractAmount", "12,5亿",
                "signingDate", "2026-10-15",
                "industryCode", "C3841"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        List<String> fields = problem.get("errors").valueStream().map(error -> error.get("field").asString()).distinct().toList();
        assertThat(fields).containsExactlyInAnyOrder("contractAmount", "orgUnit", "name");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("rule").asString()).toList())
                .contains("Pattern", "KnownOrgUnit", "NotBlank");
        assertThat(response.body()).doesNotContain("Exception", "SQL", "at cn.gov");
        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE name IS NULL OR org_unit_code = '459999'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCountyNeverSeesAnotherCountysProject() {
        String gangbeiProject = gangbeiOfficer.post("/api/projects", Map.of(
                "name", "港北区家居产业园项目", "orgUnit", "450802", "contractAmount", "300000000",
                "signingDate", "2026-09-01", "industryCode", "C2110")).json().get("id").asString();

        assertThat(gangbeiOfficer.get("/api/projects/" + gangbeiProject).status()).isEqualTo(200);
        ApiClient.Response foreign = guipingOfficer.get("/api/projects/" + gangbeiProject);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("港北区家居产业园项目");
        assertThat(guipingOfficer.get("/api/projects?size=200").json().get("items").valueStream()
                .map(item -> item.get("orgUnit").asString())).doesNotContain("450802");
    }

    @Test
    void anOfficerCannotRegisterAProjectOutsideTheirScope() {
        ApiClient.Response response = guipingOfficer.post("/api/projects", Map.of(
                "name", "越权项目", "orgUnit", "450802", "contractAmount", "100",
                "signingDate", "2026-09-01", "industryCode", "C2110"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE name = '越权项目'").query(Long.class).single()).isZero();
    }

    @Test
    void aViewerMayReadButNotRegister() {
        var idp = PlatformServers.identityProvider();
        ApiClient viewer = ApiClient.atPort(port).as(TestUser.GX_VIEWER);

        assertThat(viewer.get("/api/projects").status()).isEqualTo(200);
        assertThat(viewer.post("/api/projects", Map.of(
                "name", "查看者项目", "orgUnit", "450881", "contractAmount", "100",
                "signingDate", "2026-09-01", "industryCode", "C2110")).status()).isEqualTo(403);
    }

    @Test
    void anotherAgencyMayNotTouchTheProjectLibrary() {
        ApiClient agency = ApiClient.atPort(port)
                .withToken(PlatformServers.identityProvider().tokenFor("service-account-agency-stats", "450000", "agency"));
        assertThat(agency.get("/api/projects").status()).isEqualTo(403);
        assertThat(agency.post("/api/projects", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void theApiIsDescribedByAnOpenApiDocument() {
        ApiClient.Response document = ApiClient.atPort(port).get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").has("/api/projects")).isTrue();
        assertThat(document.json().get("paths").has("/api/projects/{id}")).isTrue();
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        ApiClient anonymous = ApiClient.atPort(port);
        assertThat(anonymous.get("/api/projects").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/projects", Map.of("name", "x")).status()).isEqualTo(401);
    }

    @Test
    void listsArePagedAndSortedOnlyByKnownOrders() {
        ApiClient.Response page = guipingOfficer.get("/api/projects?page=0&size=1&sort=contractAmount,desc");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("size").asInt()).isEqualTo(1);
        assertThat(page.json().get("items").size()).isLessThanOrEqualTo(1);

        ApiClient.Response badSort = guipingOfficer.get("/api/projects?sort=id%3Bdrop%20table%20project");
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.json().get("errors").get(0).get("field").asString()).isEqualTo("sort");
    }
}
