package cn.gov.zhaoshang.project.duplicates.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20, acceptance 6: a pooled registration, the review pool and the form's duplicate check name
 * the project a new one may duplicate, and the rule, only when that project is within the caller's
 * scope; otherwise they say {@code possibleDuplicate: true} and no more. The check is audited and
 * limited per user.
 */
@PlatformIntegrationTest
class DuplicateDisclosureApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guipingOfficer;
    ApiClient guigangOfficer;

    @BeforeEach
    void clients() {
        ApiClient api = ApiClient.atPort(port);
        guipingOfficer = api.as(TestUser.GP_OFFICER);
        guigangOfficer = api.as(TestUser.GG_OFFICER);
    }

    @Test
    void aPooledRegistrationNamesNeitherAnotherCountysProjectNorTheRuleButTheCitysReviewersSeeBoth() {
        String code = uniqueCode("DSC");
        String guipings = register(guipingOfficer, "450881", "桂平市铝型材深加工项目" + code, code).json().get("id").asString();
        // A user of its own, so that the per-user budget of the other tests is not shared.
        ApiClient gangbeiOfficer = ApiClient.atPort(port)
                .withToken(PlatformServers.identityProvider().tokenFor("gb-disclosure-officer", "450802", "officer"));

        ApiClient.Response pooled = register(gangbeiOfficer, "450802", "港北区门窗制造项目" + code, code);

        assertThat(pooled.json().get("reviewStatus").asString()).isEqualTo("PENDING");
        assertUndisclosed(pooled.json());
        assertThat(pooled.body()).doesNotContain(guipings).doesNotContain("L1");
        String pooledId = pooled.json().get("id").asString();
        ApiClient.Response read = gangbeiOfficer.get("/api/projects/" + pooledId);
        assertUndisclosed(read.json());
        ApiClient.Response ownPool = gangbeiOfficer.get("/api/projects/review-pool?size=200");
        JsonNode ownEntry = entryOf(ownPool.json(), pooledId);
        assertThat(ownEntry.get("duplicateOf").isNull()).isTrue();
        assertThat(ownEntry.get("rule").isNull()).isTrue();
        assertThat(ownPool.body()).doesNotContain(guipings);

        // The city holds both projects: its reviewers see which and by what rule.
        JsonNode cityEntry = entryOf(guigangOfficer.get("/api/projects/review-pool?size=200").json(), pooledId);
        assertThat(cityEntry.get("duplicateOf").asString()).isEqualTo(guipings);
        assertThat(cityEntry.get("rule").asString()).isEqualTo("L1");
        JsonNode cityRead = guigangOfficer.get("/api/projects/" + pooledId).json();
        assertThat(cityRead.get("possibleDuplicate").asBoolean()).isTrue();
        assertThat(cityRead.get("duplicateOf").asString()).isEqualTo(guipings);
        assertThat(cityRead.get("duplicateRule").asString()).isEqualTo("L1");

        // Within its own scope the registering county is told both at once.
        ApiClient.Response ownDuplicate = register(guipingOfficer, "450881", "桂平市铝型材深加工二期" + code, code);
        assertThat(ownDuplicate.json().get("possibleDuplicate").asBoolean()).isTrue();
        assertThat(ownDuplicate.json().get("duplicateOf").asString()).isEqualTo(guipings);
        assertThat(ownDuplicate.json().get("duplicateRule").asString()).isEqualTo("L1");
        assertThat(guipingOfficer.get("/api/projects/" + guipings).json().get("possibleDuplicate").asBoolean()).isFalse();
    }

    @Test
    void theFormsCheckAnswersByTheSameRuleIsAuditedAndIsLimitedPerUser() throws Exception {
        String code = uniqueCode("CHK");
        // a name of this test alone: the form's check compares names across the whole city
        String name = "桂平市竹木家具" + code;
        String guipings = register(guipingOfficer, "450881", name + "项目", code).json().get("id").asString();
        String prober = "gb-prober-" + System.nanoTime();
        String proberToken = PlatformServers.identityProvider().tokenFor(prober, "450802", "officer");
        ApiClient gangbeiProber = ApiClient.atPort(port).withToken(proberToken);

        ApiClient.Response outside = gangbeiProber.post("/api/projects/duplicate-check",
                Map.of("orgUnit", "450802", "name", "港北区家具城" + code, "projectCode", code));
        assertThat(outside.status()).as(outside.toString()).isEqualTo(200);
        assertThat(outside.json().get("possibleDuplicate").asBoolean()).isTrue();
        assertThat(outside.json().get("duplicateOf").isNull()).isTrue();
        assertThat(outside.json().get("rule").isNull()).isTrue();
        assertThat(outside.body()).doesNotContain(guipings);

        ApiClient.Response none = gangbeiProber.post("/api/projects/duplicate-check",
                Map.of("orgUnit", "450802", "name", "港北区全新物流园" + code, "projectCode", uniqueCode("NEW")));
        assertThat(none.json().get("possibleDuplicate").asBoolean()).isFalse();

        ApiClient.Response within = guipingOfficer.post("/api/projects/duplicate-check",
                Map.of("orgUnit", "450881", "name", name.replace("竹木", "竹木 ") + "（项目）"));
        assertThat(within.json().get("duplicateOf").asString()).isEqualTo(guipings);
        assertThat(within.json().get("rule").asString()).isEqualTo("L1");
        // the form's check registers nothing
        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE project_code = :code").param("code", code)
                .query(Long.class).single()).isEqualTo(1);

        assertThat(jdbc.sql("""
                SELECT entity_id || ':' || (after->>'projectCode') || ':' || (after->>'possibleDuplicate') || ':'
                       || (after->>'disclosed') || ':' || (after->>'rule')
                FROM audit_log WHERE actor = :actor AND action = 'duplicate-checked' ORDER BY id""")
                .param("actor", prober).query(String.class).list())
                .startsWith("450802:" + code + ":true:false:L1");

        ApiClient.Response badRequest = gangbeiProber.post("/api/projects/duplicate-check", Map.of("orgUnit", "450802"));
        assertThat(badRequest.status()).isEqualTo(400);
        assertThat(badRequest.body()).contains("\"field\":\"name\"");
        assertThat(gangbeiProber.post("/api/projects/duplicate-check", Map.of("orgUnit", "450881", "name", "越界查重")).status())
                .isEqualTo(403);

        // The budget: 20 questions a minute, the three answered above included (not the 400, refused
        // before it is asked); the 429 says when to come back, and the import preview draws on the
        // same budget.
        ApiClient.Response answer = none;
        int asked = 3;
        while (answer.status() == 200 && asked < 40) {
            answer = gangbeiProber.post("/api/projects/duplicate-check",
                    Map.of("orgUnit", "450802", "name", "港北区试探项目" + asked, "projectCode", uniqueCode("P" + asked)));
            asked++;
        }
        assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
        assertThat(asked).isBetween(21, 30);
        assertThat(answer.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.json().get("type").asString()).endsWith("/rate-limited");
        HttpResponse<String> preview = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/projects/imports/preview"))
                .header("Authorization", "Bearer " + proberToken).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("not a workbook")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(429);
    }

    private static void assertUndisclosed(JsonNode project) {
        assertThat(project.get("possibleDuplicate").asBoolean()).isTrue();
        assertThat(project.get("duplicateOf").isNull()).isTrue();
        assertThat(project.get("duplicateRule").isNull()).isTrue();
    }

    private static JsonNode entryOf(JsonNode pool, String projectId) {
        return pool.get("items").valueStream().filter(item -> item.get("project").get("id").asString().equals(projectId))
                .findFirst().orElseThrow(() -> new AssertionError(projectId + " is not in the pool: " + pool));
    }

    private static String uniqueCode(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L;
    }

    private static ApiClient.Response register(ApiClient officer, String unit, String name, String code) {
        return officer.create("/api/projects", Map.of("name", name, "orgUnit", unit, "projectCode", code,
                "stage", "NEGOTIATING", "industryCode", "C3311"));
    }
}
