package cn.gov.zhaoshang.reporting.exports;

import cn.gov.zhaoshang.reporting.exports.web.MonthlyStatisticsWorkbook;
import static cn.gov.zhaoshang.reporting.support.Events.fundsReported;
import static cn.gov.zhaoshang.reporting.support.Events.registered;
import static cn.gov.zhaoshang.reporting.support.Events.targetSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.reporting.definitions.DefinitionEvents;
import cn.gov.zhaoshang.reporting.support.EventFeed;
import cn.gov.zhaoshang.reporting.support.Events;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.GeneratedOrgUnits;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6, acceptance 7: the monthly statistics table and the quarterly briefing of 柳州 in 2030
 * open, and every number they show equals the API's. Both files are read back: the xlsx with POI,
 * the HTML with jsoup. 柳州 and its counties here are generated units of this class alone
 * ({@link GeneratedOrgUnits}, named as the real ones), so no other class's figures meet them.
 */
@PlatformIntegrationTest
class ExportsIT {

    private static final String GROUP = "reporting-service";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final GeneratedOrgUnits UNITS = GeneratedOrgUnits.newTree().cityLike("450200").build();
    private static final String LIUZHOU = UNITS.twinOf("450200").code();
    private static final String CHENGZHONG = UNITS.twinOf("450202").code();
    private static final String YUFENG = UNITS.twinOf("450203").code();
    private static final String LIUNAN = UNITS.twinOf("450204").code();
    private static final String LIUBEI = UNITS.twinOf("450205").code();

    private static final UUID PROJECT_WARNING = UUID.nameUUIDFromBytes("liuzhou-2030-warning".getBytes());

    @LocalServerPort
    int port;

    ApiClient liuzhou;
    String token;

    /** The events go out once per test JVM; the instance fields are set for every test. */
    private static boolean fed;

    @BeforeEach
    void feed() {
        token = PlatformServers.identityProvider().tokenFor("lz-viewer", LIUZHOU, "viewer");
        liuzhou = ApiClient.atPort(port).withToken(token);
        if (fed) {
            return;
        }
        fed = true;
        UNITS.makeKnownTo(GROUP);
        DefinitionEvents.ensureDefaultVersion1();
        List<Events.Event> events = new ArrayList<>();
        events.add(targetSet(LIUZHOU, 2030, Map.of("CONTRACT_INVESTMENT", "5000000000.00", "FUNDS_IN_PLACE", "2000000000.00")));
        events.add(targetSet(CHENGZHONG, 2030, Map.of("CONTRACT_INVESTMENT", "1000000000.00")));
        events.add(targetSet(YUFENG, 2030, Map.of("CONTRACT_INVESTMENT", "1000000000.00")));
        events.add(targetSet(LIUNAN, 2030, Map.of("CONTRACT_INVESTMENT", "2000000000.00")));
        // 城中 is ahead, 鱼峰 ties it, 柳南 is far behind (red), 柳北 has no target
        String[][] signings = {
                {CHENGZHONG, "2030-01-10", "300000000.00"}, {CHENGZHONG, "2030-04-02", "550000000.00"},
                {YUFENG, "2030-05-20", "850000000.00"},
                {LIUNAN, "2030-02-14", "123456789.01"}, {LIUNAN, "2030-08-30", "300000000.00"},
                {LIUBEI, "2030-09-09", "77777777.77"},
                {CHENGZHONG, "2029-03-03", "400000000.00"}, {LIUNAN, "2029-07-07", "600000000.00"}};
        UUID funded = null;
        for (String[] signing : signings) {
            UUID id = UUID.randomUUID();
            funded = funded == null ? id : funded;
            LocalDate on = LocalDate.parse(signing[1]);
            events.add(registered(new Events.ProjectSpec(id, signing[0], "SIGNED", signing[2], on, signing[0].equals(LIUNAN),
                    true, List.of(), null, null, null, on)));
        }
        events.add(fundsReported(funded, CHENGZHONG, "2030-06", "250000000.00"));
        events.add(cn.gov.zhaoshang.reporting.ranking.ProjectWarningEvents.raised(PROJECT_WARNING, LIUBEI,
                "STALE", "SIGNED", "2030-07-01", "2030-08-01T02:00:00Z"));
        EventFeed.sendAndAwait(PlatformServers.kafka().bootstrapServers(), GROUP, events, DEADLINE);
    }

