package cn.gov.zhaoshang.project.library.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Text that is not plain text, or bytes that are not UTF-8, in a body, a query parameter or a path
 * variable: 400 problem details naming the field, never 500, and nothing stored (docs/security.md,
 * "Input rules"). Before the rules a NUL in a name reached PostgreSQL (500), and the overlong
 * {@code C0 AF} was stored as {@code /}.
 */
@PlatformIntegrationTest
class MalformedTextApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guipingOfficer;
    String name;

    @BeforeEach
    void officer() {
        guipingOfficer = ApiClient.atPort(port).as(TestUser.GP_OFFICER);
        name = "桂平市输入规则项目" + UUID.randomUUID();
    }

    @Test
    void aControlCharacterInAnyStringOfTheBodyIs400NamingTheFieldAndNothingIsRegistered() {
        assertRefused(guipingOfficer.post("/api/projects", project(name + "\u0000")), "name", "PlainText", "U+0000");
        assertRefused(guipingOfficer.post("/api/projects", project(name + "\u0007")), "name", "PlainText", "U+0007");
        Map<String, Object> withEvidence = new HashMap<>(project(name));
        withEvidence.put("stage", "SIGNED");
        withEvidence.put("evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY\u001b[31m", "documentDate", "2026-09-01")));
        assertRefused(guipingOfficer.post("/api/projects", withEvidence), "evidence[0].documentNumber", "PlainText", "U+001B");
        // an unpaired surrogate, which a JSON escape can spell and UTF-8 cannot
        String loneSurrogate = """
                {"name": "%s\\ud800", "orgUnit": "450881", "contractAmount": "1000.00", "signingDate": "2026-09-01", "industryCode": "C3841"}"""
                .formatted(name);
        assertRefused(guipingOfficer.post("/api/projects", loneSurrogate), "name", "PlainText", "unpaired surrogate U+D800");

        assertThat(projectsNamedLike(name)).isZero();
        // the same request in plain text is registered: the field was the only thing wrong
        assertThat(guipingOfficer.post("/api/projects", project(name)).status()).isEqualTo(201);
    }

    @Test
    void bytesThatAreNotUtf8Are400NamingTheFieldAndAreNeverReadAsSomethingElse() {
        // C0 AF is an overlong "/": read leniently, the project was registered as "<name>/x"
        ApiClient.Response overlong = guipingOfficer.send("POST", "/api/projects", "application/json",
                body(name, new byte[] {(byte) 0xC0, (byte) 0xAF}));
        assertRefused(overlong, "name", "Encoding", "UTF-8");
        // an encoded surrogate, a byte that never begins a sequence, a sequence cut short
        assertRefused(guipingOfficer.send("POST", "/api/projects", "application/json", body(name, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})),
                "name", "Encoding", "UTF-8");
        assertRefused(guipingOfficer.send("POST", "/api/projects", "application/json;charset=UTF-8", body(name, new byte[] {(byte) 0xFF})),
                "name", "Encoding", "UTF-8");
        assertRefused(guipingOfficer.send("POST", "/api/projects", "application/json", body(name, new byte[] {(byte) 0xE6, (byte) 0x8A})),
                "name", "Encoding", "UTF-8");
        assertThat(projectsNamedLike(name)).isZero();

        assertThat(guipingOfficer.send("POST", "/api/projects", "application/json", body(name, "/".getBytes(StandardCharsets.UTF_8)))
                .status()).isEqualTo(201);
        assertThat(projectsNamedLike(name)).isOne();
    }

    @Test
    void aControlCharacterOrBytesThatAreNotUtf8InAQueryParameterOrPathVariableAre400NamingIt() {
        assertRefused(guipingOfficer.get("/api/projects?q=%00"), "q", "PlainText", "U+0000");
        assertRefused(guipingOfficer.get("/api/projects?q=%E6%A1%82%0A%E5%B9%B3"), "q", "PlainText", "U+000A");
        assertRefused(guipingOfficer.get("/api/projects?page=0&q=%C0%AF"), "q", "Encoding", "UTF-8");
        assertRefused(guipingOfficer.get("/api/projects/signing-confirmation-settings/450%01881"), "orgUnit", "PlainText", "U+0001");
        // Tomcat itself refuses an encoded NUL in the path, with a 400 of its own
        assertThat(guipingOfficer.get("/api/projects/signing-confirmation-settings/450%00881").status()).isEqualTo(400);
        assertThat(guipingOfficer.get("/api/projects?q=%E6%A1%82%E5%B9%B3").status()).isEqualTo(200);
    }

    private static void assertRefused(ApiClient.Response response, String field, String rule, String messagePart) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.toString()).hasSize(1);
        assertThat(List.of(errors.get(0).get("field").asString(), errors.get(0).get("rule").asString())).containsExactly(field, rule);
        assertThat(errors.get(0).get("message").asString()).contains(messagePart);
    }

    private static Map<String, Object> project(String name) {
        return Map.of("name", name, "orgUnit", "450881", "contractAmount", "1000.00", "signingDate", "2026-09-01",
                "industryCode", "C3841");
    }

    /** A registration whose name is {@code name}, then {@code bytes} as they are, then {@code x}. */
    private static byte[] body(String name, byte[] bytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"orgUnit\": \"450881\", \"contractAmount\": \"1000.00\", \"signingDate\": \"2026-09-01\", "
                + "\"industryCode\": \"C3841\", \"name\": \"" + name).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes("x\"}".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private long projectsNamedLike(String name) {
        return jdbc.sql("SELECT count(*) FROM project WHERE name LIKE :prefix").param("prefix", name + "%").query(Long.class).single();
    }
}
