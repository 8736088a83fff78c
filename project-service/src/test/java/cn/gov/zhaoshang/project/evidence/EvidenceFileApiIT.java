package cn.gov.zhaoshang.project.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Evidence files: up to 20 MiB per document, kept in PostgreSQL with type and SHA-256, downloadable within scope; more is 413. */
@PlatformIntegrationTest
class EvidenceFileApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LIMIT = 20 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String guipingToken;
    String gangbeiToken;
    ApiClient guipingOfficer;

    @BeforeEach
    void clients() {
        guipingToken = TestUser.GP_OFFICER.token();
        gangbeiToken = TestUser.GB_OFFICER.token();
        guipingOfficer = ApiClient.atPort(port).withToken(guipingToken);
    }

    @Test
    void aFileOfExactly20MiBIsStoredWithItsDigestAndDownloadedWithinScopeOnly() throws Exception {
        String project = guipingOfficer.post("/api/projects", Map.of("name", "桂平市证据文件项目", "orgUnit", "450881", "stage", "SIGNED",
                "contractAmount", "90000000.00", "signingDate", "2026-09-01", "industryCode", "C3841",
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-FILE-1", "documentDate", "2026-09-01"))))
                .json().get("id").asString();
        JsonNode agreement = guipingOfficer.get("/api/projects/" + project + "/stage-moves").json().get(0).get("evidence").get(0);
        assertThat(agreement.get("file").isNull()).isTrue();
        String evidence = agreement.get("id").asString();
        String path = "/api/projects/" + project + "/evidence/" + evidence + "/file";

        byte[] content = new byte[LIMIT];
        new Random(42).nextBytes(content);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        HttpResponse<String> uploaded = send(HttpRequest.newBuilder(uri(path + "?fileName=" + URLEncoder.encode("投资协议.pdf", StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + guipingToken).header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode file = JSON.readTree(uploaded.body());
        assertThat(file.get("sizeBytes").asLong()).isEqualTo(LIMIT);
        assertThat(file.get("sha256").asString()).isEqualTo(sha256);
        assertThat(file.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(file.get("fileName").asString()).isEqualTo("投资协议.pdf");

        JsonNode listed = guipingOfficer.get("/api/projects/" + project + "/stage-moves").json().get(0).get("evidence").get(0).get("file");
        assertThat(listed.get("sha256").asString()).isEqualTo(sha256);
        assertThat(listed.get("href").asString()).isEqualTo(path);
        assertThat(jdbc.sql("SELECT after->>'sha256' FROM audit_log WHERE entity_id = :id AND action = 'evidence-file-uploaded'")
                .param("id", project).query(String.class).single()).isEqualTo(sha256);

        HttpResponse<byte[]> downloaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + guipingToken).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(downloaded.headers().firstValueAsLong("Content-Length")).hasValue(LIMIT);
        assertThat(downloaded.headers().firstValue("ETag")).hasValue("\"" + sha256 + "\"");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(downloaded.body()))).isEqualTo(sha256);

        // a document's file is part of its proof and is not replaced
        HttpResponse<String> again = send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + guipingToken)
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("other")));
        assertThat(again.statusCode()).isEqualTo(409);

        // outside the scope the project and its files do not exist; a viewer may read but not upload
        assertThat(send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + gangbeiToken).GET()).statusCode())
                .isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + gangbeiToken)
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("x"))).statusCode()).isEqualTo(404);
        String viewer = TestUser.GX_VIEWER.token();
        assertThat(send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + viewer)
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("x"))).statusCode()).isEqualTo(403);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + viewer)
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

    @Test
    void oneByteOver20MiBIs413AndLeavesNothingBehind() throws Exception {
        String project = guipingOfficer.post("/api/projects", Map.of("name", "桂平市超大证据项目", "orgUnit", "450881", "stage", "LANDED",
                "contractAmount", "90000000.00", "signingDate", "2026-09-01", "industryCode", "C3841",
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-BIG", "documentDate", "2026-09-01"),
                        Map.of("documentType", "LAND_GRANT", "documentNumber", "GT-BIG", "documentDate", "2026-09-20"))))
                .json().get("id").asString();
        String evidence = guipingOfficer.get("/api/projects/" + project + "/stage-moves").json().get(0).get("evidence").get(1)
                .get("id").asString();
        String path = "/api/projects/" + project + "/evidence/" + evidence + "/file";
        long largeObjectsBefore = jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single();

        // sent chunked, without a Content-Length, so that the service measures the stream itself
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + guipingToken)
                .header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new ByteArrayInputStream(new byte[LIMIT]), new ByteArrayInputStream(new byte[1])))));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(refused.body()).get("status").asInt()).isEqualTo(413);

        assertThat(jdbc.sql("SELECT count(*) FROM project_evidence_file WHERE evidence_id = CAST(:id AS uuid)")
                .param("id", evidence).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single()).isEqualTo(largeObjectsBefore);
        assertThat(guipingOfficer.get(path).status()).isEqualTo(404);

        // a document of another project is not this project's
        String other = guipingOfficer.post("/api/projects", Map.of("name", "桂平市另一证据项目", "orgUnit", "450881",
                "contractAmount", "1000.00", "signingDate", "2026-09-01", "industryCode", "C3841")).json().get("id").asString();
        assertThat(send(HttpRequest.newBuilder(uri("/api/projects/" + other + "/evidence/" + evidence + "/file"))
                .header("Authorization", "Bearer " + guipingToken).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("x"))).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeclaredLengthOver20MiBIsRefusedBeforeAnyByteIsRead() throws Exception {
        String project = guipingOfficer.post("/api/projects", Map.of("name", "桂平市声明超限项目", "orgUnit", "450881", "stage", "SIGNED",
                "contractAmount", "1000.00", "signingDate", "2026-09-01", "industryCode", "C3841",
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-DECL", "documentDate", "2026-09-01"))))
                .json().get("id").asString();
        String evidence = guipingOfficer.get("/api/projects/" + project + "/stage-moves").json().get(0).get("evidence").get(0)
                .get("id").asString();
        // A raw request whose Content-Length announces 25 MiB, of which only a few bytes are sent: the
        // answer must come from the declared length alone (HttpClient would insist on sending them all).
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            String head = "PUT /api/projects/" + project + "/evidence/" + evidence + "/file HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer " + guipingToken + "\r\nContent-Type: application/pdf\r\n"
                    + "Content-Length: " + (25L * 1024 * 1024) + "\r\nConnection: close\r\n\r\n%PDF-1.7";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            // the server may keep the connection open to swallow the announced body: read the head only
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(reader.readLine()).startsWith("HTTP/1.1 413");
            List<String> headers = new java.util.ArrayList<>();
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                headers.add(line.toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(headers).anySatisfy(header -> assertThat(header).startsWith("content-type: application/problem+json"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM project_evidence_file WHERE evidence_id = CAST(:id AS uuid)")
                .param("id", evidence).query(Long.class).single()).isZero();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