    @Test
    void theMonthlyStatisticsTableHoldsTheApisNumbers() throws Exception {
        HttpResponse<byte[]> download = download("/api/reports/units/" + LIUZHOU + "/exports/monthly-statistics?month=2030-09");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(".xlsx");

        JsonNode ranking = get("/api/reports/units/" + LIUZHOU + "/rankings?month=2030-09");
        Map<String, JsonNode> children = byUnit(get("/api/reports/units/" + LIUZHOU + "/children?period=2030-09-YTD"));
        JsonNode total = get("/api/reports/units/" + LIUZHOU + "?period=2030-09-YTD");

        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(download.body()))) {
            Sheet sheet = workbook.getSheet(MonthlyStatisticsWorkbook.SHEET);
            assertThat(sheet).isNotNull();
            assertThat(text(sheet.getRow(0).getCell(0))).contains("柳州市").contains("2030年1-9月");
            Row header = sheet.getRow(MonthlyStatisticsWorkbook.HEADER_ROW);
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(text(cell)));
            assertThat(headers).containsExactlyElementsOf(MonthlyStatisticsWorkbook.HEADERS);
            assertThat(headers.get(2)).isEqualTo("合同投资额(亿元)");

            JsonNode items = ranking.get("items");
            assertThat(sheet.getLastRowNum()).isEqualTo(MonthlyStatisticsWorkbook.HEADER_ROW + items.size() + 1);
            for (int i = 0; i < items.size(); i++) {
                JsonNode rank = items.get(i);
                JsonNode report = children.get(rank.get("orgUnit").asString());
                Row row = sheet.getRow(MonthlyStatisticsWorkbook.HEADER_ROW + 1 + i);
                assertThat(text(row.getCell(0))).isEqualTo(rank.get("orgUnitName").asString());
                assertRow(row, report);
                assertThat(text(row.getCell(18))).isEqualTo(rank.get("rank").isNull() ? "" : rank.get("rank").asString());
                assertThat(text(row.getCell(19))).isEqualTo(warningLabel(rank.get("warning")));
                assertThat(text(row.getCell(4))).isEqualTo(orDash(rank.get("completionPercent")));
            }
            Row totalRow = sheet.getRow(sheet.getLastRowNum());
            assertThat(text(totalRow.getCell(0))).isEqualTo("合计");
            assertRow(totalRow, total);
            assertThat(text(totalRow.getCell(12))).as("funds completion of 柳州").isEqualTo("12.50");
        }
        // what the figures are, so that a file and an API that agreed on nothing would still fail
        assertThat(ranking.get("items").valueStream().limit(3).map(item -> item.get("orgUnit").asString() + "#"
                + item.get("rank").asString())).containsExactly(CHENGZHONG + "#1", YUFENG + "#1", LIUNAN + "#3");
        assertThat(total.get("contractInvestment").get("actualYi").asString()).isEqualTo("22.01");
    }

    @Test
    void theQuarterlyBriefingHoldsTheApisNumbersAndPrints() throws Exception {
        HttpResponse<byte[]> download = download("/api/reports/units/" + LIUZHOU + "/exports/quarterly-briefing?quarter=2030-Q3");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String html = new String(download.body(), StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);

        assertThat(page.title()).isEqualTo("柳州市2030年第3季度招商引资工作通报");
        assertThat(page.select("style").html()).contains("@media print");
        assertThat(page.select("script")).isEmpty();

        JsonNode ranking = get("/api/reports/units/" + LIUZHOU + "/rankings?month=2030-09");
        List<Element> rows = page.select("table#ranking tbody tr");
        assertThat(rows).hasSize(ranking.get("items").size());
        for (int i = 0; i < rows.size(); i++) {
            Element row = rows.get(i);
            JsonNode item = ranking.get("items").get(i);
            assertThat(row.attr("data-org-unit")).isEqualTo(item.get("orgUnit").asString());
            assertThat(cell(row, "rank")).isEqualTo(orDash(item.get("rank")));
            assertThat(cell(row, "contractInvestmentYi")).isEqualTo(item.get("contractInvestmentYi").asString());
            assertThat(cell(row, "completionPercent")).isEqualTo(orDash(item.get("completionPercent")));
            assertThat(cell(row, "progressGapPoints")).isEqualTo(orDash(item.get("progressGapPoints")));
            assertThat(cell(row, "warning")).isEqualTo(warningLabel(item.get("warning")));
            Element bar = page.selectFirst("svg#completion-chart [data-org-unit=" + item.get("orgUnit").asString() + "]");
            assertThat(bar).as("a bar or a dash for " + item.get("orgUnit").asString()).isNotNull();
            assertThat(bar.attr("data-value")).isEqualTo(orDash(item.get("completionPercent")));
        }
        assertThat(page.select("svg#completion-chart rect.bar")).hasSize(3);
        assertThat(page.selectFirst("svg#completion-chart #time-progress").attr("data-value")).isEqualTo("75.00");

        List<Element> points = page.select("svg#trend-chart circle.point");
        assertThat(points).hasSize(9);
        for (int month = 1; month <= 9; month++) {
            Element point = points.get(month - 1);
            String period = "2030-0" + month;
            assertThat(point.attr("data-month")).isEqualTo(period);
            assertThat(point.attr("data-value")).isEqualTo(
                    get("/api/reports/units/" + LIUZHOU + "?period=" + period).get("contractInvestment").get("actualYi").asString());
        }
        assertThat(points.get(4).attr("data-value")).as("May: 鱼峰's 8.5亿").isEqualTo("8.50");

        JsonNode warnings = get("/api/reports/units/" + LIUZHOU + "/warnings?month=2030-09");
        List<Element> warningRows = page.select("table#warnings tbody tr[data-id]");
        assertThat(warningRows).hasSize(warnings.get("units").size() + warnings.get("teams").size());
        for (int i = 0; i < warnings.get("units").size(); i++) {
            JsonNode unit = warnings.get("units").get(i);
            Element row = warningRows.get(i);
            assertThat(row.attr("data-id")).isEqualTo(unit.get("orgUnit").asString());
            assertThat(cell(row, "completionPercent")).isEqualTo(unit.get("completionPercent").asString());
            assertThat(cell(row, "progressGapPoints")).isEqualTo(unit.get("progressGapPoints").asString());
            assertThat(cell(row, "warning")).isEqualTo(warningLabel(unit.get("warning")));
        }
        assertThat(warnings.get("units").valueStream().map(unit -> unit.get("orgUnit").asString() + " " + unit.get("warning").asString()))
                .contains(LIUNAN + " RED");
        List<Element> projectRows = page.select("table#project-warnings tbody tr[data-id]");
        assertThat(projectRows).hasSize(warnings.get("projects").size()).hasSize(1);
        assertThat(projectRows.getFirst().attr("data-id")).isEqualTo(PROJECT_WARNING.toString());
        assertThat(projectRows.getFirst().text()).contains("柳北区").contains("长期未更新");
        assertThat(page.selectFirst("[data-figure=contractInvestmentYi]").text()).isEqualTo(
                get("/api/reports/units/" + LIUZHOU + "?period=2030-09-YTD").get("contractInvestment").get("actualYi").asString());
    }

    /**
     * Issue 25, finding 11: a browser that renders the briefing (the gateway's origin is the
     * console's) runs no script in it, loads nothing, sends no form and lets no page frame it; the
     * page's one style sheet is allowed by its hash, so an injected style would not apply either.
     */
    @Test
    void theQuarterlyBriefingIsServedWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<byte[]> download = download("/api/reports/units/" + LIUZHOU + "/exports/quarterly-briefing?quarter=2030-Q3");
        assertThat(download.statusCode()).isEqualTo(200);
        Map<String, String> policy = new HashMap<>();
        for (String directive : download.headers().firstValue("Content-Security-Policy")
                .orElseThrow(() -> new AssertionError("the briefing has no Content-Security-Policy")).split(";")) {
            String[] nameAndValue = directive.trim().split("\\s+", 2);
            policy.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
        }
        String html = new String(download.body(), StandardCharsets.UTF_8);

        assertThat(policy).containsEntry("default-src", "'none'").containsEntry("frame-ancestors", "'none'")
                .containsEntry("base-uri", "'none'").containsEntry("form-action", "'none'")
                .doesNotContainKeys("script-src", "script-src-elem", "script-src-attr", "img-src", "font-src", "connect-src");
        String sheet = html.substring(html.indexOf("<style>") + "<style>".length(), html.indexOf("</style>"));
        String sheetHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(sheet.getBytes(StandardCharsets.UTF_8)));
        assertThat(policy.get("style-src")).isEqualTo("'sha256-" + sheetHash + "'");
        // nothing on the page needs more than that: one style sheet, no style attributes, no scripts or handlers
        Document page = Jsoup.parse(html);
        assertThat(page.select("style")).hasSize(1);
        assertThat(page.select("script, link, img, iframe, object, embed, [style]")).isEmpty();
        assertThat(page.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
                .noneSatisfy(attribute -> assertThat(attribute.getKey()).startsWithIgnoringCase("on")));
    }

    @Test
    void exportsStayWithinTheCallersScopeAndNameABadPeriod() throws Exception {
        String county = PlatformServers.identityProvider().tokenFor("cz-viewer", CHENGZHONG, "viewer");
        assertThat(download("/api/reports/units/" + LIUZHOU + "/exports/monthly-statistics?month=2030-09", county).statusCode())
                .isEqualTo(404);
        assertThat(download("/api/reports/units/" + LIUZHOU + "/exports/quarterly-briefing?quarter=2030-Q3", county).statusCode())
                .isEqualTo(404);
        assertThat(download("/api/reports/units/" + CHENGZHONG + "/exports/monthly-statistics?month=2030-09", county).statusCode())
                .isEqualTo(200);
        ApiClient.Response badQuarter = liuzhou.get("/api/reports/units/" + LIUZHOU + "/exports/quarterly-briefing?quarter=2030-Q5");
        assertThat(badQuarter.status()).isEqualTo(400);
        assertThat(badQuarter.json().get("errors").get(0).get("field").asString()).isEqualTo("quarter");
    }

    /** Columns 1–17 of a row against a unit report of the API. */
    private static void assertRow(Row row, JsonNode report) {
        JsonNode contract = report.get("contractInvestment");
        JsonNode funds = report.get("fundsInPlace");
        JsonNode teams = report.get("residentTeams").get("total").get("signedInvestment");
        assertThat(text(row.getCell(1))).isEqualTo(report.get("signedCount").get("actual").asString());
        assertThat(text(row.getCell(2))).isEqualTo(contract.get("actualYi").asString());
        assertThat(text(row.getCell(3))).isEqualTo(orDash(contract.get("targetYi")));
        assertThat(text(row.getCell(4))).isEqualTo(percent(contract.get("completion")));
        assertThat(text(row.getCell(5))).isEqualTo(report.get("timeProgress").get("percent").asString());
        assertThat(text(row.getCell(6))).isEqualTo(points(contract.get("progressGap")));
        assertThat(text(row.getCell(7))).isEqualTo(percent(contract.get("yearOnYear")));
        assertThat(text(row.getCell(8))).isEqualTo(report.get("manufacturingCount").get("actual").asString());
        assertThat(text(row.getCell(9))).isEqualTo(report.get("manufacturingInvestment").get("actualYi").asString());
        assertThat(text(row.getCell(10))).isEqualTo(percent(report.get("manufacturingShare").get("actual")));
        assertThat(text(row.getCell(11))).isEqualTo(funds.get("actualYi").asString());
        assertThat(text(row.getCell(12))).isEqualTo(percent(funds.get("completion")));
        assertThat(text(row.getCell(13))).isEqualTo(percent(funds.get("yearOnYear")));
        assertThat(text(row.getCell(14))).isEqualTo(report.get("top500").get("fourClasses").get("actual").asString());
        assertThat(text(row.getCell(15))).isEqualTo(report.get("sizeBands").get("atLeast1Billion").get("actual").asString());
        assertThat(text(row.getCell(16))).isEqualTo(teams.get("actualYi").asString());
        assertThat(text(row.getCell(17))).isEqualTo(percent(teams.get("completion")));
    }

    /** A cell as a person reads it: a number with the decimals its format shows, or the text. */
    private static String text(Cell cell) {
        if (cell.getCellType() == CellType.NUMERIC) {
            String format = cell.getCellStyle().getDataFormatString();
            int decimals = format.contains(".") ? format.length() - format.indexOf('.') - 1 : 0;
            return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        return cell.getStringCellValue();
    }

    private static String cell(Element row, String column) {
        return row.selectFirst("td[data-col=" + column + "]").text();
    }

    private static String percent(JsonNode rate) {
        return rate == null || rate.isNull() ? "—" : rate.get("percent").asString();
    }

    private static String points(JsonNode gap) {
        return gap == null || gap.isNull() ? "—" : gap.get("points").asString();
    }

    private static String orDash(JsonNode value) {
        return value == null || value.isNull() ? "—" : value.asString();
    }

    private static String warningLabel(JsonNode warning) {
        if (warning == null || warning.isNull()) {
            return "";
        }
        return warning.asString().equals("RED") ? "红" : "黄";
    }

    private static Map<String, JsonNode> byUnit(JsonNode reports) {
        Map<String, JsonNode> byUnit = new HashMap<>();
        reports.forEach(report -> byUnit.put(report.get("orgUnit").asString(), report));
        return byUnit;
    }

    private JsonNode get(String path) {
        ApiClient.Response response = liuzhou.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        return download(path, token);
    }

    private HttpResponse<byte[]> download(String path, String bearer) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
