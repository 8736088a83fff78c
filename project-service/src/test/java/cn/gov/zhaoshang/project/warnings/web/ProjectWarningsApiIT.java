package cn.gov.zhaoshang.project.warnings.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.project.warnings.application.ProjectWarnings;
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

/**
 * Project warnings (issue 5, "Warnings"): raised once when a watched project goes without update,
 * cleared once when it is updated or leaves the watched stages, listed per unit within scope, and
 * published as valid events. Time is moved by evaluating at chosen instants.
 */
@PlatformIntegrationTest
class ProjectWarningsApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectWarnings warnings;

    @Autowired
    Clock clock;

    ApiClient guipingOfficer;
    ApiClient gangbeiOfficer;
    ApiClient guigangOfficer;

    @BeforeEach
    void clients() {
        ApiClient api = ApiClient.atPort(port);
        guipingOfficer = api.as(TestUser.GP_OFFICER);
        gangbeiOfficer = api.as(TestUser.GB_OFFICER);
        guigangOfficer = api.as(TestUser.GG_OFFICER);
    }

    @Test
    void aNegotiatingProjectIsStaleAfter30DaysOnceThenClearedByItsSigningAndStaleAgainAfter20DaysInSigned() {
        Instant registered = clock.instant();
        String id = register(guipingOfficer, "450881", "预警测试在谈项目", "NEGOTIATING");

        warnings.evaluateAt(registered.plus(Duration.ofDays(29)));
        assertThat(warningsOf(id)).isEmpty();

        Instant staleAt = clock.instant().plus(Duration.ofDays(30)).plusSeconds(60);
        assertThat(warnings.evaluateAt(staleAt).ran()).isTrue();
        warnings.evaluateAt(staleAt.plus(Duration.ofHours(1)));
        warnings.evaluateAt(staleAt.plus(Duration.ofDays(3)));
        assertThat(warningsOf(id)).containsExactly("STALE/NEGOTIATING/" + LocalDate.ofInstant(registered, clock.getZone()) + "/open");

        // The signing is an update: the NEGOTIATING warning clears, and nothing is stale a day later.
        ApiClient.Response signed = guipingOfficer.post("/api/projects/" + id + "/stage-moves", Map.of("to", "SIGNED",
                "date", "2026-10-20", "contractAmount", "120000000.00",
                "evidence", Map.of("documentType", "AGREEMENT", "documentNumber", "XY-YJ-1", "documentDate", "2026-10-20")));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        Instant signedAt = clock.instant();
        warnings.evaluateAt(signedAt.plus(Duration.ofDays(1)));
        assertThat(warningsOf(id)).containsExactly("STALE/NEGOTIATING/" + LocalDate.ofInstant(registered, clock.getZone()) + "/cleared");

        // 20 days in SIGNED without update: a new warning.
        warnings.evaluateAt(signedAt.plus(Duration.ofDays(19)));
        assertThat(warningsOf(id)).hasSize(1);
        warnings.evaluateAt(signedAt.plus(Duration.ofDays(20)).plusSeconds(60));
        // in any order: the test's evaluations jump back and forth in time, so raisedAt does not order them
        assertThat(warningsOf(id)).containsExactlyInAnyOrder(
                "STALE/NEGOTIATING/" + LocalDate.ofInstant(registered, clock.getZone()) + "/cleared",
                "STALE/SIGNED/" + LocalDate.ofInstant(signedAt, clock.getZone()) + "/open");

        // Terminated: no longer watched, the warning clears, once.
        assertThat(guipingOfficer.post("/api/projects/" + id + "/stage-moves", Map.of("to", "TERMINATED", "date", "2026-10-21"))
                .status()).isEqualTo(200);
        warnings.evaluateAt(signedAt.plus(Duration.ofDays(25)));
        warnings.evaluateAt(signedAt.plus(Duration.ofDays(26)));
        // in any order: the test's evaluations jump back and forth in time, so raisedAt does not order them
        assertThat(warningsOf(id)).containsExactlyInAnyOrder(
                "STALE/NEGOTIATING/" + LocalDate.ofInstant(registered, clock.getZone()) + "/cleared",
                "STALE/SIGNED/" + LocalDate.ofInstant(signedAt, clock.getZone()) + "/cleared");

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.PROJECT, record -> id.equals(record.key()), 7, Duration.ofSeconds(30));
        records.forEach(record -> assertThat(EventSchemaValidator.shared().validate(record.value())).as(record.value()).isEmpty());
        List<JsonNode> events = records.stream().map(record -> JSON.readTree(record.value())).toList();
        assertThat(events).extracting(event -> event.get("type").asString()).containsExactly(
                EventTypes.PROJECT_REGISTERED,
                EventTypes.PROJECT_WARNING_RAISED,
                EventTypes.PROJECT_STAGE_CHANGED,
                EventTypes.PROJECT_WARNING_CLEARED,
                EventTypes.PROJECT_WARNING_RAISED,
                EventTypes.PROJECT_TERMINATED,
                EventTypes.PROJECT_WARNING_CLEARED);
        JsonNode firstRaised = events.get(1).get("data");
        assertThat(firstRaised.get("kind").asString()).isEqualTo("STALE");
        assertThat(firstRaised.get("stage").asString()).isEqualTo("NEGOTIATING");
        assertThat(firstRaised.get("orgUnit").asString()).isEqualTo("450881");
        assertThat(firstRaised.get("since").asString()).isEqualTo(LocalDate.ofInstant(registered, clock.getZone()).toString());
        assertThat(events.get(3).get("data").get("warningId").asString()).isEqualTo(firstRaised.get("warningId").asString());
        assertThat(events.get(6).get("data").get("warningId").asString())
                .isEqualTo(events.get(4).get("data").get("warningId").asString());
        records.forEach(record -> assertThat(record.value()).doesNotContain("gp-officer", "system:project-warnings"));

        assertThat(jdbc.sql("""
                SELECT a.action FROM audit_log a JOIN project_warning w ON a.entity_id = w.id::text
                WHERE a.entity_type = 'project-warning' AND w.project_id = :id::uuid ORDER BY a.id""")
                .param("id", id).query(String.class).list()).containsExactly("raised", "cleared", "raised", "cleared");
    }

    @Test
    void warningsAreListedPerUnitWithinScopePagedAndSorted() {
        Instant now = clock.instant();
        String guiping = register(guipingOfficer, "450881", "桂平预警列表项目", "NEGOTIATING");
        String gangbei = register(gangbeiOfficer, "450802", "港北预警列表项目", "NEGOTIATING");
        warnings.evaluateAt(now.plus(Duration.ofDays(31)));

        assertThat(openWarningProjects(guipingOfficer, "")).contains(guiping).doesNotContain(gangbei);
        assertThat(openWarningProjects(gangbeiOfficer, "")).contains(gangbei).doesNotContain(guiping);
        assertThat(openWarningProjects(guigangOfficer, "")).contains(guiping, gangbei);
        assertThat(openWarningProjects(guigangOfficer, "&orgUnit=450881")).contains(guiping).doesNotContain(gangbei);
        assertThat(gangbeiOfficer.get("/api/projects/warnings?orgUnit=450881").status()).isEqualTo(404);
        assertThat(guigangOfficer.get("/api/projects/warnings?orgUnit=450881&kind=NOT_STARTED").json().get("items")
                .valueStream().map(item -> item.get("projectId").asString()).toList()).doesNotContain(guiping);

        JsonNode page = guigangOfficer.get("/api/projects/warnings?size=1&sort=since,asc").json();
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("sort").asString()).isEqualTo("since,asc");
        JsonNode item = guipingOfficer.get("/api/projects/warnings?size=200").json().get("items").valueStream()
                .filter(warning -> warning.get("projectId").asString().equals(guiping)).findFirst().orElseThrow();
        assertThat(item.get("projectName").asString()).isEqualTo("桂平预警列表项目");
        assertThat(item.get("kind").asString()).isEqualTo("STALE");
        assertThat(item.get("open").asBoolean()).isTrue();

        ApiClient.Response bad = guigangOfficer.get("/api/projects/warnings?status=SOMETIMES&kind=LATE&sort=colour&size=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("status", "kind", "sort", "size");
        ApiClient.Response anonymous = ApiClient.atPort(port).get("/api/projects/warnings");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aSignedProjectNotStartedByItsPlannedStartDateIsWarnedUntilItStarts() {
        LocalDate today = LocalDate.now(clock);
        LocalDate planned = today.minusDays(10);
        ApiClient.Response created = guipingOfficer.create("/api/projects", Map.of("name", "预警未按期开工项目", "orgUnit", "450881",
                "stage", "SIGNED", "industryCode", "C3841", "contractAmount", "300000000.00",
                "signingDate", today.minusDays(40).toString(), "plannedStartDate", planned.toString(),
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-KG-1",
                        "documentDate", today.minusDays(40).toString()))));
        String id = created.json().get("id").asString();

        warnings.evaluateAt(clock.instant());
        warnings.evaluateAt(clock.instant());
        assertThat(warningsOf(id)).containsExactly("NOT_STARTED/SIGNED/" + planned + "/open");

        // Landing does not start it: the same warning stays open.
        assertThat(guipingOfficer.post("/api/projects/" + id + "/stage-moves", Map.of("to", "LANDED", "date", today.toString(),
                "evidence", Map.of("documentType", "LAND_GRANT", "documentNumber", "GT-KG-1", "documentDate", today.toString())))
                .status()).isEqualTo(200);
        warnings.evaluateAt(clock.instant());
        assertThat(warningsOf(id)).containsExactly("NOT_STARTED/SIGNED/" + planned + "/open");

        assertThat(guipingOfficer.post("/api/projects/" + id + "/stage-moves", Map.of("to", "STARTED", "date", today.toString(),
                "evidence", Map.of("documentType", "CONSTRUCTION_PERMIT", "documentNumber", "SG-KG-1", "documentDate", today.toString())))
                .status()).isEqualTo(200);
        warnings.evaluateAt(clock.instant());
        assertThat(warningsOf(id)).containsExactly("NOT_STARTED/SIGNED/" + planned + "/cleared");

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.PROJECT, record -> id.equals(record.key()) && record.value().contains("warning-"), 2, Duration.ofSeconds(30));
        assertThat(records).extracting(record -> JSON.readTree(record.value()).get("type").asString())
                .containsExactly(EventTypes.PROJECT_WARNING_RAISED, EventTypes.PROJECT_WARNING_CLEARED);
        records.forEach(record -> assertThat(EventSchemaValidator.shared().validate(record.value())).as(record.value()).isEmpty());
        JsonNode raised = JSON.readTree(records.getFirst().value()).get("data");
        assertThat(raised.get("kind").asString()).isEqualTo("NOT_STARTED");
        assertThat(raised.get("since").asString()).isEqualTo(planned.toString());
    }

    @Test
    void aPooledProjectGetsNoWarning() {
        Instant now = clock.instant();
        register(guipingOfficer, "450881", "预警查重原项目", "NEGOTIATING");
        String pooled = register(gangbeiOfficer, "450802", "预警查重原项目", "NEGOTIATING");
        assertThat(jdbc.sql("SELECT review_status FROM project WHERE id = :id::uuid").param("id", pooled)
                .query(String.class).single()).isEqualTo("PENDING");
        warnings.evaluateAt(now.plus(Duration.ofDays(40)));
        assertThat(warningsOf(pooled)).isEmpty();
    }

    private List<String> warningsOf(String projectId) {
        return jdbc.sql("""
                SELECT kind || '/' || stage || '/' || since || '/' || CASE WHEN cleared_at IS NULL THEN 'open' ELSE 'cleared' END
                FROM project_warning WHERE project_id = :id::uuid ORDER BY raised_at, kind""")
                .param("id", projectId).query(String.class).list();
    }

    private static List<String> openWarningProjects(ApiClient caller, String query) {
        ApiClient.Response response = caller.get("/api/projects/warnings?size=200" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items").valueStream().map(item -> item.get("projectId").asString()).toList();
    }

    private static String register(ApiClient officer, String unit, String name, String stage) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "orgUnit", unit, "stage", stage,
                "industryCode", "C3841"));
        ApiClient.Response response = officer.create("/api/projects", body);
        return response.json().get("id").asString();
    }
}
