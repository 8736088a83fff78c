package cn.gov.zhaoshang.enterprise.editionimport.web;

import static cn.gov.zhaoshang.enterprise.TestEnterprises.enterprise;
import static cn.gov.zhaoshang.enterprise.TestEnterprises.newUscc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.registry.model.Uscc;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acceptance 3: importing a whole edition. Only this class publishes CHINA_500 and GAZELLE editions
 * (ranked lists end with the next edition of the same list in the shared test database).
 */
@PlatformIntegrationTest
class EditionImportIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String token;
    ApiClient officer;

    @BeforeEach
    void clients() {
        token = PlatformServers.identityProvider().tokenFor("gx-list-officer", "450000", "officer");
        officer = ApiClient.atPort(port).withToken(token);
    }

    @Test
    void a500RowEditionWith3BadRowsIsPreviewedWithExactlyThoseRowsRefusedUntilFixedAndThenFullyApplied() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String edition = officer.post("/api/list-editions", Map.of("enterpriseClass", "CHINA_500", "edition", "2025",
                "publishedOn", "2025-09-03")).json().get("id").asString();
        String knownUsccA = newUscc();
        String knownUsccB = newUscc();
        String knownA = register(knownUsccA, "中国石油天然气集团有限公司" + marker);
        register(knownUsccB, "国家电网有限公司" + marker);
        String knownByName = register(newUscc(), "广西北部湾国际港务集团有限公司" + marker);

        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            String name = "榜单导入" + marker + "第" + i + "名控股集团有限公司";
            String uscc = i % 7 == 0 ? "" : newUscc();
            if (i == 1) {
                uscc = knownUsccA;
            } else if (i == 2) {
                uscc = knownUsccB;
            } else if (i == 3) {
                name = "广西北部湾国际港务集团有限公司" + marker;
                uscc = "";
            }
            rows.add(new String[] {String.valueOf(i), String.valueOf(i), name, uscc});
        }
        String goodUscc200 = rows.get(199)[3];
        rows.get(99)[2] = "";
        rows.get(199)[3] = goodUscc200.substring(0, 17) + wrongCheckCharacter(goodUscc200);
        rows.get(299)[1] = "三百";

        HttpResponse<String> uploaded = upload("/api/list-editions/" + edition + "/imports?fileName=china500-2025.xlsx",
                xlsx("2025中国企业500强", rows), XLSX);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode preview = JSON.readTree(uploaded.body());
        String importId = preview.get("id").asString();

        // The preview lists exactly the 3 bad rows (sheet rows: title, header, then 序号 1 in row 3) …
        assertThat(preview.get("errors").valueStream().map(row -> row.get("serial").asString()))
                .containsExactly("100", "200", "300");
        assertThat(preview.get("errors").valueStream().map(row -> row.get("rowNumber").asInt())).containsExactly(102, 202, 302);
        assertThat(preview.get("errors").get(0).get("errors").get(0).get("column").asString()).isEqualTo("企业名称");
        assertThat(preview.get("errors").get(1).get("errors").get(0).get("message").asString())
                .contains("'" + goodUscc200.charAt(17) + "'");
        assertThat(preview.get("errors").get(2).get("errors").get(0).get("column").asString()).isEqualTo("排名");
        JsonNode counts = preview.get("counts");
        assertThat(counts.get("ERROR").asLong()).isEqualTo(3);
        assertThat(counts.get("BY_USCC").asLong()).isEqualTo(2);
        assertThat(counts.get("BY_NAME").asLong()).isEqualTo(1);
        assertThat(counts.get("REVIEW").asLong()).isZero();
        assertThat(counts.get("NEW").asLong()).isEqualTo(494);
        // … and shows every row's match before anything is applied.
        JsonNode allRows = officer.get("/api/edition-imports/" + importId + "/rows?size=500").json().get("items");
        assertThat(allRows.size()).isEqualTo(500);
        assertThat(allRows.get(0).get("match").asString()).isEqualTo("BY_USCC");
        assertThat(allRows.get(0).get("enterpriseId").asString()).isEqualTo(knownA);
        assertThat(allRows.get(2).get("enterpriseId").asString()).isEqualTo(knownByName);
        assertThat(membershipsOf(edition)).isZero();

        ApiClient.Response refused = officer.post("/api/edition-imports/" + importId + "/apply", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("undecidedRows").valueStream().map(row -> row.get("row").asInt()))
                .containsExactly(102, 202, 302);
        assertThat(membershipsOf(edition)).isZero();

        assertThat(officer.post("/api/edition-imports/" + importId + "/rows/102",
                Map.of("name", "榜单导入" + marker + "第100名控股集团有限公司")).json().get("match").asString()).isEqualTo("NEW");
        assertThat(officer.post("/api/edition-imports/" + importId + "/rows/202",
                Map.of("uscc", goodUscc200)).json().get("match").asString()).isEqualTo("NEW");
        ApiClient.Response stillBad = officer.post("/api/edition-imports/" + importId + "/rows/302", Map.of("rank", "299"));
        assertThat(stillBad.json().get("match").asString()).as("rank 299 is taken by another row").isEqualTo("ERROR");
        assertThat(officer.post("/api/edition-imports/" + importId + "/rows/302", Map.of("rank", "300"))
                .json().get("match").asString()).isEqualTo("NEW");

        // 500 rows in one request: slower than the 30 s of other requests on a busy machine
        ApiClient.Response applied = officer.withTimeout(Duration.ofMinutes(3)).post("/api/edition-imports/" + importId + "/apply", Map.of());
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("memberships").asInt()).isEqualTo(500);
        assertThat(applied.json().get("createdEnterprises").asInt()).isEqualTo(497);
        assertThat(membershipsOf(edition)).isEqualTo(500);
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE uscc = :uscc").param("uscc", knownUsccA)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE list_only AND name_zh LIKE :pattern")
                .param("pattern", "榜单导入" + marker + "%").query(Long.class).single()).isEqualTo(497);
        assertThat(officer.get("/api/enterprises/" + knownByName + "/classes?on=2025-10-01").json().get("classes").get(0)
                .get("rank").asInt()).isEqualTo(3);
        assertThat(officer.post("/api/edition-imports/" + importId + "/apply", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void anUncertainNameMatchWaitsInTheReviewQueueUntilAReviewerDecides() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String edition = officer.post("/api/list-editions", Map.of("enterpriseClass", "GAZELLE", "edition", "2025",
                "publishedOn", "2025-06-01")).json().get("id").asString();
        String existing = register(newUscc(), "广西玉柴机器集团有限公司" + marker);
        String csv = "序号,排名,企业名称,统一社会信用代码\r\n"
                + "1,1,\"广西玉柴机器集团股份有限公司" + marker + "\",\r\n"
                + "2,2,柳州瞪羚科技" + marker + "有限公司,\r\n";

        HttpResponse<String> uploaded = upload("/api/list-editions/" + edition + "/imports?fileName=gazelles.csv",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode preview = JSON.readTree(uploaded.body());
        String importId = preview.get("id").asString();
        assertThat(preview.get("reviews").size()).isEqualTo(1);
        JsonNode review = preview.get("reviews").get(0);
        assertThat(review.get("rowNumber").asInt()).isEqualTo(2);
        assertThat(review.get("candidates").get(0).get("id").asString()).isEqualTo(existing);

        assertThat(officer.post("/api/edition-imports/" + importId + "/apply", Map.of()).status()).isEqualTo(409);
        JsonNode queue = officer.get("/api/edition-reviews?size=500").json();
        assertThat(queue.get("items").valueStream().map(item -> item.get("importId").asString())).contains(importId);

        ApiClient.Response decided = officer.post("/api/edition-imports/" + importId + "/rows/2/resolution",
                Map.of("enterpriseId", existing));
        assertThat(decided.json().get("match").asString()).isEqualTo("CHOSEN");
        ApiClient.Response applied = officer.post("/api/edition-imports/" + importId + "/apply", Map.of());
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("createdEnterprises").asInt()).isEqualTo(1);
        assertThat(officer.get("/api/enterprises/" + existing + "/classes?on=2025-07-01").json().get("classes").get(0)
                .get("enterpriseClass").asString()).isEqualTo("GAZELLE");
        assertThat(officer.get("/api/edition-reviews?size=500").json().get("items").valueStream()
                .map(item -> item.get("importId").asString())).doesNotContain(importId);
    }

    @Test
    void aFileWithoutTheHeaderRowIsRejected() throws Exception {
        String edition = officer.post("/api/list-editions", Map.of("enterpriseClass", "INDUSTRY_LEADER", "edition", "2025-import",
                "publishedOn", "2025-01-15")).json().get("id").asString();
        HttpResponse<String> response = upload("/api/list-editions/" + edition + "/imports",
                "名称,代码\r\n某企业,\r\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    private static char wrongCheckCharacter(String uscc) {
        char right = uscc.charAt(17);
        return Uscc.ALPHABET.charAt((Uscc.ALPHABET.indexOf(right) + 1) % 31);
    }

    private long membershipsOf(String edition) {
        return jdbc.sql("SELECT count(*) FROM membership WHERE edition_id = CAST(:id AS uuid)").param("id", edition)
                .query(Long.class).single();
    }

    private String register(String uscc, String name) {
        Map<String, Object> body = enterprise(name);
        body.put("uscc", uscc);
        ApiClient.Response created = officer.create("/api/enterprises", body);
        return created.json().get("enterprise").get("id").asString();
    }

    private static byte[] xlsx(String title, List<String[]> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("榜单");
            sheet.createRow(0).createCell(0).setCellValue(title);
            Row header = sheet.createRow(1);
            String[] headers = {"序号", "排名", "企业名称", "统一社会信用代码"};
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                String[] cells = rows.get(r);
                // 序号 and 排名 as numbers, as spreadsheets hold them.
                row.createCell(0).setCellValue(Double.parseDouble(cells[0]));
                if (cells[1].matches("\\d+")) {
                    row.createCell(1).setCellValue(Double.parseDouble(cells[1]));
                } else {
                    row.createCell(1).setCellValue(cells[1]);
                }
                row.createCell(2).setCellValue(cells[2]);
                row.createCell(3).setCellValue(cells[3]);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private HttpResponse<String> upload(String path, byte[] body, String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
