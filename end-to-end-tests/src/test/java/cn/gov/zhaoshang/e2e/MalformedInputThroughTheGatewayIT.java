package cn.gov.zhaoshang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.XlsxParts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The input rules (docs/security.md) through the gateway, with the real Keycloak's tokens: what a
 * hostile client can send is 400 (or 404) problem details naming the field, never a 500, and never
 * breaks a later download.
 */
@ExtendWith(WholePlatform.Shared.class)
class MalformedInputThroughTheGatewayIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static WholePlatform platform;
    static ApiClient guiping;

    @BeforeAll
    static void officerOfGuiping() {
        platform = WholePlatform.Shared.platform();
        guiping = platform.asUser("gp-officer");
    }

    @Test
    void aNulInAProjectNameIs400NamingTheFieldAndSoAreBytesThatAreNotUtf8() {
        String name = "桂平市网关输入规则项目 " + UUID.randomUUID();
        assertRefused(guiping.post("/api/projects", ThroughTheGatewayIT.project(name + "\u0000", "450881", "1000.00", "2026-05-20")),
                400, "name", "PlainText");

        // C0 AF, an overlong "/", in the name
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        overlong.writeBytes(("{\"orgUnit\": \"450881\", \"contractAmount\": \"1000.00\", \"signingDate\": \"2026-05-20\", "
                + "\"industryCode\": \"C1810\", \"name\": \"" + name).getBytes(StandardCharsets.UTF_8));
        overlong.write(0xC0);
        overlong.write(0xAF);
        overlong.writeBytes("x\"}".getBytes(StandardCharsets.UTF_8));
        assertRefused(guiping.send("POST", "/api/projects", "application/json", overlong.toByteArray()), 400, "name", "Encoding");

        assertRefused(guiping.get("/api/projects?q=%00"), 400, "q", "PlainText");
        assertThat(guiping.get("/api/projects?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).json().get("items").isEmpty())
                .as("nothing was registered under the name").isTrue();
    }

    @Test
    void aFileNameWithCrLfOrAPathIsRefusedAndTheDocumentStillTakesAndGivesItsFile() {
        ApiClient.Response created = guiping.create("/api/projects", Map.of("name", "桂平市网关证据文件项目 " + UUID.randomUUID(),
                "orgUnit", "450881", "stage", "SIGNED", "contractAmount", "1000.00", "signingDate", "2026-05-20",
                "industryCode", "C1810", "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-E2E",
                        "documentDate", "2026-05-20"))));
        String project = created.json().get("id").asString();
        String evidence = guiping.get("/api/projects/" + project + "/stage-moves").json().get(0).get("evidence").get(0)
                .get("id").asString();
        String path = "/api/projects/" + project + "/evidence/" + evidence + "/file";

        assertRefused(upload(path, "合同\r\nSet-Cookie: x=1.pdf", "application/pdf", PDF), 400, "fileName", "PlainText");
        assertRefused(upload(path, "../../../../etc/passwd", "application/pdf", PDF), 400, "fileName", "FileName");
        assertRefused(upload(path, "合同.pdf", "text/html", "<html></html>".getBytes(StandardCharsets.UTF_8)), 415,
                "Content-Type", "ContentType");
        assertRefused(upload(path, "合同.pdf", "application/pdf", "<html></html>".getBytes(StandardCharsets.UTF_8)), 415,
                "Content-Type", "FileSignature");
        assertThat(guiping.get(path).status()).as("no file was stored").isEqualTo(404);

        ApiClient.Response stored = upload(path, "投资协议.pdf", "application/pdf", PDF);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        HttpResponse<byte[]> downloaded = guiping.download(path);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"____.pdf\"; filename*=UTF-8''%E6%8A%95%E8%B5%84%E5%8D%8F%E8%AE%AE.pdf");
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(downloaded.body()).isEqualTo(PDF);
    }

    @Test
    void aTargetsWorkbookWithADoctypeIs400() {
        ApiClient guigang = platform.asUser("gg-officer");
        HttpResponse<byte[]> template = guigang.download("/api/targets/template?year=2027");
        assertThat(template.statusCode()).isEqualTo(200);

        ApiClient.Response refused = guigang.send("POST", "/api/targets/upload?dryRun=true", XLSX,
                XlsxParts.withDoctype(template.body(), "xl/workbook.xml"));
        assertRefused(refused, 400, null, "Xlsx");
    }

    @Test
    void reDrivingAnUnknownDeadLetterTopicIsNot500() {
        String adminToken = platform.tokenOf("gx-admin");
        // the gateway has no such endpoint, and does not route a service's actuator
        ApiClient.Response atTheGateway = ApiClient.at(platform.consoleUrl()).withToken(adminToken)
                .post("/actuator/deadletters/evil.topic", "{}");
        assertThat(atTheGateway.status()).as(atTheGateway.toString()).isEqualTo(404);
        // reporting-service, which exposes it, with the same Keycloak token
        ApiClient.Response atTheService = ApiClient.at(platform.serviceUrl("reporting-service")).withToken(adminToken)
                .post("/actuator/deadletters/evil.topic", "{}");
        assertThat(atTheService.status()).as(atTheService.toString()).isEqualTo(404);
        assertThat(atTheService.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(atTheService.json().get("type").asString()).isEqualTo("https://zhaoshang.gov.cn/problems/not-found");
    }

    private static ApiClient.Response upload(String path, String fileName, String contentType, byte[] content) {
        return guiping.send("PUT", path + "?fileName=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8), contentType, content);
    }

    /** The status, problem details, and the first error's field (unless null) and rule. */
    private static void assertRefused(ApiClient.Response response, int status, String field, String rule) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode error = response.json().get("errors").get(0);
        if (field != null) {
            assertThat(error.get("field").asString()).as(response.toString()).isEqualTo(field);
        }
        assertThat(error.get("rule").asString()).as(response.toString()).isEqualTo(rule);
    }
}
