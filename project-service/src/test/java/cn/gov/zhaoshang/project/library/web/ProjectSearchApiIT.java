package cn.gov.zhaoshang.project.library.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.GeneratedOrgUnits;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue "Project library, part 1", acceptance 1: a name search with a typo finds the project, the
 * filters combine, an unknown filter or a bad value is 400 naming it, and the export takes the same
 * filters. 贵港, 桂平 and 港北 are generated units of this class alone, so every total is exact.
 */
@PlatformIntegrationTest
class ProjectSearchApiIT {

    private static final GeneratedOrgUnits UNITS = GeneratedOrgUnits.newTree().cityLike("450800").build();
    private static final String GUIGANG = UNITS.twinOf("450800").code();
    private static final String GUIPING = UNITS.twinOf("450881").code();
    private static final String GANGBEI = UNITS.twinOf("450802").code();
    private static final List<String> REGISTERED = new ArrayList<>();

    @LocalServerPort
    int port;

    ApiClient guipingOfficer;
    ApiClient gangbeiOfficer;
    ApiClient guigangOfficer;
    String guigangToken;

    @BeforeEach
    void libraryOfTwoCounties() {
        UNITS.makeKnownTo("project-service");
        ApiClient api = ApiClient.atPort(port);
        guipingOfficer = api.withToken(UNITS.token("gp-officer", UNITS.twinOf("450881"), "officer"));
        gangbeiOfficer = api.withToken(UNITS.token("gb-officer", UNITS.twinOf("450802"), "officer"));
        guigangToken = UNITS.token("gg-officer", UNITS.twinOf("450800"), "officer");
        guigangOfficer = api.withToken(guigangToken);
        synchronized (REGISTERED) {
            if (!REGISTERED.isEmpty()) {
                return;
            }
            REGISTERED.add(register(guipingOfficer, GUIPING, "桂平市新能源电池正极材料项目", "C3841", "2000000000", "2026-03-10",
                    "GP-S-001", List.of("新能源电池"), "GBA", "INDUSTRY_CHAIN"));
            REGISTERED.add(register(guipingOfficer, GUIPING, "桂平市甘蔗制糖循环经济项目", "C1340", "300000000", "2026-05-01",
                    "GP-S-002", List.of("糖业"), "YRD", "LEADER_LED"));
            REGISTERED.add(register(guipingOfficer, GUIPING, "桂平西山旅游综合体", "N7851", "50000000", "2025-11-20",
                    "GP-S-003", List.of(), "BTH", "EXPO"));
            REGISTERED.add(register(gangbeiOfficer, GANGBEI, "港北区锂电池隔膜生产基地", "C3841", "1200000000", "2026-04-02",
                    "GB-S-001", List.of("新能源电池"), "GBA", "INDUSTRY_CHAIN"));
        }
    }

    @Test
    void aNameWithAWrongCharacterFindsTheProjectBestMatchFirstWithinTheCallersScopeOnly() {
        JsonNode found = guipingOfficer.get("/api/projects?q=" + encoded("新能原电池")).json();
        assertThat(names(found)).containsExactly("桂平市新能源电池正极材料项目");
        assertThat(found.get("sort").asString()).isEqualTo("relevance");
        assertThat(found.get("filters").get("q").asString()).isEqualTo("新能原电池");

        // the city sees both counties' battery projects, the closer name first
        JsonNode city = guigangOfficer.get("/api/projects?q=" + encoded("新能源电池材料")).json();
        assertThat(names(city)).first().isEqualTo("桂平市新能源电池正极材料项目");
        assertThat(guigangOfficer.get("/api/projects?q=" + encoded("电池")).json().get("total").asLong()).isEqualTo(2);
        // the total is the same on a page of one, and on a page past the last (counted apart)
        JsonNode second = guigangOfficer.get("/api/projects?size=1&page=1&q=" + encoded("电池")).json();
        assertThat(second.get("total").asLong()).isEqualTo(2);
        assertThat(second.get("items").size()).isEqualTo(1);
        JsonNode pastTheLast = guigangOfficer.get("/api/projects?size=1&page=5&q=" + encoded("电池")).json();
        assertThat(pastTheLast.get("total").asLong()).isEqualTo(2);
        assertThat(pastTheLast.get("items").size()).isZero();

        // a project code's start, in any case
        assertThat(names(guipingOfficer.get("/api/projects?q=gp-s-00").json())).hasSize(3);
        assertThat(names(guipingOfficer.get("/api/projects?q=GP-S-002").json())).containsExactly("桂平市甘蔗制糖循环经济项目");

        // 港北's project is not 桂平's to find
        assertThat(guipingOfficer.get("/api/projects?q=" + encoded("锂电池隔膜")).json().get("total").asLong()).isZero();
    }

