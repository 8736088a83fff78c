package cn.gov.zhaoshang.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.SilentKeyEndpoint;
import cn.gov.zhaoshang.testsupport.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The gateway whose identity provider accepts the connection for its keys and never answers
 * answers a request with a well-formed token 503 problem details with {@code Retry-After}, once the
 * key fetch's time-out has passed, as the services do; it used to wait for as long as the client did.
 * Its console page says that Keycloak does not answer, once the gateway's own check of the key
 * endpoint has timed out, and the next page does not wait again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"zhaoshang.security.key-fetch-timeout=1s", "zhaoshang.gateway.console.keycloak-check-timeout=1s"})
class IdentityProviderOutageIT {

    static final SilentKeyEndpoint keys = new SilentKeyEndpoint();

    @LocalServerPort
    int port;

    TestIdentityProvider idp = PlatformServers.identityProvider();

    @DynamicPropertySource
    static void pointAtTheSilentKeyEndpoint(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> PlatformServers.identityProvider().issuer());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", keys::jwkSetUri);
        for (String name : List.of("project", "enterprise", "targets", "reporting")) {
            // never reached: the token cannot be checked
            registry.add("zhaoshang.gateway.services." + name, () -> "http://127.0.0.1:9");
        }
    }

    @AfterAll
    static void stopKeyEndpoint() {
        keys.close();
    }

    @Test
    void aKeyEndpointThatNeverAnswersIsA503WithRetryAfterOnceTheKeyFetchTimesOut() {
        Instant start = Instant.now();
        ApiClient.Response response = ApiClient.at("http://127.0.0.1:" + port)
                .withToken(idp.tokenFor("gp-officer", "450881", "officer"))
                .get("/api/projects");
        Duration took = Duration.between(start, Instant.now());

        assertThat(keys.connectionsAccepted()).as("the gateway did ask the key endpoint").isPositive();
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.raw().headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("https://zhaoshang.gov.cn/problems/identity-provider-unavailable");
        assertThat(problem.get("title").asString()).isEqualTo("Identity provider unavailable");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/projects");
        // the key fetch's time-out (1 s here) ended the wait
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(10));
    }

    @Test
    void theConsolesPageSaysKeycloakDoesNotAnswerOnceItsCheckTimesOut() throws Exception {
        int acceptedBefore = keys.connectionsAccepted();
        Instant start = Instant.now();
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cockpit/450800")).build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.between(start, Instant.now());

        assertThat(page.statusCode()).isEqualTo(200);
        // the browser then asks Keycloak itself, and says sign-in is unavailable if it does not answer either
        assertThat(page.body()).contains("data-keycloak-answers=\"false\"").doesNotContain("__KEYCLOAK_");
        assertThat(keys.connectionsAccepted()).as("the gateway asked the key endpoint").isGreaterThan(acceptedBefore);
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(10));

        // remembered for a few seconds: the next page does not wait for another check
        Instant again = Instant.now();
        HttpResponse<String> next = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(next.body()).contains("data-keycloak-answers=\"false\"");
        assertThat(Duration.between(again, Instant.now())).isLessThan(Duration.ofMillis(900));
    }
}
