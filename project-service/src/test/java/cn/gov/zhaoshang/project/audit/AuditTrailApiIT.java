package cn.gov.zhaoshang.project.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestIdentityProvider;
import cn.gov.zhaoshang.testsupport.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 22, "Audit for auditors", for project-service ({@code GET /api/projects/audit}; the other
 * services answer under their own prefix with the same shared controller): rows of the actors of a
 * unit and the units under it, within the auditor's scope, newest first, filtered; the read itself
 * recorded; officers refused.
 */
@PlatformIntegrationTest
class AuditTrailApiIT {

    private static final String AUDIT = "/api/projects/audit";

    @LocalServerPort
    int port;

    TestIdentityProvider idp = PlatformServers.identityProvider();
    String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void register() {
        // one registration by a Guiping officer and one by a Gangbei officer, each with a unique actor
        register("gp-auditee-" + run, "450881", "桂平审计项目" + run);
        register("gb-auditee-" + run, "450802", "港北审计项目" + run);
    }

    @Test
    void aCountysAuditorReadsTheRowsOfItsOwnActorsOnly() {
        ApiClient guipingAuditor = auditor("450881");
        JsonNode page = ok(guipingAuditor.get(AUDIT + "?size=200&actor=gp-auditee-" + run));
        assertThat(rows(page)).extracting(row -> row.get("action").asString()).contains("registered");
        assertThat(rows(page)).allSatisfy(row -> {
            assertThat(row.get("actorUnit").asString()).isEqualTo("450881");
            assertThat(row.get("service").asString()).isEqualTo("project-service");
            assertThat(row.get("entityType").asString()).isEqualTo("project");
            assertThat(row.has("occurredAt")).isTrue();
        });
        assertThat(rows(ok(guipingAuditor.get(AUDIT + "?size=200&actor=gb-auditee-" + run)))).as("a sibling's actor").isEmpty();
        assertThat(guipingAuditor.get(AUDIT + "?orgUnit=450802").status()).as("a sibling county").isEqualTo(403);
        assertThat(guipingAuditor.get(AUDIT + "?orgUnit=450800").status()).as("the city above").isEqualTo(403);
    }

    @Test
    void theCitysAuditorNarrowsToACountyAndTheRowsAreNewestFirst() {
        ApiClient cityAuditor = auditor("450800");
        JsonNode both = ok(cityAuditor.get(AUDIT + "?size=200&action=registered"));
        List<String> actors = new ArrayList<>();
        rows(both).forEach(row -> actors.add(row.get("actor").asString()));
        assertThat(actors).contains("gp-auditee-" + run, "gb-auditee-" + run);
        List<String> times = new ArrayList<>();
        rows(both).forEach(row -> times.add(row.get("occurredAt").asString()));
        assertThat(times).isSortedAccordingTo((a, b) -> java.time.Instant.parse(b).compareTo(java.time.Instant.parse(a)));
        assertThat(both.get("sort").asString()).isEqualTo("occurredAt,desc");
        JsonNode pastTheLast = ok(cityAuditor.get(AUDIT + "?size=200&action=registered&page=10000"));
        assertThat(rows(pastTheLast)).isEmpty();
        assertThat(pastTheLast.get("total").asLong()).as("counted without a page").isEqualTo(both.get("total").asLong());

        JsonNode gangbei = ok(cityAuditor.get(AUDIT + "?size=200&orgUnit=450802&action=registered"));
        assertThat(rows(gangbei)).extracting(row -> row.get("actorUnit").asString()).containsOnly("450802");

        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        JsonNode none = ok(cityAuditor.get(AUDIT + "?from=" + tomorrow));
        assertThat(none.get("total").asLong()).isZero();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(ok(cityAuditor.get(AUDIT + "?from=" + today + "&to=" + today + "&actor=gb-auditee-" + run)).get("total").asLong())
                .isPositive();
    }

    @Test
    void readingTheTrailIsItselfRecorded() {
        String reader = "reader-" + run;
        ApiClient auditor = ApiClient.atPort(port).withToken(idp.tokenFor(reader, "450800", "auditor"));
        ok(auditor.get(AUDIT + "?action=registered"));
        JsonNode reads = ok(auditor(("450800")).get(AUDIT + "?action=audit-read&actor=" + reader));
        assertThat(rows(reads)).hasSize(1);
        assertThat(rows(reads).getFirst().get("after").get("action").asString()).isEqualTo("registered");
    }

    @Test
    void officersAndViewersAreRefusedAndBadParametersAreNamed() {
        assertThat(ApiClient.atPort(port).as(TestUser.GP_OFFICER).get(AUDIT).status()).isEqualTo(403);
        assertThat(ApiClient.atPort(port).as(TestUser.GX_VIEWER).get(AUDIT).status()).isEqualTo(403);
        ApiClient.Response bad = auditor("450800").get(AUDIT + "?orgUnt=450802&from=yesterday&size=0");
        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(error -> fields.add(error.get("field").asString() + ":" + error.get("rule").asString()));
        assertThat(fields).containsExactlyInAnyOrder("orgUnt:Unknown", "from:Date", "size:Range");
        assertThat(auditor("450800").get(AUDIT + "?orgUnit=999999").status()).as("an unknown unit").isEqualTo(400);
    }

    @Test
    void aProjectsHistoryHoldsEveryActorsRowsForItsAuditorAndIsHiddenFromASibling() {
        String projectId = register("gp-history-" + run, "450881", "桂平审计历史项目" + run);
        ApiClient cityOfficer = ApiClient.atPort(port).withToken(idp.tokenFor("gg-history-" + run, "450800", "officer"));
        ApiClient.Response corrected = cityOfficer.withHeader("If-Match", "\"0\"")
                .patch("/api/projects/" + projectId, Map.of("name", "桂平审计历史项目（更正）" + run));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);

        JsonNode history = ok(auditor("450881").get("/api/projects/" + projectId + "/audit"));
        assertThat(rows(history)).extracting(row -> row.get("actor").asString())
                .containsExactly("gg-history-" + run, "gp-history-" + run);
        assertThat(rows(history)).allSatisfy(row -> assertThat(row.get("entityId").asString()).isEqualTo(projectId));
        assertThat(auditor("450802").get("/api/projects/" + projectId + "/audit").status()).as("a sibling county's auditor").isEqualTo(404);
        assertThat(ApiClient.atPort(port).as(TestUser.GP_OFFICER).get("/api/projects/" + projectId + "/audit").status()).isEqualTo(403);
    }

    /** @return the new project's id */
    private String register(String username, String unit, String name) {
        ApiClient officer = ApiClient.atPort(port).withToken(idp.tokenFor(username, unit, "officer"));
        ApiClient.Response created = officer.post("/api/projects", Map.of("name", name, "orgUnit", unit,
                "contractAmount", "100000000", "signingDate", "2026-05-20", "industryCode", "C1810"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private ApiClient auditor(String unit) {
        return ApiClient.atPort(port).withToken(idp.tokenFor("auditor-" + unit, unit, "auditor"));
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<JsonNode> rows(JsonNode page) {
        List<JsonNode> rows = new ArrayList<>();
        page.get("items").forEach(rows::add);
        return rows;
    }
}
