package cn.gov.zhaoshang.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestIdentityProvider;
import cn.gov.zhaoshang.testsupport.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of a stand-in service that records what reaches it: only requests with a
 * valid token get through, and the token travels on unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // a short refetch cooldown, so that a rotation is picked up soon even after another test's
        // unknown key id used the refetches of the current one (KeyRefetchIT tests the cooldown)
        properties = "zhaoshang.security.key-refetch-cooldown=1s")
class TokenValidationIT {

    static final RecordingService service = new RecordingService();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    TestIdentityProvider idp = PlatformServers.identityProvider();
    ApiClient gateway;

    @DynamicPropertySource
    static void pointGatewayAtTestServers(DynamicPropertyRegistry registry) {
        PlatformServers.tokenValidationProperties().forEach((key, value) -> registry.add(key, () -> value));
        String serviceUrl = service.url();
        for (String name : List.of("project", "enterprise", "targets", "reporting")) {
            registry.add("zhaoshang.gateway.services." + name, () -> serviceUrl);
        }
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @BeforeEach
    void setUp() {
        gateway = ApiClient.atPort(port);
        service.requestHeaders.clear();
    }

    @Test
    void aValidTokenIsForwardedUnchangedToTheOwningService() {
        String token = TestUser.GP_OFFICER.token();

        ApiClient.Response response = gateway.withToken(token).get("/api/projects/123");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("service saw /api/projects/123");
        assertThat(service.seen("Authorization")).containsExactly("Bearer " + token);
    }

    @Test
    void everyReportRouteReachesItsService() {
        String token = TestUser.GX_VIEWER.token();
        assertThat(gateway.withToken(token).get("/api/reports/monthly?orgUnit=450000&month=2026-10").body())
                .isEqualTo("service saw /api/reports/monthly");
    }

    @Test
    void noTokenIsRefused() {
        assertRefused(gateway.get("/api/projects"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(gateway.withToken(idp.token("gp-officer").orgUnit("450881").roles("officer")
                .expiresAt(Instant.now().minusSeconds(120)).sign()).get("/api/projects"));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefused(gateway.withToken(idp.token("gp-officer").orgUnit("450881").roles("officer")
                .issuer("http://127.0.0.1:1/realms/other").sign()).get("/api/projects"));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(gateway.withToken(idp.token("gp-officer").orgUnit("450881").roles("officer")
                .audience("another-api").sign()).get("/api/projects"));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = TestUser.GP_OFFICER.token();
        String[] parts = token.split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("450881", "450000").getBytes(StandardCharsets.UTF_8));
        assertRefused(gateway.withToken(parts[0] + "." + forgedClaims + "." + parts[2]).get("/api/projects"));
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefused() {
        assertRefused(gateway.withToken(idp.token("gp-officer").orgUnit("450881").roles("officer")
                .signedByUnknownKey().sign()).get("/api/projects"));
    }

    @Test
    void aRotatedSigningKeyIsPickedUpWithoutARestart() {
        assertThat(gateway.withToken(idp.tokenFor("rotation-before", "450881", "officer")).get("/api/projects").status()).isEqualTo(200);

        idp.rotateSigningKey();

        // picked up by the next fetch of the keys: at once, or once the refetch cooldown has passed
        ApiClient afterRotation = gateway.withToken(idp.tokenFor("rotation-after", "450881", "officer"));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(afterRotation.get("/api/projects").status()).isEqualTo(200));
    }

    @Test
    void swaggerUiListsEveryServicesDocumentAndFetchesItThroughTheGateway() {
        ApiClient.Response config = gateway.get("/v3/api-docs/swagger-config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("urls").valueStream().map(url -> url.get("url").asString()))
                .containsExactlyInAnyOrder("/api-docs/project-service", "/api-docs/enterprise-service",
                        "/api-docs/targets-service", "/api-docs/reporting-service");
        assertThat(gateway.get("/api-docs/reporting-service").body()).isEqualTo("service saw /v3/api-docs");
        assertThat(gateway.get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPortWithoutAToken() {
        ApiClient management = ApiClient.atPort(managementPort);
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
        ApiClient.Response metrics = management.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    /** Issue 25, finding 10: the public port, the one the Ingress forwards, has no actuator at all. */
    @Test
    void thePublicPortServesNoActuatorEndpoint() {
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/health/readiness", "/actuator/info", "/actuator")) {
            ApiClient.Response anonymous = gateway.get(path);
            assertThat(anonymous.status()).as("GET %s without a token", path).isIn(401, 404);
            assertThat(anonymous.body()).as(path).doesNotContain("jvm_").doesNotContain("UP");
            ApiClient.Response signedIn = gateway.withToken(TestUser.GX_ADMIN.token()).get(path);
            assertThat(signedIn.status()).as("GET %s as an admin", path).isEqualTo(404);
        }
        assertThat(service.requestHeaders).as("nothing reached a service").isEmpty();
    }

    private static void assertRefused(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(service.requestHeaders).isEmpty();
    }
}
