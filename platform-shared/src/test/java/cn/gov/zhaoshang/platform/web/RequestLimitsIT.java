package cn.gov.zhaoshang.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every service does with request bodies, on its real Tomcat: a body over its operation's
 * limit is 413 problem details whether its length is announced or it comes in chunks (a 12 MB chunked
 * import reached a service and got 200), and an operation's role is decided before its body is read
 * (a viewer's malformed write was 400, not 403).
 */
@SpringBootTest(classes = OperationsService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestLimitsIT {

    static final String OCTETS = "application/octet-stream";
    static final TestIdentityProvider tokens = TestIdentityProvider.start();

    @LocalServerPort
    int port;

    ApiClient officer;
    ApiClient viewer;

    @DynamicPropertySource
    static void tokenIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", tokens::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens::jwkSetUri);
    }

    @AfterAll
    static void stopTokenIssuer() {
        tokens.close();
    }

    @BeforeEach
    void callers() {
        officer = ApiClient.atPort(port).withToken(tokens.tokenFor("limits-officer", "450881", "officer"));
        viewer = ApiClient.atPort(port).withToken(tokens.tokenFor("limits-viewer", "450000", "viewer"));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413WhateverTheOperation() {
        ApiClient.Response twelveMegabyteUpload = officer.postChunked("/api/uploads", OCTETS, new byte[12 * 1024 * 1024]);
        ApiClient.Response twoMegabyteNote = officer.postChunked("/api/notes", "application/json", jsonOf(2 * 1024 * 1024));

        assertTooLarge(twelveMegabyteUpload, 10 * 1024 * 1024);
        assertTooLarge(twoMegabyteNote, 1024 * 1024);
    }

    @Test
    void anAnnouncedLengthOverTheLimitIs413Too() {
        assertTooLarge(officer.postBytes("/api/uploads", OCTETS, new byte[10 * 1024 * 1024 + 1]), 10 * 1024 * 1024);
        assertTooLarge(officer.postBytes("/api/notes", "application/json", jsonOf(1024 * 1024 + 1)), 1024 * 1024);
    }

    @Test
    void bodiesWithinTheLimitAreReadWholeChunkedOrNot() {
        ApiClient.Response chunked = officer.postChunked("/api/uploads", OCTETS, new byte[5 * 1024 * 1024]);
        ApiClient.Response announced = officer.postBytes("/api/uploads", OCTETS, new byte[10 * 1024 * 1024]);
        ApiClient.Response note = officer.postChunked("/api/notes", "application/json", jsonOf(1024 * 1024));

        assertThat(chunked.status()).isEqualTo(200);
        assertThat(chunked.json().get("bytes").asInt()).isEqualTo(5 * 1024 * 1024);
        assertThat(announced.json().get("bytes").asInt()).isEqualTo(10 * 1024 * 1024);
        assertThat(note.status()).isEqualTo(200);
        assertThat(note.json().get("fields").asInt()).isEqualTo(1);
    }

    @Test
    void aViewersWriteIs403WhateverItsBody() {
        ApiClient.Response malformed = viewer.post("/api/notes", "{\"text\": ");
        ApiClient.Response tooLarge = viewer.postChunked("/api/uploads", OCTETS, new byte[12 * 1024 * 1024]);

        assertThat(malformed.status()).isEqualTo(403);
        assertThat(malformed.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(malformed.json().get("type").asString()).isEqualTo("https://zhaoshang.gov.cn/problems/forbidden");
        assertThat(tooLarge.status()).isEqualTo(403);
        // and what the role allows is unchanged: a viewer reads, an officer's malformed write is 400
        assertThat(viewer.get("/api/notes").status()).isEqualTo(200);
        ApiClient.Response officersMalformed = officer.post("/api/notes", "{\"text\": ");
        assertThat(officersMalformed.status()).isEqualTo(400);
        assertThat(officersMalformed.json().get("type").asString()).isEqualTo("https://zhaoshang.gov.cn/problems/malformed-request");
    }

    private static void assertTooLarge(ApiClient.Response response, long limit) {
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("type").asString()).isEqualTo("https://zhaoshang.gov.cn/problems/too-large");
        assertThat(response.json().get("detail").asString()).contains("at most " + limit + " bytes");
    }

    /** A JSON object of one string field, {@code bytes} long. */
    private static byte[] jsonOf(int bytes) {
        String prefix = "{\"text\":\"";
        return (prefix + "x".repeat(bytes - prefix.length() - 2) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