    @Test
    void filtersCombineAndTheResponseSaysWhichItApplied() {
        JsonNode bigManufacturing = guigangOfficer.get("/api/projects?manufacturing=true&amountBand=OVER_1B&stage=SIGNED,LANDED"
                + "&sort=contractAmount,desc").json();
        assertThat(names(bigManufacturing)).containsExactly("桂平市新能源电池正极材料项目", "港北区锂电池隔膜生产基地");
        assertThat(bigManufacturing.get("filters").get("stage").valueStream().map(JsonNode::asString).toList())
                .containsExactly("SIGNED", "LANDED");
        assertThat(bigManufacturing.get("filters").get("amountBand").asString()).isEqualTo("OVER_1B");
        assertThat(bigManufacturing.get("sort").asString()).isEqualTo("contractAmount,desc");

        assertThat(names(guigangOfficer.get("/api/projects?orgUnit=" + GANGBEI + "&industry=C38").json()))
                .containsExactly("港北区锂电池隔膜生产基地");
        assertThat(names(guigangOfficer.get("/api/projects?chainTag=" + encoded("新能源电池") + "&sourceKeyArea=GBA"
                + "&channel=INDUSTRY_CHAIN&signedFrom=2026-03-11&signedTo=2026-12-31").json()))
                .containsExactly("港北区锂电池隔膜生产基地");
        assertThat(names(guigangOfficer.get("/api/projects?industry=c13&sourceKeyArea=YRD&amountFrom=100000000"
                + "&amountTo=300000000&hasOpenWarning=false").json())).containsExactly("桂平市甘蔗制糖循环经济项目");
        assertThat(names(guigangOfficer.get("/api/projects?signedTo=2025-12-31&channel=EXPO,LEADER_LED").json()))
                .containsExactly("桂平西山旅游综合体");
        assertThat(guigangOfficer.get("/api/projects?hasOpenWarning=true&orgUnit=" + GUIGANG).json().get("total").asLong())
                .isZero();

        JsonNode paged = guigangOfficer.get("/api/projects?size=2&page=1&sort=name,asc").json();
        assertThat(paged.get("total").asLong()).isEqualTo(4);
        assertThat(paged.get("items").size()).isEqualTo(2);
        assertThat(paged.get("filters").isEmpty()).isTrue();
    }

    @Test
    void anUnknownParameterAndEveryBadValueAreNamedInOneAnswer() {
        ApiClient.Response unknown = guipingOfficer.get("/api/projects?colour=red&stage=SIGNED");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(violations(unknown.json())).containsExactly("colour Unknown");

        ApiClient.Response bad = guipingOfficer.get("/api/projects?stage=SIGNEDX&signedFrom=2026-13-01&manufacturing=yes"
                + "&amountBand=OVER_1B&amountTo=5&industry=C3841X&investor=nobody&q=" + "桂".repeat(101));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(violations(bad.json())).containsExactlyInAnyOrder("stage AllowedValue", "signedFrom Format",
                "manufacturing Boolean", "amountTo Range", "industry Pattern", "investor Format", "q Size");
        assertThat(bad.body()).doesNotContain("Exception", "SQL");

        assertThat(violations(guipingOfficer.get("/api/projects?signedFrom=2026-06-01&signedTo=2026-05-31&q=a&q=b").json()))
                .containsExactlyInAnyOrder("signedTo Range", "q Single");
        assertThat(violations(guipingOfficer.get("/api/projects?sort=relevance").json())).containsExactly("sort RequiresQuery");
        // the list's own parameters are named in the same answer as the filters
        assertThat(violations(guipingOfficer.get("/api/projects?sort=colour,asc&size=0&colour=red&stage=NONE").json()))
                .containsExactlyInAnyOrder("sort AllowedValue", "size Range", "colour Unknown", "stage AllowedValue");

        // a unit outside the scope is not found, whether it exists or not
        assertThat(guipingOfficer.get("/api/projects?orgUnit=" + GANGBEI).status()).isEqualTo(404);
        assertThat(guipingOfficer.get("/api/projects?orgUnit=459999").status()).isEqualTo(404);
    }

    @Test
    void theExportTakesTheSameFilters() throws Exception {
        List<String> exported = exportedNames("/api/projects/export?orgUnit=" + GUIGANG + "&q=" + encoded("电池")
                + "&amountBand=OVER_1B");
        assertThat(exported).containsExactlyInAnyOrder("桂平市新能源电池正极材料项目", "港北区锂电池隔膜生产基地");
        assertThat(exportedNames("/api/projects/export?industry=C13&channel=LEADER_LED"))
                .containsExactly("桂平市甘蔗制糖循环经济项目");

        ApiClient.Response unknown = guigangOfficer.get("/api/projects/export?page=0");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(violations(unknown.json())).containsExactly("page Unknown");
    }

    @Test
    void theOpenApiDocumentListsTheFilters() {
        JsonNode list = ApiClient.atPort(port).get("/v3/api-docs").json().get("paths").get("/api/projects").get("get");
        List<String> parameters = list.get("parameters").valueStream().map(parameter -> parameter.get("name").asString()).toList();
        assertThat(parameters).containsAll(ProjectSearchParameters.FILTERS).contains("page", "size", "sort")
                .doesNotContain("parameters");
    }

    private static String register(ApiClient officer, String unit, String name, String industry, String amount,
            String signed, String code, List<String> tags, String keyArea, String channel) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "orgUnit", unit, "industryCode", industry,
                "contractAmount", amount, "signingDate", signed, "projectCode", code, "industryChainTags", tags,
                "sourceKeyArea", keyArea, "channel", channel));
        return officer.create("/api/projects", body).json().get("id").asString();
    }

    /** The names in the list exported for the city's officer, from the workbook's data rows. */
    private List<String> exportedNames(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + guigangToken).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                String code = row.getCell(1) == null ? "" : row.getCell(1).toString();
                if (code.startsWith("GP-S-") || code.startsWith("GB-S-")) {
                    names.add(row.getCell(2).getStringCellValue());
                }
            }
        }
        return names;
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("name").asString()).toList();
    }

    private static List<String> violations(JsonNode problem) {
        return problem.get("errors").valueStream().map(error -> error.get("field").asString() + " " + error.get("rule").asString())
                .toList();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
