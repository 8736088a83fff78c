package cn.gov.zhaoshang.reporting.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import cn.gov.zhaoshang.contracts.targets.DefinitionPublished;
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
 * Definition versions arrive as targets-service publishes them, on the real broker. This class
 * keeps to versions 40–41, in force from 2040; other test classes use version 1 (from 2000),
 * version 50 (from 2032) and versions 62–64 (2036–2037), and no other, so that 2031 is still under
 * version 1. Versions are in force for every unit, so they keep apart by year, not by unit.
 */
@PlatformIntegrationTest
class DefinitionVersionsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient viewer;

    @BeforeEach
    void setUp() {
        viewer = ApiClient.atPort(port)
                .as(TestUser.GP_VIEWER);
        DefinitionEvents.ensureDefaultVersion1();
    }

    @Test
    void theVersionInForceOnADateIsTheNewestEffectiveOnOrBeforeItAndVersionsWithoutRulesGetTheDefaults() {
        DefinitionPublished.Rules weighted = new DefinitionPublished.Rules("-8", "-18", "WEIGHTED_SCORE",
                Map.of("CONTRACT_INVESTMENT", "0.6", "FUNDS_IN_PLACE", "0.4"), "1.2", 8);
        String version40 = DefinitionEvents.published(40, LocalDate.of(2040, 1, 1), weighted);
        DefinitionEvents.sendAndAwait(version40);
        DefinitionEvents.sendAndAwait(version40);
        DefinitionEvents.sendAndAwait(DefinitionEvents.published(41, LocalDate.of(2040, 7, 1), null));
        // a published version never changes: another event claiming version 40 is not applied
        DefinitionEvents.sendAndAwait(DefinitionEvents.published(40, LocalDate.of(2040, 3, 1),
                new DefinitionPublished.Rules("-1", "-2", "COMPLETION_RATE", Map.of(), null, 1)));

        JsonNode before = inForce("2031-12-31");
        assertThat(before.get("version").asInt()).isEqualTo(1);
        assertThat(before.get("defaultRules").asBoolean()).isTrue();
        assertThat(before.get("yellowBelowGapPoints").asString()).isEqualTo("-10");
        assertThat(before.get("redBelowGapPoints").asString()).isEqualTo("-20");
        assertThat(before.get("rankingMethod").asString()).isEqualTo("COMPLETION_RATE");
        assertThat(before.get("closeDeadlineDayOfNextMonth").asInt()).isEqualTo(5);

        JsonNode v40 = inForce("2040-06-30");
        assertThat(v40.get("version").asInt()).isEqualTo(40);
        assertThat(v40.get("effectiveFrom").asString()).isEqualTo("2040-01-01");
        assertThat(v40.get("defaultRules").asBoolean()).isFalse();
        assertThat(v40.get("yellowBelowGapPoints").asString()).isEqualTo("-8");
        assertThat(v40.get("redBelowGapPoints").asString()).isEqualTo("-18");
        assertThat(v40.get("rankingMethod").asString()).isEqualTo("WEIGHTED_SCORE");
        assertThat(v40.get("rankingWeights").get("CONTRACT_INVESTMENT").asString()).isEqualTo("0.6");
        assertThat(v40.get("rankingWeights").get("FUNDS_IN_PLACE").asString()).isEqualTo("0.4");
        assertThat(v40.get("rankingCap").asString()).isEqualTo("1.2");
        assertThat(v40.get("closeDeadlineDayOfNextMonth").asInt()).isEqualTo(8);

        JsonNode v41 = inForce("2040-07-01");
        assertThat(v41.get("version").asInt()).isEqualTo(41);
        assertThat(v41.get("defaultRules").asBoolean()).isTrue();
        assertThat(v41.get("rankingCap").isNull()).isTrue();

        assertThat(jdbc.sql("SELECT count(*) FROM definition_version WHERE version = 40").query(Long.class).single())
                .isEqualTo(1);
        assertThat(viewer.get("/api/reports/definitions/in-force?date=1999-12-31").status()).isEqualTo(404);
    }

    @Test
    void versionsAreListedPagedAndSorted() {
        ApiClient.Response page = viewer.get("/api/reports/definitions?size=1&sort=version,asc");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().get("items").get(0).get("version").asInt()).isEqualTo(1);
        assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(1);

        ApiClient.Response bad = viewer.get("/api/reports/definitions?size=0&sort=colour");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("size", "sort");
        assertThat(ApiClient.atPort(port).get("/api/reports/definitions").status()).isEqualTo(401);
    }

    private JsonNode inForce(String date) {
        ApiClient.Response response = viewer.get("/api/reports/definitions/in-force?date=" + date);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
