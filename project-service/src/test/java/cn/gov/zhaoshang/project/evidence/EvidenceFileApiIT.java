package cn.gov.zhaoshang.project.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

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

/**
 * Evidence files: up to 20 MiB per document, kept in PostgreSQL with type and SHA-256, downloadable within scope; more is
 * 413. A name is a file name, not a path, and a file is of an allowed type and is what its type says (docs/security.md,
 * "Input rules"); a file stored before those rules still downloads, under a safe name.
 */
@PlatformIntegrationTest
class EvidenceFileApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LIMIT = 20 * 1024 * 1024;
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

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
        System.arraycopy(PDF, 0, content, 0, PDF.length);
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
                        new ByteArrayInputStream(jpegOf(LIMIT)), new ByteArrayInputStream(new byte[1])))));
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

    @Test
    void aFileNameWithAControlCharacterOrAPathIs400NamingItAndTheDocumentKeepsItsOneUpload() throws Exception {
        String path = evidencePath("桂平市文件名规则项目", "XY-NAME");
        Map<String, String> ruleOfName = new LinkedHashMap<>();
        ruleOfName.put("合同\r\n.pdf", "PlainText");
        ruleOfName.put("合同\u0000.pdf", "PlainText");
        ruleOfName.put("../../../../etc/passwd", "FileName");
        ruleOfName.put("..\\..\\boot.ini", "FileName");
        ruleOfName.put("合同\u202Efdp.exe", "FileName");
        ruleOfName.put("..", "FileName");
        ruleOfName.put("a".repeat(256), "FileName");
        ruleOfName.forEach((name, rule) -> {
            ApiClient.Response refused = guipingOfficer.send("PUT", path + "?fileName=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                    "application/pdf", PDF);
            assertThat(refused.status()).as(name + ": " + refused).isEqualTo(400);
            assertThat(refused.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode error = refused.json().get("errors").get(0);
            assertThat(List.of(error.get("field").asString(), error.get("rule").asString())).as(name).containsExactly("fileName", rule);
        });
        assertThat(storedFiles(path)).isZero();

        // none of them took the document's one upload
        ApiClient.Response stored = guipingOfficer.send("PUT", path + "?fileName=" + URLEncoder.encode("投资协议.pdf", StandardCharsets.UTF_8),
                "application/pdf", PDF);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        assertThat(stored.json().get("fileName").asString()).isEqualTo("投资协议.pdf");
        HttpResponse<byte[]> downloaded = download(path);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"____.pdf\"; filename*=UTF-8''%E6%8A%95%E8%B5%84%E5%8D%8F%E8%AE%AE.pdf");
        assertThat(downloaded.body()).isEqualTo(PDF);
    }

    @Test
    void aTypeOutsideTheAllowListOrAFileThatIsNotWhatItsTypeSaysIs415NamingContentTypeAndNothingIsStored() throws Exception {
        String path = evidencePath("桂平市文件类型规则项目", "XY-TYPE");
        long largeObjectsBefore = jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single();
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        record Refusal(String contentType, byte[] content, String rule) {
        }
        for (Refusal refusal : List.of(new Refusal("text/html", html, "ContentType"),
                new Refusal("image/svg+xml", html, "ContentType"),
                new Refusal("application/octet-stream", PDF, "ContentType"),
                new Refusal(null, PDF, "ContentType"),
                new Refusal("application/pdf", html, "FileSignature"),
                new Refusal("image/png", PDF, "FileSignature"),
                new Refusal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", PDF, "FileSignature"),
                new Refusal("application/pdf", new byte[0], "FileSignature"))) {
            ApiClient.Response refused = guipingOfficer.send("PUT", path, refusal.contentType(), refusal.content());
            assertThat(refused.status()).as(refusal.contentType() + ": " + refused).isEqualTo(415);
            assertThat(refused.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode error = refused.json().get("errors").get(0);
            assertThat(List.of(error.get("field").asString(), error.get("rule").asString())).as(refusal.contentType())
                    .containsExactly("Content-Type", refusal.rule());
            assertThat(refused.json().get("accepted").valueStream().map(JsonNode::asString).toList())
                    .contains("application/pdf", "image/png", "image/jpeg", "application/msword", "application/vnd.ms-excel",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .doesNotContain("text/html", "image/svg+xml", "application/octet-stream");
        }
        assertThat(storedFiles(path)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single()).isEqualTo(largeObjectsBefore);

        // a real PNG, its type declared with a parameter and in capitals, is stored as image/png
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", png);
        ApiClient.Response stored = guipingOfficer.send("PUT", path + "?fileName=scan.png", "Image/PNG; foo=bar", png.toByteArray());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        assertThat(stored.json().get("contentType").asString()).isEqualTo("image/png");
        HttpResponse<byte[]> downloaded = download(path);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(downloaded.body()).isEqualTo(png.toByteArray());
    }

    /**
     * Before the rules a name with CR/LF was stored, and its every download answered 500; a second upload is 409,
     * so only the way out can repair it. Such rows (written here as the old upload wrote them) download as
     * attachments under a safe name, as {@code application/octet-stream} when their type is not an allowed one,
     * and the stage history shows the same safe names.
     */
    @Test
    void aFileStoredBeforeTheRulesStillDownloadsUnderASafeName() throws Exception {
        String project = guipingOfficer.post("/api/projects", Map.of("name", "桂平市旧证据文件项目", "orgUnit", "450881", "stage", "LANDED",
                "contractAmount", "90000000.00", "signingDate", "2026-09-01", "industryCode", "C3841",
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-OLD", "documentDate", "2026-09-01"),
                        Map.of("documentType", "LAND_GRANT", "documentNumber", "GT-OLD", "documentDate", "2026-09-20"))))
                .json().get("id").asString();
        JsonNode documents = guipingOfficer.get("/api/projects/" + project + "/stage-moves").json().get(0).get("evidence");
        String withLineBreak = documents.get(0).get("id").asString();
        String withPath = documents.get(1).get("id").asString();
        byte[] content = "<html>old evidence</html>".getBytes(StandardCharsets.UTF_8);
        storeAsBeforeTheRules(project, withLineBreak, "text/html", "合同\r\nSet-Cookie: x=1.pdf", content);
        storeAsBeforeTheRules(project, withPath, "application/pdf", "../../../../etc/passwd", content);

        HttpResponse<byte[]> lineBreak = download("/api/projects/" + project + "/evidence/" + withLineBreak + "/file");
        assertThat(lineBreak.statusCode()).isEqualTo(200);
        assertThat(lineBreak.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"____Set-Cookie: x=1.pdf\"; filename*=UTF-8''%E5%90%88%E5%90%8C__Set-Cookie%3A%20x%3D1.pdf");
        assertThat(lineBreak.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(lineBreak.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(lineBreak.body()).isEqualTo(content);

        HttpResponse<byte[]> traversal = download("/api/projects/" + project + "/evidence/" + withPath + "/file");
        assertThat(traversal.statusCode()).isEqualTo(200);
        assertThat(traversal.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\".._.._.._.._etc_passwd\"; filename*=UTF-8''.._.._.._.._etc_passwd");
        assertThat(traversal.headers().firstValue("Content-Type")).hasValue("application/pdf");

        JsonNode listed = guipingOfficer.get("/api/projects/" + project + "/stage-moves").json().get(0).get("evidence");
        assertThat(listed.get(0).get("file").get("fileName").asString()).isEqualTo("合同__Set-Cookie: x=1.pdf");
        assertThat(listed.get(1).get("file").get("fileName").asString()).isEqualTo(".._.._.._.._etc_passwd");
    }

    /** A SIGNED project of 桂平 with one agreement; the path of its file. */
    private String evidencePath(String name, String documentNumber) {
        String project = guipingOfficer.post("/api/projects", Map.of("name", name, "orgUnit", "450881", "stage", "SIGNED",
                "contractAmount", "1000.00", "signingDate", "2026-09-01", "industryCode", "C3841",
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", documentNumber, "documentDate", "2026-09-01"))))
                .json().get("id").asString();
        String evidence = guipingOfficer.get("/api/projects/" + project + "/stage-moves").json().get(0).get("evidence").get(0)
                .get("id").asString();
        return "/api/projects/" + project + "/evidence/" + evidence + "/file";
    }

    private long storedFiles(String path) {
        String evidence = path.split("/")[5];
        return jdbc.sql("SELECT count(*) FROM project_evidence_file WHERE evidence_id = CAST(:id AS uuid)")
                .param("id", evidence).query(Long.class).single();
    }

    /** The row an upload wrote before the input rules: any type, any name. */
    private void storeAsBeforeTheRules(String project, String evidence, String contentType, String fileName, byte[] content)
            throws Exception {
        jdbc.sql("""
                INSERT INTO project_evidence_file (evidence_id, project_id, content, content_type, file_name, size_bytes, sha256,
                                                   uploaded_at, uploaded_by)
                VALUES (CAST(:evidence AS uuid), CAST(:project AS uuid), lo_from_bytea(0, :content), :type, :name, :size, :sha256,
                        now(), 'gp-officer')""")
                .param("evidence", evidence).param("project", project).param("content", content).param("type", contentType)
                .param("name", fileName).param("size", content.length)
                .param("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                .update();
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + guipingToken)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A JPEG's first bytes, then zeros: {@code length} bytes in all. */
    private static byte[] jpegOf(int length) {
        byte[] jpeg = new byte[length];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        return jpeg;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
