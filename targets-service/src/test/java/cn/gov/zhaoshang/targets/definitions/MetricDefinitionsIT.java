package cn.gov.zhaoshang.targets.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestUser;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Acceptance 5 (definitions) and the definition part of 6 (events validate). */
@PlatformIntegrationTest
class MetricDefinitionsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The shared design document beside the checkout; a copy in the test resources when it is not there. */
    private static final Path SHARED_METRICS = Path.of("../../shared/domain/metrics.md");

    @LocalServerPort
    int port;

    ApiClient viewer;
    ApiClient regionAdmin;

    @BeforeEach
    void clients() {
        ApiClient api = ApiClient.atPort(port);
        viewer = api.as(TestUser.GP_VIEWER);
        regionAdmin = api.as(TestUser.GX_ADMIN);
    }

    @Test
    void theDefaultVersionReproducesEveryDefinitionInMetricsMd() throws IOException {
        JsonNode version = viewer.get("/api/metric-definitions/1").json();
        assertThat(version.get("status").asString()).isEqualTo("PUBLISHED");
        JsonNode content = version.get("content");

        List<String[]> rows = coreFigureRows(metricsMd());
        assertThat(rows).hasSizeGreaterThanOrEqualTo(24);
        for (String[] row : rows) {
            JsonNode figure = content.get("figures").valueStream()
                    .filter(candidate -> candidate.get("nameEn").asString().equals(row[0])).findFirst()
                    .orElseThrow(() -> new AssertionError("no definition of " + row[0]));
            assertThat(figure.get("nameZh").asString()).as(row[0]).isEqualTo(row[1]);
            assertThat(figure.get("population").asString()).as(row[0]).isEqualTo(row[2]);
        }
        assertThat(content.get("figures").valueStream().map(figure -> figure.get("code").asString()))
                .contains("TIME_PROGRESS", "CONTRACT_INVESTMENT", "PROGRESS_GAP").doesNotHaveDuplicates();

        JsonNode rounding = content.get("rounding");
        assertThat(rounding.get("mode").asString()).isEqualTo("HALF_UP");
        assertThat(rounding.get("rateDecimals").asInt()).isEqualTo(2);
        assertThat(rounding.get("gapDecimals").asInt()).isEqualTo(1);
        assertThat(rounding.get("amountUnit").asString()).isEqualTo("亿元");
        assertThat(rounding.get("amountDecimals").asInt()).isEqualTo(2);
        assertThat(rounding.get("zeroDenominator").asString()).isEqualTo("—");
        assertThat(rounding.get("zeroDenominatorInApi").isNull()).isTrue();
        JsonNode warnings = content.get("warnings");
        assertThat(warnings.get("yellowBelowGapPoints").asString()).isEqualTo("-10");
        assertThat(warnings.get("redBelowGapPoints").asString()).isEqualTo("-20");
        assertThat(warnings.get("projectStaleDays").get("NEGOTIATING").asInt()).isEqualTo(30);
        assertThat(warnings.get("projectStaleDays").get("SIGNED").asInt()).isEqualTo(20);
        assertThat(warnings.get("projectStaleDays").get("LANDED").asInt()).isEqualTo(20);
        assertThat(content.get("ranking").get("ties").asString()).isEqualTo("STANDARD_COMPETITION");
        assertThat(content.get("close").get("deadlineDayOfNextMonth").asInt()).isEqualTo(5);
    }

    @Test
    void aPublishedVersionNeverChangesAndANewerOneTakesEffectFromItsDate() {
        JsonNode v1 = viewer.get("/api/metric-definitions/1").json();
        ObjectNode content = (ObjectNode) v1.get("content").deepCopy();

        ApiClient.Response changePublished = regionAdmin.post("/api/metric-definitions/1",
                Map.of("effectiveFrom", "2000-01-01", "content", content));
        assertThat(changePublished.status()).as(changePublished.toString()).isEqualTo(409);
        assertThat(regionAdmin.post("/api/metric-definitions", Map.of("effectiveFrom", "2000-01-01", "content", content))
                .status()).as("not later than the newest published version").isEqualTo(409);
        assertThat(ApiClient.atPort(port)
                .withToken(PlatformServers.identityProvider().tokenFor("gg-admin", "450800", "admin"))
                .post("/api/metric-definitions", Map.of("effectiveFrom", "2027-01-01", "content", content)).status())
                .as("a city admin does not define the region's metrics").isEqualTo(403);

        ((ObjectNode) content.get("warnings")).put("yellowBelowGapPoints", "-8");
        ObjectNode ranking = (ObjectNode) content.get("ranking");
        ranking.put("method", "BY_FEELING");
        ApiClient.Response unknownMethod = regionAdmin.post("/api/metric-definitions",
                Map.of("effectiveFrom", "2027-01-01", "content", content));
        assertThat(unknownMethod.status()).as(unknownMethod.toString()).isEqualTo(400);
        assertThat(unknownMethod.json().get("errors").get(0).get("field").asString()).isEqualTo("content.ranking.method");
        ranking.put("method", "WEIGHTED_SCORE");
        ranking.putObject("weights").put("CONTRACT_INVESTMENT", "0.6").put("FUNDS_IN_PLACE", "0.4");
        ranking.put("cap", "1.2");
        ((ObjectNode) content.get("close")).put("deadlineDayOfNextMonth", 8);
        ApiClient.Response draft = regionAdmin.create("/api/metric-definitions", Map.of("effectiveFrom", "2027-01-01", "content", content));
        int version = draft.json().get("version").asInt();
        assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");
        ((ObjectNode) content.get("warnings")).put("redBelowGapPoints", "-18");
        assertThat(regionAdmin.post("/api/metric-definitions/" + version, Map.of("effectiveFrom", "2027-01-01", "content", content))
                .status()).as("a draft can be edited").isEqualTo(200);
        assertThat(viewer.get("/api/metric-definitions/in-force?date=2027-01-01").json().get("version").asInt())
                .as("a draft is never in force").isEqualTo(1);

        ApiClient.Response published = regionAdmin.post("/api/metric-definitions/" + version + "/publish", Map.of());

        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(viewer.get("/api/metric-definitions/in-force?date=2026-12-31").json().get("version").asInt()).isEqualTo(1);
        JsonNode inForce = viewer.get("/api/metric-definitions/in-force?date=2027-01-01").json();
        assertThat(inForce.get("version").asInt()).isEqualTo(version);
        assertThat(inForce.get("content").get("warnings").get("redBelowGapPoints").asString()).isEqualTo("-18");
        assertThat(viewer.get("/api/metric-definitions/in-force?date=2030-06-30").json().get("version").asInt()).isEqualTo(version);
        assertThat(viewer.get("/api/metric-definitions/in-force?date=1999-12-31").status()).isEqualTo(404);
        assertThat(regionAdmin.post("/api/metric-definitions/" + version, Map.of("effectiveFrom", "2027-01-01", "content", content))
                .status()).isEqualTo(409);
        assertThat(regionAdmin.post("/api/metric-definitions/" + version + "/publish", Map.of()).status()).isEqualTo(409);
        assertThat(viewer.get("/api/metric-definitions/1").json().get("content").get("warnings").get("yellowBelowGapPoints")
                .asString()).as("version 1 is unchanged").isEqualTo("-10");

        List<ConsumerRecord<String, String>> events = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.TARGETS, record -> "metric-definitions".equals(record.key()), 2, Duration.ofSeconds(30));
        assertThat(events).hasSize(2);
        events.forEach(record -> assertThat(EventSchemaValidator.shared().validate(record.value())).isEmpty());
        JsonNode second = JSON.readTree(events.get(1).value());
        assertThat(second.get("type").asString()).isEqualTo(EventTypes.TARGETS_DEFINITION_PUBLISHED);
        assertThat(second.get("data").get("version").asInt()).isEqualTo(version);
        assertThat(second.get("data").get("effectiveFrom").asString()).isEqualTo("2027-01-01");

        JsonNode defaultRules = JSON.readTree(events.get(0).value()).get("data").get("rules");
        assertThat(defaultRules.get("yellowBelowGapPoints").asString()).isEqualTo("-10");
        assertThat(defaultRules.get("redBelowGapPoints").asString()).isEqualTo("-20");
        assertThat(defaultRules.get("rankingMethod").asString()).isEqualTo("COMPLETION_RATE");
        assertThat(defaultRules.get("rankingCap").isNull()).isTrue();
        assertThat(defaultRules.get("closeDeadlineDayOfNextMonth").asInt()).isEqualTo(5);
        JsonNode rules = second.get("data").get("rules");
        assertThat(rules.get("yellowBelowGapPoints").asString()).isEqualTo("-8");
        assertThat(rules.get("redBelowGapPoints").asString()).isEqualTo("-18");
        assertThat(rules.get("rankingMethod").asString()).isEqualTo("WEIGHTED_SCORE");
        assertThat(rules.get("rankingWeights").get("CONTRACT_INVESTMENT").asString()).isEqualTo("0.6");
        assertThat(rules.get("rankingWeights").get("FUNDS_IN_PLACE").asString()).isEqualTo("0.4");
        assertThat(rules.get("rankingCap").asString()).isEqualTo("1.2");
        assertThat(rules.get("closeDeadlineDayOfNextMonth").asInt()).isEqualTo(8);
    }

    private static String metricsMd() throws IOException {
        if (Files.exists(SHARED_METRICS)) {
            return Files.readString(SHARED_METRICS, StandardCharsets.UTF_8);
        }
        try (InputStream in = MetricDefinitionsIT.class.getResourceAsStream("/metrics-reference.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The rows (figure, zh, definition) of the table "Core figures for an org unit". */
    private static List<String[]> coreFigureRows(String markdown) {
        String section = markdown.split("## Core figures")[1].split("\n## ")[0];
        return section.lines()
                .filter(line -> line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| figure"))
                .map(line -> Arrays.stream(line.strip().substring(1, line.strip().length() - 1).split("\\|"))
                        .map(String::strip).toArray(String[]::new))
                .toList();
    }
}
