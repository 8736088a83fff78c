package cn.gov.zhaoshang.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import cn.gov.zhaoshang.launcher.KeycloakServer;
import cn.gov.zhaoshang.launcher.LocalRealm;
import cn.gov.zhaoshang.launcher.LocalSecrets;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform behind the real Keycloak (its Maven Central distribution, with the realm the
 * launcher imports): tokens come from Keycloak's token endpoint by password grant and client
 * credentials, and the gateway and services validate them against Keycloak's keys.
 */
@ExtendWith(WholePlatform.Shared.class)
class RealKeycloakIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static WholePlatform platform;
    static KeycloakServer keycloak;
    static LocalSecrets secrets;

    @BeforeAll
    static void thePlatformBehindKeycloak() {
        platform = WholePlatform.Shared.platform();
        keycloak = platform.keycloak();
        secrets = platform.secrets();
    }

    @Test
    void countyCityAndAgencyTokensFromKeycloakSeeExactlyWhatTheirRolesAndUnitsAllow() throws Exception {
        ApiClient guiping = viaGateway(passwordGrant("gp-officer"));
        ApiClient gangbei = viaGateway(passwordGrant("gb-officer"));
        ApiClient guigang = viaGateway(passwordGrant("gg-officer"));
        ApiClient agency = viaGateway(clientCredentials("agency-stats", secrets.agencyStatsSecret()));

        // the platform holds the launcher's demo data: the report counts this project on top of it
        JsonNode guigangBefore = guigang.get("/api/reports/monthly?orgUnit=450800&month=2026-05").json();
        JsonNode regionBefore = agency.get("/api/reports/monthly?orgUnit=450000&month=2026-05").json();
        ApiClient.Response created = guiping.create("/api/projects", ThroughTheGatewayIT.project(
                "桂平市木材精深加工项目 " + UUID.randomUUID(), "450881", "320000000.00", "2026-05-20"));
        String id = created.json().get("id").asString();
        assertThat(created.json().get("registeredBy").asString()).isEqualTo("gp-officer");
        assertThat(created.json().get("reviewStatus").asString()).isEqualTo("ACCEPTED");

        assertThat(gangbei.get("/api/projects/" + id).status()).isEqualTo(404);
        assertThat(gangbei.get("/api/projects?size=200").json().get("items").valueStream()
                .map(item -> item.get("id").asString())).doesNotContain(id);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode report = guigang.get("/api/reports/monthly?orgUnit=450800&month=2026-05").json();
            assertThat(report.get("signedCount").asLong()).isEqualTo(guigangBefore.get("signedCount").asLong() + 1);
            assertThat(report.get("contractInvestment").asString()).isEqualTo(plus(guigangBefore, "320000000.00"));
        });

        ApiClient.Response agencyReport = agency.get("/api/reports/monthly?orgUnit=450000&month=2026-05");
        assertThat(agencyReport.status()).isEqualTo(200);
        assertThat(agencyReport.json().get("signedCount").asLong()).isEqualTo(regionBefore.get("signedCount").asLong() + 1);
        assertThat(agencyReport.json().get("contractInvestment").asString()).isEqualTo(plus(regionBefore, "320000000.00"));
        assertThat(agency.post("/api/projects",
                ThroughTheGatewayIT.project("越权", "450881", "1", "2026-05-20")).status()).isEqualTo(403);
    }

    private static String plus(JsonNode report, String amount) {
        return new BigDecimal(report.get("contractInvestment").asString()).add(new BigDecimal(amount)).toPlainString();
    }

    @Test
    void tokensThatKeycloakDidNotIssueForThisRealmAreRefused() throws Exception {
        ApiClient anonymous = ApiClient.at(platform.consoleUrl());
        assertThat(anonymous.get("/api/reports/monthly?orgUnit=450800&month=2026-05").status()).isEqualTo(401);

        // another realm: the test issuer's well-formed token, signed by keys this realm never published
        String otherRealm = TestUser.GG_OFFICER.token();
        assertThat(anonymous.withToken(otherRealm).get("/api/reports/monthly?orgUnit=450800&month=2026-05").status()).isEqualTo(401);

        String genuine = passwordGrant("gg-officer");
        assertThat(anonymous.withToken(genuine).get("/api/reports/monthly?orgUnit=450800&month=2026-05").status()).isEqualTo(200);
        String[] parts = genuine.split("\\.");
        String forgedSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThat(anonymous.withToken(forgedSignature).get("/api/reports/monthly?orgUnit=450800&month=2026-05").status()).isEqualTo(401);
        assertThat(ApiClient.at(platform.serviceUrl("project-service")).withToken(forgedSignature).get("/api/projects").status()).isEqualTo(401);
    }

    /**
     * A second start of the launcher finds the realm imported (Keycloak does not import it again)
     * and gives it that start's secrets through the admin API: the demo users' password and
     * agency-stats' secret of the first start are refused from then on.
     */
    @Test
    void theSecretsOfALaterStartReplaceThoseTheRealmWasImportedWith() throws Exception {
        LocalSecrets later = LocalSecrets.of("demo-" + UUID.randomUUID(), "agency-" + UUID.randomUUID(), secrets.keycloakAdminPassword());
        try {
            keycloak.applySecrets(later);

            for (String user : LocalRealm.DEMO_USERS) {
                assertThat(tokenStatus(passwordForm(user, later.demoPassword()))).as(user + ", the later password").isEqualTo(200);
                HttpResponse<String> first = tokenResponse(passwordForm(user, secrets.demoPassword()));
                assertThat(first.statusCode()).as(user + ", the first password").isEqualTo(400);
                assertThat(first.body()).contains("Invalid user credentials");
            }
            assertThat(tokenStatus(clientCredentialsForm("agency-stats", later.agencyStatsSecret()))).isEqualTo(200);
            HttpResponse<String> firstSecret = tokenResponse(clientCredentialsForm("agency-stats", secrets.agencyStatsSecret()));
            assertThat(firstSecret.statusCode()).as(firstSecret.body()).isEqualTo(401);
        } finally {
            // the other tests of this class use the first start's secrets
            keycloak.applySecrets(secrets);
        }
        assertThat(tokenStatus(passwordForm("gg-officer", secrets.demoPassword()))).isEqualTo(200);
    }

    private static ApiClient viaGateway(String token) {
        return ApiClient.at(platform.consoleUrl()).withToken(token);
    }

    private static String passwordGrant(String username) {
        return platform.tokenOf(username);
    }

    private static String clientCredentials(String clientId, String secret) throws IOException, InterruptedException {
        return token(clientCredentialsForm(clientId, secret));
    }

    private static String passwordForm(String username, String password) {
        return "client_id=zhaoshang-cli&grant_type=password&username=" + username
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    private static String clientCredentialsForm(String clientId, String secret) {
        return "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }

    private static String token(String form) throws IOException, InterruptedException {
        HttpResponse<String> response = tokenResponse(form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static int tokenStatus(String form) throws IOException, InterruptedException {
        return tokenResponse(form).statusCode();
    }

    private static HttpResponse<String> tokenResponse(String form) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
