package cn.gov.zhaoshang.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import cn.gov.zhaoshang.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 22: a bureau's {@code user-admin} onboards its own people through {@code /api/users}
 * (targets-service, Keycloak's Admin REST API as the client {@code zhaoshang-users}), on the whole
 * platform behind the real Keycloak; and the auditor reads the whole trail.
 */
@ExtendWith(WholePlatform.Shared.class)
class UserAdministrationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SERIAL = new AtomicInteger();
    static WholePlatform platform;

    @BeforeAll
    static void thePlatformBehindKeycloak() {
        platform = WholePlatform.Shared.platform();
    }

    /** Acceptance 1 (its API half; the browser spec users.spec.ts signs in on Keycloak's page). */
    @Test
    void guigangsUserAdminCreatesACountyOfficerWhoSeesOnlyTheCountyAndRegistersAProject() throws Exception {
        ApiClient ggAdmin = platform.asUser("gg-admin");
        String username = uniqueUsername("gb-officer");

        ApiClient.Response created = ggAdmin.create("/api/users", Map.of("username", username, "firstName", "港北区", "lastName", "新专员",
                "email", username + "@gangbei.example.gov.cn", "orgUnit", "450802", "roles", List.of("officer")));
        JsonNode user = created.json().get("user");
        String oneTimePassword = created.json().get("oneTimePassword").asString();
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/users/" + user.get("id").asString());
        assertThat(user.get("orgUnit").asString()).isEqualTo("450802");
        assertThat(user.get("roles").valueStream().map(JsonNode::asString)).containsExactly("officer");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(oneTimePassword).hasSizeGreaterThanOrEqualTo(16);
        assertThat(ggAdmin.get("/api/users/" + user.get("id").asString()).json().has("oneTimePassword"))
                .as("the one-time password is shown once, in the creation's answer").isFalse();
        assertThat(ggAdmin.get("/api/users?orgUnit=450802&size=200").json().get("items").valueStream()
                .map(item -> item.get("username").asString())).contains(username);

        // the one-time password is temporary: Keycloak will not hand out a token before it is changed
        HttpResponse<String> beforeTheChange = passwordGrant(username, oneTimePassword);
        assertThat(beforeTheChange.statusCode()).isEqualTo(400);
        assertThat(beforeTheChange.body()).contains("not fully set up");

        ApiClient newOfficer = signedIn(username, user.get("id").asString());
        ApiClient.Response project = newOfficer.create("/api/projects", ThroughTheGatewayIT.project(
                "港北区新专员登记的项目 " + UUID.randomUUID(), "450802", "88000000.00", "2026-05-20"));
        assertThat(project.json().get("registeredBy").asString()).isEqualTo(username);
        assertThat(newOfficer.post("/api/projects", ThroughTheGatewayIT.project("桂平的项目", "450881", "1", "2026-05-20")).status())
                .as("a project of Guiping, a sibling county").isEqualTo(403);
        assertThat(newOfficer.get("/api/projects?size=200").json().get("items").valueStream()
                .map(item -> item.get("orgUnit").asString())).as("港北区 and its parks").isNotEmpty().allMatch(code -> code.startsWith("450802"));
        // reporting answers a unit outside the caller's scope as one it does not know
        assertThat(newOfficer.get("/api/reports/monthly?orgUnit=450800&month=2026-05").status()).as("the city's report").isEqualTo(404);
    }

    /** Acceptance 2. */
    @Test
    void aUserAdminReachesNeitherUnitsNorRolesNorUsersOutsideItsSubtree() throws Exception {
        ApiClient ggAdmin = platform.asUser("gg-admin");
        Map<String, Object> nanning = Map.of("username", uniqueUsername("nn"), "firstName", "南宁", "lastName", "专员", "orgUnit", "450100",
                "roles", List.of("officer"));
        assertThat(ggAdmin.post("/api/users", nanning).status()).as("a user in Nanning").isEqualTo(403);
        for (String role : List.of("admin", "auditor", "agency")) {
            ApiClient.Response refused = ggAdmin.post("/api/users", Map.of("username", uniqueUsername("gg"), "firstName", "贵港",
                    "lastName", "专员", "orgUnit", "450800", "roles", List.of("officer", role)));
            assertThat(refused.status()).as("granting " + role).isEqualTo(403);
            assertThat(refused.json().get("detail").asString()).contains(role);
        }
        assertThat(ggAdmin.get("/api/users?orgUnit=450100").status()).as("Nanning's users").isEqualTo(404);
        String regionalOfficer = idOf(platform.asUser("gx-useradmin"), "450000", "gx-officer");
        assertThat(ggAdmin.get("/api/users/" + regionalOfficer).status()).as("a user of the region, above Guigang").isEqualTo(404);
        assertThat(ggAdmin.post("/api/users/" + regionalOfficer + "/disable", Map.of()).status()).isEqualTo(404);
        assertThat(ggAdmin.get("/api/users?size=200").json().get("items").valueStream().map(item -> item.get("orgUnit").asString()))
                .isNotEmpty().allMatch(code -> code.startsWith("4508"));

        // a county's user-admin, made by the city's, cannot place a user at the city
        String countyAdmin = uniqueUsername("gb-useradmin");
        JsonNode made = ggAdmin.create("/api/users", Map.of("username", countyAdmin, "firstName", "港北区", "lastName", "用户管理员",
                "orgUnit", "450802", "roles", List.of("user-admin"))).json().get("user");
        ApiClient gangbeiAdmin = signedIn(countyAdmin, made.get("id").asString());
        assertThat(gangbeiAdmin.post("/api/users", Map.of("username", uniqueUsername("gg"), "firstName", "贵港", "lastName", "专员",
                "orgUnit", "450800", "roles", List.of("viewer"))).status()).as("a user at the city").isEqualTo(403);
        assertThat(gangbeiAdmin.get("/api/users?orgUnit=450800").status()).isEqualTo(404);
        assertThat(gangbeiAdmin.create("/api/users", Map.of("username", uniqueUsername("gb"), "firstName", "港北区", "lastName", "查看员",
                "orgUnit", "450802", "roles", List.of("viewer"))).status()).isEqualTo(201);

        // bad input names the field and the rule
        ApiClient.Response bad = ggAdmin.post("/api/users", Map.of("username", "Bad Name", "firstName", "", "lastName", "x",
                "orgUnit", "450800", "roles", List.of("officer")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .contains("username", "firstName");
        ApiClient.Response unknownRole = ggAdmin.post("/api/users", Map.of("username", uniqueUsername("gg"), "firstName", "贵港",
                "lastName", "专员", "orgUnit", "450800", "roles", List.of("superuser")));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().get("errors").get(0).get("field").asString()).isEqualTo("roles[0]");
        assertThat(ggAdmin.get("/api/users?orgUnit=450800&colour=red").status()).as("an unknown parameter").isEqualTo(400);
        ApiClient.Response taken = ggAdmin.post("/api/users", Map.of("username", countyAdmin, "firstName", "同名", "lastName", "用户",
                "orgUnit", "450802", "roles", List.of("viewer")));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
    }

    /** Acceptance 3: user-admin is not the operator's admin. */
    @Test
    void aUserAdminHasNoneOfTheOperatorsPowers() {
        String token = platform.tokenOf("gg-admin");
        for (String service : WholePlatform.SERVICES) {
            ApiClient direct = ApiClient.at(platform.serviceUrl(service)).withToken(token);
            assertThat(direct.get("/actuator/deadletters").status()).as(service + "'s dead letters").isEqualTo(403);
            assertThat(direct.get("/actuator/metrics").status()).as(service + "'s metrics").isEqualTo(403);
        }
        ApiClient reporting = ApiClient.at(platform.serviceUrl("reporting-service")).withToken(token);
        assertThat(reporting.post("/actuator/readmodels/rebuild", Map.of()).status()).as("a read-model rebuild").isEqualTo(403);
        ApiClient ggAdmin = platform.asUser("gg-admin");
        assertThat(ggAdmin.post("/api/org-units/450802/change-code", Map.of("newCode", "450899")).status()).isEqualTo(403);
        assertThat(ggAdmin.post("/api/org-units/450802/rename", Map.of("nameZh", "改名", "nameEn", "Renamed")).status()).isEqualTo(403);
        assertThat(ggAdmin.get("/api/projects").status()).as("a user-admin reads no projects").isEqualTo(403);
        assertThat(ggAdmin.get("/api/org-units").json().get("code").asString()).as("but its subtree, to place people in it")
                .isEqualTo("450800");
        assertThat(ggAdmin.get("/api/org-units/450100").status()).as("not Nanning").isEqualTo(404);
    }

    /**
     * A user-admin changes a user's unit and roles, disables and re-enables them; a user holding a
     * role only the operator grants is out of reach; a disabled user gets no token.
     */
    @Test
    void changesDisablingAndReEnablingAreAuditedWithUnitAndRolesButNoPersonalData() throws Exception {
        ApiClient ggAdmin = platform.asUser("gg-admin");
        String username = uniqueUsername("gg-viewer");
        JsonNode user = ggAdmin.create("/api/users", Map.of("username", username, "firstName", "贵港", "lastName", "查看员",
                "email", username + "@guigang.example.gov.cn", "orgUnit", "450800", "roles", List.of("viewer"))).json().get("user");
        String id = user.get("id").asString();

        ApiClient.Response changed = ggAdmin.post("/api/users/" + id, Map.of("firstName", "覃塘区", "lastName", "查看员",
                "email", username + "@qintang.example.gov.cn", "orgUnit", "450804", "roles", List.of("viewer", "contacts-reader")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("orgUnit").asString()).isEqualTo("450804");
        assertThat(changed.json().get("roles").valueStream().map(JsonNode::asString)).containsExactly("contacts-reader", "viewer");

        ApiClient signedIn = signedIn(username, id);
        assertThat(ggAdmin.post("/api/users/" + id + "/disable", Map.of()).json().get("enabled").asBoolean()).isFalse();
        assertThat(passwordGrant(username, platform.secrets().demoPassword()).statusCode()).as("a disabled user's sign-in").isEqualTo(400);
        assertThat(signedIn).isNotNull();
        assertThat(ggAdmin.post("/api/users/" + id + "/enable", Map.of()).json().get("enabled").asBoolean()).isTrue();
        assertThat(passwordGrant(username, platform.secrets().demoPassword()).statusCode()).isEqualTo(200);
        assertThat(ggAdmin.post("/api/users/" + idOf(ggAdmin, "450800", "gg-admin") + "/disable", Map.of()).status())
                .as("disabling oneself").isEqualTo(409);

        ApiClient auditor = platform.asUser("auditor");
        JsonNode rows = auditor.get("/api/targets/audit?actor=gg-admin&size=200").json().get("items");
        List<JsonNode> ofUser = rows.valueStream().filter(row -> row.get("entityId").asString().equals(id)).toList();
        assertThat(ofUser).extracting(row -> row.get("action").asString())
                .contains("user-created", "user-changed", "contacts-reader-granted", "user-disabled", "user-enabled");
        JsonNode change = ofUser.stream().filter(row -> row.get("action").asString().equals("user-changed")).findFirst().orElseThrow();
        assertThat(change.get("actorUnit").asString()).isEqualTo("450800");
        assertThat(change.get("before").get("orgUnit").asString()).isEqualTo("450800");
        assertThat(change.get("after").get("orgUnit").asString()).isEqualTo("450804");
        assertThat(change.get("before").get("roles").valueStream().map(JsonNode::asString)).containsExactly("viewer");
        assertThat(change.get("after").get("roles").valueStream().map(JsonNode::asString)).containsExactly("contacts-reader", "viewer");
        assertThat(rows.toString()).as("names and e-mail addresses are not audited")
                .doesNotContain("查看员", "example.gov.cn", "firstName", "email");

        String auditorId = idOf(platform.asUser("gx-useradmin"), "450000", "auditor");
        assertThat(platform.asUser("gx-useradmin").post("/api/users/" + auditorId + "/disable", Map.of()).status())
                .as("the region's auditor, whose role only the operator grants").isEqualTo(403);
    }

    /** A unit given a new code keeps its people: their org_unit in Keycloak follows it. */
    @Test
    void theUsersOfARecodedUnitFollowItsNewCode() throws Exception {
        ApiClient operator = platform.asUser("gx-admin");
        JsonNode park = operator.create("/api/org-units", Map.of("parentCode", "450802", "nameZh", "港北区测试园区 " + SERIAL.incrementAndGet(),
                "nameEn", "Gangbei test park")).json();
        String oldCode = park.get("code").asString();
        ApiClient ggAdmin = platform.asUser("gg-admin");
        String username = uniqueUsername("park-officer");
        String id = ggAdmin.create("/api/users", Map.of("username", username, "firstName", "园区", "lastName", "专员", "orgUnit", oldCode,
                "roles", List.of("officer"))).json().get("user").get("id").asString();

        String newCode = freeParkCode(operator, "450802");
        ApiClient.Response recoded = operator.post("/api/org-units/" + oldCode + "/change-code", Map.of("newCode", newCode));
        assertThat(recoded.status()).as(recoded.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ggAdmin.get("/api/users/" + id).json().get("orgUnit").asString()).isEqualTo(newCode));
        ApiClient officer = signedIn(username, id);
        assertThat(officer.get("/api/org-units/" + newCode).status()).as("the moved user's token names the new code").isEqualTo(200);
        JsonNode audited = platform.asUser("auditor").get("/api/targets/audit?action=user-unit-recoded&size=200").json().get("items");
        assertThat(audited.valueStream().filter(row -> row.get("entityId").asString().equals(id)).toList()).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("actor").asString()).isEqualTo("gx-admin");
                    assertThat(row.get("before").get("orgUnit").asString()).isEqualTo(oldCode);
                    assertThat(row.get("after").get("orgUnit").asString()).isEqualTo(newCode);
                });
    }

    /** Acceptance 4: one trail, four services, each row with actor and time; an officer is refused. */
    @Test
    void theAuditorFindsRegistrationsUnmaskedReadsTargetChangesAndUserCreationsWithActorAndTime() throws Exception {
        ApiClient ggOfficer = platform.asUser("gg-officer");
        String projectName = "审计追踪测试项目 " + UUID.randomUUID();
        String projectId = ggOfficer.create("/api/projects", ThroughTheGatewayIT.project(projectName, "450802", "12000000.00",
                "2026-05-20")).json().get("id").asString();
        assertThat(ggOfficer.post("/api/targets", Map.of("orgUnit", "450881", "year", 2027,
                "figures", Map.of("SIGNED_COUNT", String.valueOf(40 + SERIAL.incrementAndGet())))).status()).isEqualTo(200);
        String enterpriseId = ggOfficer.get("/api/enterprises?size=1").json().get("items").get(0).get("id").asString();
        String contactId = ggOfficer.create("/api/enterprises/" + enterpriseId + "/contacts", Map.of("name", "李审计", "phone", "13900001234"))
                .json().get("id").asString();
        ApiClient ggAdmin = platform.asUser("gg-admin");
        String readerName = uniqueUsername("gg-contacts");
        String readerId = ggAdmin.create("/api/users", Map.of("username", readerName, "firstName", "贵港", "lastName", "联系人查看",
                "orgUnit", "450800", "roles", List.of("viewer", "contacts-reader"))).json().get("user").get("id").asString();
        assertThat(signedIn(readerName, readerId).get("/api/contacts/" + contactId).json().get("phone").asString()).isEqualTo("13900001234");

        ApiClient auditor = platform.asUser("auditor");
        assertThat(row(auditor, "/api/projects/audit?actor=gg-officer&action=registered", projectId)).isNotNull();
        assertThat(row(auditor, "/api/enterprises/audit?actor=" + readerName + "&action=read-unmasked", contactId)).isNotNull();
        assertThat(auditor.get("/api/targets/audit?actor=gg-officer&action=target-set").json().get("items").size()).isPositive();
        JsonNode creation = row(auditor, "/api/targets/audit?actor=gg-admin&action=user-created", readerId);
        assertThat(creation.get("after").get("roles").valueStream().map(JsonNode::asString)).containsExactly("contacts-reader", "viewer");
        assertThat(row(auditor, "/api/targets/audit?actor=gg-admin&action=contacts-reader-granted", readerId)).isNotNull();

        for (String prefix : List.of("projects", "enterprises", "targets", "reports")) {
            assertThat(ggOfficer.get("/api/" + prefix + "/audit").status()).as("an officer reading " + prefix + "' audit").isEqualTo(403);
            assertThat(ggAdmin.get("/api/" + prefix + "/audit").status()).as("a user-admin reading " + prefix + "' audit").isEqualTo(403);
        }
        assertThat(auditor.get("/api/targets/audit?action=audit-read&actor=auditor").json().get("total").asLong())
                .as("reading the audit is itself audited").isPositive();
    }

    /** The row about {@code entityId} of the filtered trail, with its actor and time. */
    private static JsonNode row(ApiClient auditor, String path, String entityId) {
        JsonNode items = auditor.get(path + "&size=200").json().get("items");
        JsonNode found = items.valueStream().filter(item -> item.get("entityId").asString().equals(entityId)).findFirst()
                .orElseThrow(() -> new AssertionError("no row about " + entityId + " in " + path + ": " + items));
        assertThat(found.get("actor").asString()).isNotBlank();
        assertThat(found.get("occurredAt").asString()).isNotBlank();
        return found;
    }

    private static String idOf(ApiClient userAdmin, String unit, String username) {
        return userAdmin.get("/api/users?orgUnit=" + unit + "&q=" + username + "&size=200").json().get("items").valueStream()
                .filter(item -> item.get("username").asString().equals(username)).findFirst().orElseThrow().get("id").asString();
    }

    private static String freeParkCode(ApiClient operator, String county) {
        for (int n = 99; n > 0; n--) {
            String code = county + "P" + String.format("%02d", n);
            if (operator.get("/api/org-units/" + code).status() == 404) {
                return code;
            }
        }
        throw new IllegalStateException("no free park code under " + county);
    }

    private static String uniqueUsername(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36) + SERIAL.incrementAndGet();
    }

    /**
     * The new user, signed in. At their first sign-in Keycloak makes them replace the one-time
     * password (users.spec.ts does that on Keycloak's page); here the operator's admin API sets the
     * demo password instead, as a user changing it would.
     */
    private static ApiClient signedIn(String username, String id) throws Exception {
        String admin = adminToken();
        String credential = JSON.writeValueAsString(Map.of("type", "password", "value", platform.secrets().demoPassword(), "temporary", false));
        HttpResponse<String> reset = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.keycloak().baseUrl() + "/admin/realms/zhaoshang/users/" + id + "/reset-password"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(credential)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
        return platform.asUser(username);
    }

    private static String adminToken() throws IOException, InterruptedException {
        String form = "client_id=admin-cli&grant_type=password&username=admin&password="
                + URLEncoder.encode(platform.secrets().keycloakAdminPassword(), StandardCharsets.UTF_8);
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.keycloak().baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(token.body()).get("access_token").asString();
    }

    private static HttpResponse<String> passwordGrant(String username, String password) throws IOException, InterruptedException {
        String form = "client_id=zhaoshang-cli&grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.keycloak().tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
