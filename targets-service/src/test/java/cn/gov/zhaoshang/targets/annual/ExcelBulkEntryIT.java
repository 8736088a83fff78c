package cn.gov.zhaoshang.targets.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.XlsxParts;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Acceptance 4 (Excel): the template round-trips; a file with bad cells is refused whole, every bad cell located. */
@PlatformIntegrationTest
class ExcelBulkEntryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SHEET = "年度目标任务表";
    private static final String CONTRACT = "合同投资额(亿元)";
    private static final String SIGNED = "新签约项目数(个)";
    private static final String SHARE = "制造业占比(%)";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String cityAdminToken;

    @BeforeEach
    void token() {
        cityAdminToken = PlatformServers.identityProvider().tokenFor("gg-target-admin", "450800", "target-admin");
    }

    @Test
    void theTemplateRoundTripsAndADryRunShowsWhatWouldChangeWithoutChangingIt() throws Exception {
        ApiClient cityAdmin = ApiClient.atPort(port).withToken(cityAdminToken);
        assertThat(cityAdmin.post("/api/targets", Map.of("orgUnit", "450881", "year", 2032,
                "figures", Map.of("CONTRACT_INVESTMENT", "20000000000", "MANUFACTURING_SHARE", "45"))).status()).isEqualTo(200);

        byte[] template = download(2032);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet(SHEET);
            assertThat(sheet).isNotNull();
            List<String> headers = headers(sheet);
            assertThat(headers).startsWith("单位代码", "单位名称", "年度").contains(CONTRACT, SIGNED, SHARE, "到位资金(亿元)");
            List<String> codes = column(sheet, "单位代码");
            assertThat(codes).contains("450802", "450803", "450804", "450821", "450881").doesNotContain("450800", "450100");
            Row guiping = rowOf(sheet, "450881");
            assertThat(guiping.getCell(headers.indexOf(CONTRACT)).getNumericCellValue()).isEqualTo(200.0);
            assertThat(guiping.getCell(headers.indexOf(SHARE)).getNumericCellValue()).isEqualTo(45.0);
            assertThat(guiping.getCell(headers.indexOf("单位名称")).getStringCellValue()).isEqualTo("桂平市");
        }

        JsonNode unchanged = upload(template, true);
        assertThat(unchanged.get("changes").isEmpty()).as("the template read back changes nothing: " + unchanged).isTrue();

        byte[] edited = edit(template, Map.of("450802", Map.of(CONTRACT, "150.5")));
        JsonNode dryRun = upload(edited, true);
        assertThat(dryRun.get("applied").asBoolean()).isFalse();
        assertThat(dryRun.get("changes")).hasSize(1);
        JsonNode change = dryRun.get("changes").get(0);
        assertThat(change.get("orgUnit").asString()).isEqualTo("450802");
        assertThat(change.get("figures").get(0).get("figure").asString()).isEqualTo("CONTRACT_INVESTMENT");
        assertThat(change.get("figures").get(0).get("before").isNull()).isTrue();
        assertThat(change.get("figures").get(0).get("after").asString()).isEqualTo("15050000000.00");
        assertThat(targetRows("450802", 2032)).as("a dry run changes nothing").isZero();

        JsonNode applied = upload(edited, false);
        assertThat(applied.get("applied").asBoolean()).isTrue();
        assertThat(cityAdmin.get("/api/targets/450802/2032").json().get("confirmed").get("CONTRACT_INVESTMENT").asString())
                .isEqualTo("15050000000.00");
        assertThat(cityAdmin.get("/api/targets/450881/2032").json().get("confirmed").get("CONTRACT_INVESTMENT").asString())
                .isEqualTo("20000000000.00");
    }

    @Test
    void aFileWithThreeBadCellsIsRefusedWithAllThreeLocatedAndNothingChanges() throws Exception {
        byte[] template = download(2033);
        byte[] bad = edit(template, Map.of(
                "450802", Map.of(CONTRACT, "十亿"),
                "450803", Map.of(SIGNED, "2.5"),
                "450804", Map.of(CONTRACT, "99"),
                "450881", Map.of(SHARE, "150")));
        long rowsBefore = jdbc.sql("SELECT count(*) FROM annual_target").query(Long.class).single();

        HttpResponse<String> response = send(bad, false);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(errors).hasSize(3);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet(SHEET);
            List<String> headers = headers(sheet);
            assertThat(errors.valueStream().map(error -> error.get("field").asString()).toList()).containsExactlyInAnyOrder(
                    location(sheet, headers, "450802", CONTRACT),
                    location(sheet, headers, "450803", SIGNED),
                    location(sheet, headers, "450881", SHARE));
        }
        assertThat(errors.valueStream().map(error -> error.get("rule").asString()).toList())
                .containsExactlyInAnyOrder("Number", "FigureValue", "FigureValue");
        assertThat(jdbc.sql("SELECT count(*) FROM annual_target").query(Long.class).single()).isEqualTo(rowsBefore);
        assertThat(targetRows("450804", 2033)).as("the good cell is not applied either").isZero();
    }

    /**
     * A DOCTYPE in any part (how an XXE attempt begins; POI refuses it, and that used to be a 500) and a cell whose
     * XML spells U+0000 as {@code _x0000_} (PostgreSQL refuses it) are 400 problem details; nothing changes.
     */
    @Test
    void aWorkbookWithADoctypeOrAControlCharacterInACellIs400AndChangesNothing() throws Exception {
        byte[] template = download(2034);
        long rowsBefore = jdbc.sql("SELECT count(*) FROM annual_target").query(Long.class).single();
        for (String part : List.of("xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/sharedStrings.xml",
                "[Content_Types].xml")) {
            HttpResponse<String> response = send(XlsxParts.withDoctype(edit(template, Map.of("450802", Map.of(CONTRACT, "150"))), part), false);
            assertThat(response.statusCode()).as(part + ": " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("errors").get(0).get("rule").asString()).as(part).isEqualTo("Xlsx");
        }

        byte[] withNul = XlsxParts.rewrite(template, "xl/sharedStrings.xml", xml -> xml.replaceFirst(">450802<", ">450_x0000_802<"));
        HttpResponse<String> response = send(withNul, true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(template))) {
            assertThat(error.get("field").asString()).isEqualTo(SHEET + "!A" + (rowOf(workbook.getSheet(SHEET), "450802").getRowNum() + 1));
        }
        assertThat(error.get("rule").asString()).isEqualTo("PlainText");
        assertThat(error.get("message").asString()).contains("U+0000");
        assertThat(jdbc.sql("SELECT count(*) FROM annual_target").query(Long.class).single()).isEqualTo(rowsBefore);
    }

    private long targetRows(String code, int year) {
        return jdbc.sql("""
                SELECT count(*) FROM annual_target t JOIN org_unit_registry r ON r.id = t.unit_id
                WHERE r.code = :code AND t.year = :year""").param("code", code).param("year", year).query(Long.class).single();
    }

    private byte[] download(int year) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/targets/template?year=" + year))
                .header("Authorization", "Bearer " + cityAdminToken).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("spreadsheetml"));
        return response.body();
    }

    private JsonNode upload(byte[] workbook, boolean dryRun) throws Exception {
        HttpResponse<String> response = send(workbook, dryRun);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(byte[] workbook, boolean dryRun) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/targets/upload?dryRun=" + dryRun))
                .header("Authorization", "Bearer " + cityAdminToken)
                .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .POST(HttpRequest.BodyPublishers.ofByteArray(workbook)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Writes text into cells of the template: unit code → header → value, as a person typing would. */
    private static byte[] edit(byte[] template, Map<String, Map<String, String>> cells) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheet(SHEET);
            List<String> headers = headers(sheet);
            cells.forEach((code, values) -> values.forEach((header, value) -> {
                Cell cell = rowOf(sheet, code).createCell(headers.indexOf(header));
                try {
                    cell.setCellValue(Double.parseDouble(value));
                } catch (NumberFormatException notANumber) {
                    cell.setCellValue(value);
                }
            }));
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static String location(Sheet sheet, List<String> headers, String code, String header) {
        return SHEET + "!" + org.apache.poi.ss.util.CellReference.convertNumToColString(headers.indexOf(header))
                + (rowOf(sheet, code).getRowNum() + 1);
    }

    private static Row headerRow(Sheet sheet) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && "单位代码".equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no header row");
    }

    private static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        headerRow(sheet).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }

    private static List<String> column(Sheet sheet, String header) {
        int index = headers(sheet).indexOf(header);
        List<String> values = new ArrayList<>();
        for (int r = headerRow(sheet).getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            values.add(sheet.getRow(r).getCell(index).getStringCellValue());
        }
        return values;
    }

    private static Row rowOf(Sheet sheet, String code) {
        for (int r = headerRow(sheet).getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            if (code.equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
                return sheet.getRow(r);
            }
        }
        throw new AssertionError("no row for " + code);
    }
}
