package cn.gov.zhaoshang.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import cn.gov.zhaoshang.platform.config.PlatformSecurityAutoConfiguration;
import cn.gov.zhaoshang.platform.config.ProblemDetailsAutoConfiguration;
import cn.gov.zhaoshang.testsupport.SilentKeyEndpoint;
import cn.gov.zhaoshang.testsupport.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service whose identity provider accepts the connection for its keys and never answers (as a
 * Keycloak too busy to serve its {@code certs} endpoint does) answers a request with a well-formed
 * token 503 problem details with {@code Retry-After}, once the key fetch's time-out has passed; it
 * used to be a 500. Only the service's web and security configuration runs here: no database, no
 * broker.
 */
@SpringBootTest(classes = IdentityProviderOutageIT.TokenCheckingService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "zhaoshang.security.key-fetch-timeout=1s")
class IdentityProviderOutageIT {

    static final SilentKeyEndpoint keys = new SilentKeyEndpoint();
    static final TestIdentityProvider tokens = TestIdentityProvider.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void pointAtTheSilentKeyEndpoint(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", keys::jwkSetUri);
    }

    @AfterAll
    static void stopKeyEndpoint() {
        keys.close();
        tokens.close();
    }

    @Test
    void aKeyEndpointThatNeverAnswersIsA503WithRetryAfterOnceTheKeyFetchTimesOut() throws Exception {
        Instant start = Instant.now();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/projects"))
                        .header("Authorization", "Bearer " + tokens.tokenFor("gp-officer", "450881", "officer"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.between(start, Instant.now());

        assertThat(keys.connectionsAccepted()).as("the service did ask the key endpoint").isPositive();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://zhaoshang.gov.cn/problems/identity-provider-unavailable");
        assertThat(problem.get("title").asString()).isEqualTo("Identity provider unavailable");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/projects");
        assertThat(response.body()).doesNotContain("Exception", "at org.", "at cn.gov");
        // the key fetch's time-out (1 s here) ended the wait, not the client's 30 s
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(10));
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            ErrorMvcAutoConfiguration.class, SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
            PlatformSecurityAutoConfiguration.class, ProblemDetailsAutoConfiguration.class})
    static class TokenCheckingService {
    }
}
