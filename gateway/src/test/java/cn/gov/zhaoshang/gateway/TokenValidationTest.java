package cn.gov.zhaoshang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestIdentityProvider;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of a stand-in service that records what reaches it: only requests with a
 * valid token get through, and the token travels on unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenValidationTest {

    static final List<String> authorizationHeadersSeenByService = new CopyOnWriteArrayList<>();
    static final HttpServer service = startRecordingService();

    @LocalServerPort
    int port;

    TestIdentityProvider idp = PlatformServers.identityProvider();
    ApiClient gateway;

    @DynamicPropertySource
    static void pointGatewayAtTestServers(DynamicPropertyRegistry registry) {
        PlatformServers.tokenValidationProperties().forEach((key, value) -> registry.add(key, () -> value));
        String serviceUrl = "http://127.0.0.1:" + service.getAddress().getPort();
        for (String name : List.of("project", "enterprise", "targets", "reporting")) {
            registry.add("zhaoshang.gateway.services." + name, () -> serviceUrl);
        }
    }

    @AfterAll
    static void stopService() {
        service.stop(0);
    }

    @BeforeEach
    void setUp() {
        gateway = ApiClient.at("http://127.0.0.1:" + port);
        authorizationHeadersSeenByService.clear();
    }

    @Test
    void aValidTokenIsForwardedUnchangedToTheOwningService() {
        String token = idp.tokenFor("gp-officer", "450881", "officer");

        ApiClient.Response response = gateway.withToken(token).get("/api/projects/123");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("service saw /api/projects/123");
        assertThat(authorizationHeadersSeenByService).containsExactly("Bearer " + token);
    }

    @Test
    void everyReportRouteReachesItsService() {
        String token = idp.tokenFor("gx-viewer", "450000", "viewer");
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
        String token = idp.tokenFor("gp-officer", "450881", "officer");
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
    void healthNeedsNoToken() {
        assertThat(gateway.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    private static void assertRefused(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(authorizationHeadersSeenByService).isEmpty();
    }

    private static HttpServer startRecordingService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                authorizationHeadersSeenByService.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = ("service saw " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
