package cn.gov.zhaoshang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.FreePorts;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the gateway enforces besides tokens: headers, request ids, body sizes (whatever the transfer
 * encoding), rate limits (per user, and per address for requests without a valid token), failures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zhaoshang.gateway.rate-limit.per-user.capacity=3",
        "zhaoshang.gateway.rate-limit.per-user.refill-tokens=1",
        "zhaoshang.gateway.rate-limit.per-user.refill-period=1h",
        // set in part, as from the environment: the period defaults to a second
        "zhaoshang.gateway.rate-limit.per-client.capacity=100000",
        "zhaoshang.gateway.rate-limit.per-client.refill-tokens=100000",
        "spring.cloud.gateway.server.webflux.httpclient.connect-timeout=1000",
        "zhaoshang.gateway.response-timeout=1s",
        // as behind the ingress controller: the client address is the last X-Forwarded-For entry,
        // so that each test can be a client address of its own
        "zhaoshang.gateway.rate-limit.trusted-proxies=1",
        "zhaoshang.gateway.rate-limit.unauthenticated-per-address.capacity=3",
        "zhaoshang.gateway.rate-limit.unauthenticated-per-address.refill-tokens=1",
        "zhaoshang.gateway.rate-limit.unauthenticated-per-address.refill-period=1h"})
class GatewayPolicyIT {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final RecordingService service = new RecordingService();
    /** Nothing listens here: the enterprise route leads to a stopped service. */
    static final int STOPPED_SERVICE_PORT = FreePorts.next();

    @LocalServerPort
    int port;

    TestIdentityProvider idp = PlatformServers.identityProvider();
    ApiClient gateway;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        PlatformServers.tokenValidationProperties().forEach((key, value) -> registry.add(key, () -> value));
        for (String name : List.of("project", "targets", "reporting")) {
            registry.add("zhaoshang.gateway.services." + name, service::url);
        }
        registry.add("zhaoshang.gateway.services.enterprise", () -> "http://127.0.0.1:" + STOPPED_SERVICE_PORT);
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @BeforeEach
    void setUp() {
        gateway = ApiClient.atPort(port);
        service.requestHeaders.clear();
        service.bodyLengths.clear();
    }

    @Test
    void clientSuppliedIdentityHeadersNeverReachAService() {
        ApiClient.Response response = gateway.withToken(idp.tokenFor("header-user", "450881", "officer"))
                .withHeader("X-Org-Unit", "450000").withHeader("X-Roles", "admin").withHeader("X-Zhaoshang-User", "gx-admin")
                .get("/api/projects");

        assertThat(response.status()).isEqualTo(200);
        assertThat(service.seen("X-Org-Unit")).containsExactly((String) null);
        assertThat(service.seen("X-Roles")).containsExactly((String) null);
        assertThat(service.seen("X-Zhaoshang-User")).containsExactly((String) null);
    }

    @Test
    void aRequestIdIsAddedOrKept() {
        ApiClient officer = gateway.withToken(idp.tokenFor("request-id-user", "450881", "officer"));

        ApiClient.Response fresh = officer.get("/api/projects");
        String generated = fresh.raw().headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).hasSize(36);
        ApiClient.Response kept = officer.withHeader("X-Request-Id", "client-chosen-0001").get("/api/projects");

