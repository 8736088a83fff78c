package cn.gov.zhaoshang.project.excel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.project.excel.model.FundsSheetLayout;
import cn.gov.zhaoshang.project.excel.model.ProjectListLayout;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.ResidentTeamEvents;
import cn.gov.zhaoshang.testsupport.TestUser;
import cn.gov.zhaoshang.testsupport.TopicReader;
import cn.gov.zhaoshang.testsupport.XlsxParts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 5, "Excel", and acceptance 6: the monthly project list is imported whole or not at all,
 * previewed with its errors and duplicates, imported with earlier years' funds, and exported with
 * the same headers. Every file is built here with Apache POI.
 */
@PlatformIntegrationTest
class ProjectListExcelApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String guipingToken;
    String guigangToken;
    String viewerToken;
    ApiClient guipingOfficer;

    @BeforeEach
    void tokens() {
        guipingToken = TestUser.GP_OFFICER.token();
        guigangToken = TestUser.GG_OFFICER.token();
        viewerToken = TestUser.GP_VIEWER.token();
        guipingOfficer = ApiClient.atPort(port).withToken(guipingToken);
    }

    @Test
    void aFileOf200RowsWith4BadRowsIsRefusedWithAll4LocatedAndTheDatabaseIsUnchanged() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            rows.add(signedRow(i, "", "桂平市批量导入项目" + i, i % 2 == 0 ? "桂平市" : "450881", "1500.5"));
        }
        // Data rows start on Excel row 3 (title, header): list index i is Excel row i + 3.
        rows.get(9).set(14, "一千万");                 // row 12, O: not an amount
        rows.get(49).set(5, "火星县");                 // row 52, F: no such county
        rows.get(99).set(12, "已签");                  // row 102, M: no such stage
        rows.get(149).set(13, "");                     // row 152, N: signed without a signing date
        Map<String, Long> before = counts();

        HttpResponse<String> refused = post("/api/projects/imports", workbook(rows, null), guipingToken);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors.valueStream().map(error -> error.get("field").asString() + "/" + error.get("rule").asString()).toList())
                .containsExactly(
                        "招商引资项目月报表!O12/Amount",
                        "招商引资项目月报表!F52/CountyInScope",
                        "招商引资项目月报表!M102/AllowedValue",
                        "招商引资项目月报表!N152/RequiredForStage");
        assertThat(errors.get(0).get("message").asString()).contains("sheet 招商引资项目月报表", "row 12", "column O", "合同投资额(万元)");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aPreviewShowsErrorsFirstThenDuplicatesAndStoresOnlyItsAuditEntryAndTheImportThenRegistersEveryRow() throws Exception {
        ApiClient.Response existing = guipingOfficer.post("/api/projects", Map.of("name", "桂平市木材加工产业园", "orgUnit", "450881",
                "projectCode", "GP-XLS-0001", "stage", "NEGOTIATING", "industryCode", "C2021"));
        String existingId = existing.json().get("id").asString();
        // A row with the code of a project of the library updates it; one without a code but of the
        // same name is a new registration that rule L1 pools.
        List<List<Object>> rows = List.of(
                signedRow(1, "", "桂平市 木材加工产业园（项目）", "桂平市", "20000"),
                signedRow(2, "", "桂平市 新型 建材（项目）", "450881", "8800.123456"),
                row(3, "", "桂平市文旅综合体", "桂平市", "R9011", "在谈", "", ""),
                signedRow(4, "", "桂平市新型建材", "450881", "100"));
        Map<String, Long> before = counts();

        HttpResponse<String> preview = post("/api/projects/imports/preview", workbook(rows, null), guipingToken);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode shown = JSON.readTree(preview.body());
        assertThat(shown.get("valid").asBoolean()).isTrue();
        assertThat(shown.get("applied").asBoolean()).isFalse();
        assertThat(shown.get("errors").size()).isZero();
        assertThat(shown.get("duplicates").valueStream().map(d -> d.get("row").asInt() + "/" + d.get("rule").asString()).toList())
                .containsExactly("3/L1", "6/L1");
        assertThat(shown.get("duplicates").get(0).get("duplicateOf").asString()).isEqualTo(existingId);
        // Nothing is kept of a preview but its audit entry.
        Map<String, Long> afterPreview = counts();
        assertThat(afterPreview.remove("audit_log")).isEqualTo(before.remove("audit_log") + 1);
        assertThat(afterPreview).isEqualTo(before);
        assertThat(jdbc.sql("SELECT actor || ':' || action || ':' || (after->>'pooled') FROM audit_log WHERE entity_type = 'project-import' AND entity_id = :id")
                .param("id", shown.get("importId").asString()).query(String.class).list()).containsExactly("gp-officer:previewed:2");

        HttpResponse<String> imported = post("/api/projects/imports", workbook(rows, null), guipingToken);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode done = JSON.readTree(imported.body());
        assertThat(done.get("registered").asInt()).isEqualTo(4);
        assertThat(done.get("duplicates").size()).isEqualTo(2);
        assertThat(counts().get("project")).isEqualTo(before.get("project") + 4);
        String amount = jdbc.sql("SELECT contract_amount::text FROM project WHERE name = '桂平市 新型 建材（项目）'")
                .query(String.class).single();
        assertThat(amount).isEqualTo("88001234.56");
        assertThat(jdbc.sql("""
                SELECT source_key_area || '/' || channel || '/' || site_address || '/' || contact_phone || '/' || industry_chain_tags::text
                FROM project WHERE name = '桂平市 新型 建材（项目）'""").query(String.class).single())
                .isEqualTo("GBA/INDUSTRY_CHAIN/" + siteOf("桂平市 新型 建材（项目）") + "/" + phoneOf("桂平市 新型 建材（项目）")
                        + "/[\"新能源汽车\", \"电子信息\"]");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'project-import' AND entity_id = :id")
                .param("id", done.get("importId").asString()).query(Long.class).single()).isEqualTo(1);

        // The two rows that count publish their registered event; the pooled ones wait for review.
        String counted = jdbc.sql("SELECT id::text FROM project WHERE name = '桂平市文旅综合体'").query(String.class).single();
        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.PROJECT, record -> counted.equals(record.key()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().value()).contains(EventTypes.PROJECT_REGISTERED);
        assertThat(EventSchemaValidator.shared().validate(records.getFirst().value())).isEmpty();
    }

    @Test
    void aPreviewNamesNeitherTheProjectOfAnotherCountyARowMayDuplicateNorTheRule() throws Exception {
        String code = "GP-XLS-CROSS-" + System.nanoTime() % 1_000_000;
        String guipings = guipingOfficer.post("/api/projects", Map.of("name", "桂平市跨县查重项目", "orgUnit", "450881",
                "projectCode", code, "stage", "NEGOTIATING", "industryCode", "C2021")).json().get("id").asString();

        HttpResponse<String> preview = post("/api/projects/imports/preview",
                workbook(List.of(signedRow(1, code, "港北区同编号项目", "港北区", "100")), null), TestUser.GB_OFFICER.token());

        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode duplicates = JSON.readTree(preview.body()).get("duplicates");
        assertThat(duplicates.size()).as(preview.body()).isEqualTo(1);
        assertThat(duplicates.get(0).get("duplicateOf").isNull()).isTrue();
        assertThat(duplicates.get(0).get("rule").isNull()).isTrue();
        assertThat(preview.body()).doesNotContain(guipings);
    }

    @Test
    void aPreviewOfABadFileListsItsErrorsAndAnotherCountysRowIsOutOfScope() throws Exception {
        List<List<Object>> rows = List.of(
                signedRow(1, "", "港北区越界项目", "港北区", "100"),
                row(2, "", "", "桂平市", "X99", "终止", "2030-01-01", "-5"));
        HttpResponse<String> preview = post("/api/projects/imports/preview", workbook(rows, null), guipingToken);
        assertThat(preview.statusCode()).isEqualTo(200);
        JsonNode shown = JSON.readTree(preview.body());
        assertThat(shown.get("valid").asBoolean()).isFalse();
        assertThat(shown.get("errors").valueStream().map(e -> e.get("field").asString() + "/" + e.get("rule").asString()).toList())
                .containsExactly(
                        "招商引资项目月报表!F3/CountyInScope",
                        "招商引资项目月报表!C4/Required",
                        "招商引资项目月报表!H4/IndustryCode",
                        "招商引资项目月报表!M4/RegistrableStage",
                        "招商引资项目月报表!N4/PastOrPresent",
                        "招商引资项目月报表!O4/Amount");

        assertThat(post("/api/projects/imports", workbook(rows, null), viewerToken).statusCode()).isEqualTo(403);
        assertThat(post("/api/projects/imports", "not a workbook".getBytes(), guipingToken).statusCode()).isEqualTo(400);
    }

    /** A file's XML may spell U+0000 as {@code _x0000_}: PostgreSQL refuses it, so it used to be a 500 (docs/security.md). */
    @Test
    void aCellWhoseTextHoldsAControlCharacterIsListedByThePreviewAndRefusedByTheImport() throws Exception {
        String name = "桂平市控制字符项目" + UUID.randomUUID();
        byte[] file = XlsxParts.rewrite(workbook(List.of(signedRow(1, "", name + "NUL", "桂平市", "100")), null),
                "xl/sharedStrings.xml", xml -> xml.replace(name + "NUL", name + "_x0000_"));

        HttpResponse<String> preview = post("/api/projects/imports/preview", file, guipingToken);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode shown = JSON.readTree(preview.body());
        assertThat(shown.get("valid").asBoolean()).isFalse();
        assertThat(shown.get("errors").valueStream().map(e -> e.get("field").asString() + "/" + e.get("rule").asString()).toList())
                .containsExactly("招商引资项目月报表!C3/PlainText");

        Map<String, Long> before = counts();
        HttpResponse<String> imported = post("/api/projects/imports", file, guipingToken);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(imported.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("招商引资项目月报表!C3");
        assertThat(error.get("message").asString()).contains("U+0000");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aHistoricalImportEntersEarlierYearsProjectsWithTheirFunds() throws Exception {
        List<List<Object>> rows = List.of(
                row(1, "GP-2019-0007", "桂平市历史糖厂技改", "桂平市", "C1340", "开工", "2019-03-15", "12000"),
                row(2, "", "桂平市历史在谈项目", "桂平市", "C1340", "在谈", "", ""));
        rows.get(0).set(16, "2019-06-01");
        List<List<Object>> funds = List.of(
                List.of(1, "GP-2019-0007", "", "2019-06", "3000", "HD-2019-06", "2019-06-28"),
                List.of(2, "", "桂平市历史糖厂技改", "2019-07", "1500.25", "HD-2019-07", "2019-07-30"));

        HttpResponse<String> imported = post("/api/projects/imports", workbook(rows, funds), guipingToken);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(JSON.readTree(imported.body()).get("fundsMonths").asInt()).isEqualTo(2);
        String id = jdbc.sql("SELECT id::text FROM project WHERE project_code = 'GP-2019-0007'").query(String.class).single();
        JsonNode months = guipingOfficer.get("/api/projects/" + id + "/funds").json();
        assertThat(months.valueStream().map(m -> m.get("month").asString() + "=" + m.get("amount").asString()).toList())
                .containsExactly("2019-06=30000000.00", "2019-07=15002500.00");
        JsonNode project = guipingOfficer.get("/api/projects/" + id).json();
        assertThat(project.get("stage").asString()).isEqualTo("STARTED");
        assertThat(project.get("signingDate").asString()).isEqualTo("2019-03-15");

        // Funds of a project not signed, and of a project not in the file: refused, located, nothing kept.
        List<List<Object>> badFunds = List.of(
                List.of(1, "", "桂平市又一在谈项目", "2019-06", "10", "HD-1", "2019-06-28"),
                List.of(2, "", "不在本表的项目", "2019-06", "10", "HD-2", "2019-06-28"));
        Map<String, Long> before = counts();
        HttpResponse<String> refused = post("/api/projects/imports",
                workbook(List.of(row(1, "", "桂平市又一在谈项目", "桂平市", "C1340", "在谈", "", "")), badFunds), guipingToken);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("errors").valueStream()
                .map(e -> e.get("field").asString() + "/" + e.get("rule").asString()).toList())
                .containsExactly("到位资金!C2/SignedProject", "到位资金!C3/ProjectInFile");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theLibraryIsExportedWithTheSameHeadersFilteredWithinScopeAndReadsBackUnchanged() throws Exception {
        HttpResponse<String> imported = post("/api/projects/imports", workbook(List.of(
                signedRow(1, "GP-EXP-0001", "桂平市导出测试签约项目", "桂平市", "2500.5"),
                row(2, "GP-EXP-0002", "桂平市导出测试在谈项目", "桂平市", "C3841", "在谈", "", "")), null), guipingToken);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

        HttpResponse<byte[]> export = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/projects/export?orgUnit=450881&stage=SIGNED&q=GP-EXP-000")).header("Authorization", "Bearer " + guigangToken).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue(XLSX);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(export.body()))) {
            Sheet sheet = workbook.getSheet(ProjectListLayout.SHEET);
            DataFormatter text = new DataFormatter();
            List<String> headers = new ArrayList<>();
            sheet.getRow(1).forEach(cell -> headers.add(text.formatCellValue(cell)));
            assertThat(headers).containsExactlyElementsOf(ProjectListLayout.HEADERS);
            Row exported = null;
            List<String> stages = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                stages.add(text.formatCellValue(sheet.getRow(r).getCell(12)));
                if ("GP-EXP-0001".equals(text.formatCellValue(sheet.getRow(r).getCell(1)))) {
                    exported = sheet.getRow(r);
                }
            }
            assertThat(stages).containsOnly("签约");
            assertThat(exported).isNotNull();
            assertThat(text.formatCellValue(exported.getCell(2))).isEqualTo("桂平市导出测试签约项目");
            assertThat(text.formatCellValue(exported.getCell(5))).isEqualTo("桂平市");
            assertThat(text.formatCellValue(exported.getCell(13))).isEqualTo("2026-08-01");
            assertThat(text.formatCellValue(exported.getCell(14))).isEqualTo("2500.5");
            assertThat(text.formatCellValue(exported.getCell(8))).isEqualTo("新能源汽车、电子信息");
            assertThat(text.formatCellValue(exported.getCell(9))).isEqualTo("粤港澳大湾区");
            assertThat(text.formatCellValue(exported.getCell(10))).isEqualTo("产业链招商");
            assertThat(text.formatCellValue(exported.getCell(17))).isEqualTo(siteOf("桂平市导出测试签约项目"));
            // contacts only masked, whoever exports
            assertThat(text.formatCellValue(exported.getCell(18))).isEqualTo("张*");
            String phone = phoneOf("桂平市导出测试签约项目");
            assertThat(text.formatCellValue(exported.getCell(19))).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        }

        // Read back, every exported project is found again by its code, and nothing changes.
        HttpResponse<String> preview = post("/api/projects/imports/preview", onlyCodes(export.body(), "GP-EXP-000"), guipingToken);
        JsonNode shown = JSON.readTree(preview.body());
        assertThat(shown.get("errors").size()).as(preview.body()).isZero();
        assertThat(shown.get("unchanged").asInt()).as(preview.body()).isEqualTo(shown.get("rows").asInt()).isPositive();
        assertThat(shown.get("duplicates").size()).isZero();

        HttpResponse<String> outside = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/projects/export?orgUnit=450802")).header("Authorization", "Bearer " + guipingToken).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(outside.statusCode()).isEqualTo(404);
    }

    /** A project registered without a project code, with funds in place, is exported with a blank code (it was a 500). */
    @Test
    void aProjectWithoutACodeButWithFundsIsExportedWithABlankCode() throws Exception {
        String name = "桂平市无编号到位资金项目" + System.nanoTime();
        ApiClient.Response registered = guipingOfficer.post("/api/projects", Map.of("name", name, "orgUnit", "450881",
                "contractAmount", "100000000", "signingDate", "2026-05-20", "industryCode", "C1810"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String id = registered.json().get("id").asString();
        ApiClient.Response funds = guipingOfficer.post("/api/projects/" + id + "/funds", Map.of("month", "2026-06", "amount", "3000000",
                "evidence", Map.of("documentType", "BANK_VOUCHER", "documentNumber", "YH-NOCODE-1", "documentDate", "2026-06-30")));
        assertThat(funds.status()).as(funds.body()).isIn(200, 201);

        HttpResponse<byte[]> export = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/projects/export?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + guipingToken).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(export.body()))) {
            DataFormatter text = new DataFormatter();
            Sheet fundsSheet = workbook.getSheet(FundsSheetLayout.SHEET);
            List<String> names = new ArrayList<>();
            for (int r = 1; r <= fundsSheet.getLastRowNum(); r++) {
                if (name.equals(text.formatCellValue(fundsSheet.getRow(r).getCell(2)))) {
                    assertThat(text.formatCellValue(fundsSheet.getRow(r).getCell(1))).as("the code").isEmpty();
                    assertThat(text.formatCellValue(fundsSheet.getRow(r).getCell(5))).isEqualTo("YH-NOCODE-1");
                }
                names.add(text.formatCellValue(fundsSheet.getRow(r).getCell(2)));
            }
            assertThat(names).contains(name);
        }
    }

    /**
     * Issue 20, acceptance 3: the monthly list exported, edited (two stage moves, one month's funds,
     * one corrected name) and imported again changes exactly those; read back unedited it changes
     * nothing, and nothing goes to the review pool.
     */
    @Test
    void theMonthlyListExportedEditedAndImportedAgainChangesExactlyWhatWasEdited() throws Exception {
        String prefix = "GP-MR" + System.nanoTime() % 1_000_000;
        String signed = registered(prefix + "-1", "桂平市月报签约项目" + prefix, "SIGNED", Map.of("contractAmount", "200000000.00",
                "signingDate", "2026-09-01", "evidence", List.of(document("AGREEMENT", prefix + "-XY1", "2026-09-01"))));
        String landed = registered(prefix + "-2", "桂平市月报落地项目（错名）" + prefix, "LANDED", Map.of("contractAmount", "300000000.00",
                "signingDate", "2026-08-01", "landingDate", "2026-09-10", "evidence", List.of(
                        document("AGREEMENT", prefix + "-XY2", "2026-08-01"), document("LAND_GRANT", prefix + "-GT2", "2026-09-10"))));
        String negotiating = registered(prefix + "-3", "桂平市月报在谈项目" + prefix, "NEGOTIATING", Map.of());
        guipingOfficer.create("/api/projects/" + landed + "/funds", Map.of("month", "2026-10", "amount", "5000000.00",
                "evidence", Map.of("documentType", "BANK_VOUCHER", "documentNumber", prefix + "-HD10", "documentDate", "2026-10-20")));
        HttpResponse<byte[]> export = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/projects/export?orgUnit=450881&q=" + prefix)).header("Authorization", "Bearer " + guipingToken).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);
        // q is typo-tolerant: other classes' projects with similar names may come too; the officer's file is these three
        byte[] exported = onlyCodes(export.body(), prefix);

        // Read back as it was exported: every row unchanged, nothing registered, pooled or stored.
        Map<String, Long> before = counts();
        JsonNode asExported = JSON.readTree(post("/api/projects/imports", exported, guipingToken).body());
        assertThat(asExported.get("errors").size()).as(asExported.toString()).isZero();
        assertThat(asExported.get("outcomes").valueStream().map(row -> row.get("code").asString() + "/" + row.get("status").asString()))
                .containsExactlyInAnyOrder(prefix + "-1/UNCHANGED", prefix + "-2/UNCHANGED", prefix + "-3/UNCHANGED");
        Map<String, Long> after = counts();
        assertThat(after.remove("audit_log")).isEqualTo(before.remove("audit_log") + 1);
        assertThat(after).isEqualTo(before);

        // The officer's month: two projects moved on, one month's funds, one name corrected.
        byte[] edited;
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(exported));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet list = workbook.getSheet(ProjectListLayout.SHEET);
            set(list, prefix + "-1", ProjectListLayout.STAGE, "落地");
            set(list, prefix + "-1", ProjectListLayout.LANDING_DATE, "2026-11-10");
            set(list, prefix + "-1", ProjectListLayout.LANDING_DOCUMENT_TYPE, "供地");
            set(list, prefix + "-1", ProjectListLayout.LANDING_DOCUMENT_NUMBER, prefix + "-GT1");
            set(list, prefix + "-3", ProjectListLayout.STAGE, "签约");
            set(list, prefix + "-3", ProjectListLayout.SIGNING_DATE, "2026-11-20");
            set(list, prefix + "-3", ProjectListLayout.AMOUNT, "3000");
            set(list, prefix + "-3", ProjectListLayout.AGREEMENT_NUMBER, prefix + "-XY3");
            set(list, prefix + "-2", ProjectListLayout.NAME, "桂平市月报落地项目" + prefix);
            Sheet funds = workbook.getSheet("到位资金");
            write(funds.createRow(funds.getLastRowNum() + 1), List.of(funds.getLastRowNum() + 1, prefix + "-2", "", "2026-11", "600",
                    prefix + "-HD11", "2026-11-25"));
            workbook.write(out);
            edited = out.toByteArray();
        }

        JsonNode previewed = JSON.readTree(post("/api/projects/imports/preview", edited, guipingToken).body());
        assertThat(previewed.get("errors").size()).as(previewed.toString()).isZero();
        assertThat(previewed.get("outcomes").valueStream().map(row -> row.get("code").asString() + "/" + row.get("status").asString()
                + "/" + row.get("changes").valueStream().map(JsonNode::asString).toList()))
                .containsExactlyInAnyOrder(prefix + "-1/UPDATED/[项目阶段 签约→落地]", prefix + "-3/UPDATED/[项目阶段 在谈→签约]",
                        prefix + "-2/UPDATED/[项目名称, 到位资金 2026-11]");
        assertThat(previewed.get("registered").asInt()).isZero();

        HttpResponse<String> imported = post("/api/projects/imports", edited, guipingToken);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode done = JSON.readTree(imported.body());
        assertThat(done.get("updated").asInt()).isEqualTo(3);
        assertThat(done.get("registered").asInt()).isZero();
        assertThat(done.get("duplicates").size()).isZero();

        JsonNode nowLanded = guipingOfficer.get("/api/projects/" + signed).json();
        assertThat(nowLanded.get("stage").asString() + "/" + nowLanded.get("landingDate").asString()).isEqualTo("LANDED/2026-11-10");
        JsonNode nowSigned = guipingOfficer.get("/api/projects/" + negotiating).json();
        assertThat(nowSigned.get("stage").asString() + "/" + nowSigned.get("signingDate").asString() + "/"
                + nowSigned.get("contractAmount").asString()).isEqualTo("SIGNED/2026-11-20/30000000.00");
        JsonNode corrected = guipingOfficer.get("/api/projects/" + landed).json();
        assertThat(corrected.get("name").asString()).isEqualTo("桂平市月报落地项目" + prefix);
        assertThat(corrected.get("stage").asString()).isEqualTo("LANDED");
        assertThat(guipingOfficer.get("/api/projects/" + landed + "/funds").json().valueStream()
                .map(month -> month.get("month").asString() + "=" + month.get("amount").asString()).toList())
                .containsExactly("2026-10=5000000.00", "2026-11=6000000.00");
        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE project_code LIKE :prefix").param("prefix", prefix + "-%")
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE project_code LIKE :prefix AND review_status <> 'ACCEPTED'")
                .param("prefix", prefix + "-%").query(Long.class).single()).isZero();
    }

    /**
     * Column L takes the resident team's name as an officer types it: found among the open teams of
     * the row's unit and above (the local copy of targets-service's teams), and written by name in
     * the export.
     */
    @Test
    void aResidentTeamIsNamedAsAnOfficerTypesItAndExportedByName() throws Exception {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        String teamName = "贵港驻大湾区招商工作队" + suffix;
        UUID team = ResidentTeamEvents.define("project-service.teams", "450800", "450000.450800", teamName);

        String code = "GP-TEAM-" + suffix;
        List<Object> byTeam = signedRow(1, code, "桂平市驻点引进项目" + suffix, "桂平市", "1200");
        byTeam.set(10, "驻点招商");
        byTeam.set(11, teamName);
        List<Object> unknownTeam = signedRow(2, "", "桂平市未知工作队项目" + suffix, "桂平市", "800");
        unknownTeam.set(10, "驻点招商");
        unknownTeam.set(11, "不存在的工作队" + suffix);

        JsonNode refused = JSON.readTree(post("/api/projects/imports", workbook(List.of(byTeam, unknownTeam), null), guipingToken).body());
        assertThat(refused.get("errors").valueStream().map(error -> error.get("field").asString() + "/" + error.get("rule").asString()).toList())
                .containsExactly("招商引资项目月报表!L4/KnownTeam");

        HttpResponse<String> imported = post("/api/projects/imports", workbook(List.of(byTeam), null), guipingToken);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        String id = JSON.readTree(imported.body()).get("outcomes").get(0).get("projectId").asString();
        assertThat(guipingOfficer.get("/api/projects/" + id).json().get("residentTeamId").asString()).isEqualTo(team.toString());

        HttpResponse<byte[]> export = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/projects/export?orgUnit=450881&q=" + code)).header("Authorization", "Bearer " + guipingToken).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(onlyCodes(export.body(), code)))) {
            Row row = workbook.getSheet(ProjectListLayout.SHEET).getRow(2);
            assertThat(new DataFormatter().formatCellValue(row.getCell(11))).isEqualTo(teamName);
        }
    }

    private String registered(String code, String name, String stage, Map<String, Object> facts) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "orgUnit", "450881", "projectCode", code, "stage", stage,
                "industryCode", "C3841", "siteAddress", siteOf(name), "investorContact", Map.of("name", "张三", "phone", phoneOf(name))));
        body.putAll(facts);
        return guipingOfficer.create("/api/projects", body).json().get("id").asString();
    }

    private static Map<String, Object> document(String type, String number, String date) {
        return Map.of("documentType", type, "documentNumber", number, "documentDate", date);
    }

    /** The exported workbook with only the rows (and months of funds) of the projects whose code starts with {@code prefix}. */
    private static byte[] onlyCodes(byte[] exported, String prefix) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(exported));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DataFormatter text = new DataFormatter();
            for (Sheet sheet : List.of(workbook.getSheet(ProjectListLayout.SHEET), workbook.getSheet("到位资金"))) {
                int header = sheet.getSheetName().equals(ProjectListLayout.SHEET) ? 1 : 0;
                for (int r = sheet.getLastRowNum(); r > header; r--) {
                    Row row = sheet.getRow(r);
                    if (row != null && !text.formatCellValue(row.getCell(1)).startsWith(prefix)) {
                        sheet.removeRow(row);
                        if (r < sheet.getLastRowNum()) {
                            sheet.shiftRows(r + 1, sheet.getLastRowNum(), -1);
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Sets the cell of the row with this code in the column of this header. */
    private static void set(Sheet list, String code, String header, String value) {
        int column = ProjectListLayout.HEADERS.indexOf(header);
        DataFormatter text = new DataFormatter();
        for (int r = 2; r <= list.getLastRowNum(); r++) {
            if (code.equals(text.formatCellValue(list.getRow(r).getCell(1)))) {
                list.getRow(r).createCell(column).setCellValue(value);
                return;
            }
        }
        throw new AssertionError("no row of code " + code);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("project", "project_stage_move", "project_funds", "audit_log", "outbox_record")) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    private HttpResponse<String> post(String path, byte[] file, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", XLSX)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Object> signedRow(int serial, String code, String name, String county, String amountWan) {
        return row(serial, code, name, county, "C3841", "签约", "2026-08-01", amountWan);
    }

    /** Columns A–U; the ones the test does not vary hold plausible values. */
    private static List<Object> row(int serial, String code, String name, String county, String industry, String stage,
            String signingDate, String amountWan) {
        return new ArrayList<>(Arrays.asList(serial, code, name, "广西某某投资有限公司", "91450800MA5KXXXX1R", county, "",
                industry, "新能源汽车、电子信息", "粤港澳大湾区", "产业链招商", "", stage, signingDate, amountWan, "", "",
                siteOf(name), "张三", phoneOf(name), ""));
    }

    // Each project its own site and phone, so that rule L4 (same phone or site) pools none of them.
    private static String siteOf(String name) {
        return name + "选址";
    }

    private static String phoneOf(String name) {
        return "138" + String.format("%08d", Math.floorMod(name.hashCode(), 100_000_000));
    }

    private static byte[] workbook(List<List<Object>> rows, List<List<Object>> funds) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(ProjectListLayout.SHEET);
            sheet.createRow(0).createCell(0).setCellValue("桂平市招商引资项目月报表（2026年10月）");
            write(sheet.createRow(1), new ArrayList<>(ProjectListLayout.HEADERS));
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 2), rows.get(i));
            }
            if (funds != null) {
                Sheet fundsSheet = workbook.createSheet("到位资金");
                write(fundsSheet.createRow(0), List.of("序号", "项目编号", "项目名称", "月份", "到位资金(万元)", "凭证编号", "凭证日期"));
                for (int i = 0; i < funds.size(); i++) {
                    write(fundsSheet.createRow(i + 1), funds.get(i));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void write(Row row, List<?> values) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof Integer number) {
                row.createCell(c).setCellValue(number);
            } else if (value != null && !value.toString().isEmpty()) {
                row.createCell(c).setCellValue(value.toString());
            }
        }
    }
}