        assertThat(kept.raw().headers().firstValue("X-Request-Id")).hasValue("client-chosen-0001");
        assertThat(service.seen("X-Request-Id")).containsExactly(generated, "client-chosen-0001");
        assertThat(gateway.get("/api/projects").raw().headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void answersArriveWholeWhateverTheirLength() {
        // short and of known length: joined into one write (OneWriteResponses); long, or of unknown
        // length: streamed as they come
        ApiClient reader = gateway.withToken(idp.tokenFor("length-user", "450881", "officer"));

        ApiClient.Response shortAnswer = reader.get("/api/projects/short");
        ApiClient.Response longAnswer = reader.get("/api/projects/long");
        ApiClient.Response chunkedAnswer = reader.get("/api/projects/chunked");

        assertThat(shortAnswer.body()).isEqualTo("service saw /api/projects/short");
        assertThat(shortAnswer.raw().headers().firstValue("Content-Length")).hasValue("31");
        assertThat(longAnswer.body()).isEqualTo(RecordingService.longAnswer());
        assertThat(chunkedAnswer.body()).isEqualTo(RecordingService.chunkedAnswer());
        assertThat(List.of(shortAnswer.status(), longAnswer.status(), chunkedAnswer.status())).containsOnly(200);
    }

    @Test
    void bodiesOverOneMegabyteAreRefusedExceptEvidenceUploads() {
        ApiClient officer = gateway.withToken(idp.tokenFor("upload-user", "450881", "officer"));
        String justOverOneMegabyte = "x".repeat(1024 * 1024 + 1);

        ApiClient.Response refused = officer.post("/api/projects", justOverOneMegabyte);
        assertThat(refused.status()).isEqualTo(413);
        assertTooLargeProblem(refused, "/api/projects");
        assertThat(officer.post("/api/projects/3f0c/evidence", justOverOneMegabyte).status()).isEqualTo(200);
        assertThat(service.bodyLengths).containsExactly(1024 * 1024 + 1);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413AndNeverReachesTheService() {
        ApiClient officer = gateway.withToken(idp.tokenFor("chunked-user", "450881", "officer"));

        ApiClient.Response twelveMegabytes = officer.postChunked("/api/projects/imports/preview", XLSX, new byte[12 * 1024 * 1024]);
        ApiClient.Response overOneMegabyte = officer.postChunked("/api/projects", "application/json", new byte[1024 * 1024 + 1]);

        assertThat(twelveMegabytes.status()).isEqualTo(413);
        assertTooLargeProblem(twelveMegabytes, "/api/projects/imports/preview");
        assertThat(twelveMegabytes.json().get("detail").asString()).contains("at most 10 MB");
        assertThat(overOneMegabyte.status()).isEqualTo(413);
        assertThat(overOneMegabyte.json().get("detail").asString()).contains("at most 1 MB");
        assertThat(service.requestHeaders).as("nothing of either reached the service").isEmpty();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsForwardedWholeWithItsLength() {
        ApiClient officer = gateway.withToken(idp.tokenFor("chunked-within-user", "450881", "officer"));
        int spreadsheet = 5 * 1024 * 1024;

        assertThat(officer.postChunked("/api/projects/imports/preview", XLSX, new byte[spreadsheet]).status()).isEqualTo(200);
        assertThat(officer.postChunked("/api/projects", "application/json", new byte[1000]).status()).isEqualTo(200);

        assertThat(service.bodyLengths).containsExactly(spreadsheet, 1000);
        assertThat(service.seen("Content-Length")).containsExactly(String.valueOf(spreadsheet), "1000");
        assertThat(service.seen("Transfer-Encoding")).containsExactly(null, null);
    }

    @Test
    void spreadsheetsOfAFewMegabytesReachTheRoutesThatTakeThem() {
        // three requests at most per user here (the per-user limit of this class)
        ApiClient officer = gateway.withToken(idp.tokenFor("spreadsheet-officer", "450881", "officer"));
        ApiClient targetAdmin = gateway.withToken(idp.tokenFor("spreadsheet-admin", "450800", "target-admin"));
        byte[] threeMegabytes = new byte[3 * 1024 * 1024];

        assertThat(officer.postBytes("/api/projects/imports", XLSX, threeMegabytes).status()).isEqualTo(200);
        assertThat(targetAdmin.postBytes("/api/targets/upload", XLSX, threeMegabytes).status()).isEqualTo(200);
        // but not on other routes, and not over 10 MB
        assertThat(targetAdmin.postBytes("/api/targets", XLSX, threeMegabytes).status()).isEqualTo(413);
        assertThat(officer.postBytes("/api/projects/imports", XLSX, new byte[10 * 1024 * 1024 + 1]).status()).isEqualTo(413);
        assertThat(service.bodyLengths).containsExactly(threeMegabytes.length, threeMegabytes.length);
    }

    @Test
    void unauthenticatedRequestsOverTheAddressLimitGet429WithRetryAfter() {
        ApiClient stranger = gateway.withHeader("X-Forwarded-For", "198.51.100.7");
        ApiClient.Response[] refused = {
                stranger.get("/api/projects"),
                stranger.withToken("not-a-token").get("/api/projects"),
                stranger.withToken(idp.token("expired").orgUnit("450881").roles("officer")
                        .expiresAt(Instant.now().minusSeconds(120)).sign()).get("/api/projects")};

        ApiClient.Response limited = stranger.get("/api/projects");

        assertThat(refused).extracting(ApiClient.Response::status).containsOnly(401);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow())).isGreaterThanOrEqualTo(1);
        assertThat(limited.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(limited.json().get("type").asString()).endsWith("/rate-limited");
        // the client address is the entry the proxy added, not one the client wrote before it
        assertThat(gateway.withHeader("X-Forwarded-For", "203.0.113.50, 198.51.100.7").get("/api/projects").status())
                .isEqualTo(429);
        assertThat(gateway.withHeader("X-Forwarded-For", "198.51.100.8").get("/api/projects").status())
                .as("the limit is per address").isEqualTo(401);
        assertThat(stranger.withToken(idp.tokenFor("colleague-user", "450881", "officer")).get("/api/projects").status())
                .as("a valid token from the same address is not counted here").isEqualTo(200);
        assertThat(service.requestHeaders).hasSize(1);
    }

    @Test
    void aUserOverTheLimitGets429WithRetryAfter() {
        ApiClient burst = gateway.withToken(idp.tokenFor("burst-user", "450881", "officer"));
        for (int i = 0; i < 3; i++) {
            assertThat(burst.get("/api/projects").status()).isEqualTo(200);
        }

        ApiClient.Response limited = burst.get("/api/projects");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow())).isGreaterThanOrEqualTo(1);
        assertThat(limited.json().get("type").asString()).endsWith("/rate-limited");
        assertThat(gateway.withToken(idp.tokenFor("another-user", "450881", "officer")).get("/api/projects").status())
                .as("the limit is per user").isEqualTo(200);
    }

    private static void assertTooLargeProblem(ApiClient.Response response, String instance) {
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("type").asString()).isEqualTo("https://zhaoshang.gov.cn/problems/too-large");
        assertThat(response.json().get("status").asInt()).isEqualTo(413);
        assertThat(response.json().get("instance").asString()).isEqualTo(instance);
    }

    @Test
    void aStoppedServiceGives503ProblemDetailsPromptly() {
        long start = System.nanoTime();
        ApiClient.Response response = gateway.withToken(idp.tokenFor("stopped-user", "450881", "officer")).get("/api/enterprises");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("title").asString()).isEqualTo("Service unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeGives504ProblemDetails() {
        long start = System.nanoTime();
        ApiClient.Response response = gateway.withToken(idp.tokenFor("slow-user", "450881", "officer")).get("/api/reports/slow");

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("title").asString()).isEqualTo("Gateway timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the 1 s time-out, not the service's answer")
                .isLessThan(RecordingService.SLOW_ANSWER.minusSeconds(1));
    }
}
