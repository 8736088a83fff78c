package cn.gov.zhaoshang.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.FreePorts;
import cn.gov.zhaoshang.testsupport.GeneratedOrgUnits;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.ServiceProcess;
import cn.gov.zhaoshang.testsupport.TestIdentityProvider;
import cn.gov.zhaoshang.testsupport.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The vertical slice on real servers, each service a separate JVM from its packaged jar:
 * gateway → project-service → PostgreSQL → outbox → Kafka → reporting-service → gateway.
 */
class ThroughTheGatewayIT {

    private static final Duration REPORT_DEADLINE = Duration.ofSeconds(20);

    static ServiceProcess projectService;
    static ServiceProcess reportingService;
    static ServiceProcess gateway;
    static TestIdentityProvider idp;

    @BeforeAll
    static void startPlatform() {
        idp = PlatformServers.identityProvider();
        projectService = ServiceProcess.start("project-service", "project-service", PlatformServers.serviceProperties("project"));
        reportingService = ServiceProcess.start("reporting-service", "reporting-service", PlatformServers.serviceProperties("reporting"));
        projectService.awaitReady();
        reportingService.awaitReady();
        Map<String, String> gatewayProperties = new HashMap<>(PlatformServers.tokenValidationProperties());
        // the gateway's actuator answers on a port of its own; a free one, never another gateway's
        gatewayProperties.put("management.server.port", String.valueOf(FreePorts.next()));
        gatewayProperties.put("zhaoshang.gateway.services.project", projectService.baseUrl());
        gatewayProperties.put("zhaoshang.gateway.services.reporting", reportingService.baseUrl());
        gateway = ServiceProcess.start("gateway", "gateway", gatewayProperties).awaitReady();
    }

    @AfterAll
    static void stopPlatform() {
        Stream.of(gateway, reportingService, projectService).filter(p -> p != null).forEach(ServiceProcess::close);
    }

    @Test
    void aProjectPostedThroughTheGatewayAppearsInItsCitysMonthlyReport() {
        ApiClient guipingOfficer = viaGateway(TestUser.GP_OFFICER.token());
        ApiClient guigangOfficer = viaGateway(idp.tokenFor("gg-officer", "450800", "officer", "leader", "target-admin"));
        long before = guigangOfficer.get("/api/reports/monthly?orgUnit=450800&month=2026-06").json().get("signedCount").asLong();

        ApiClient.Response created = guipingOfficer.create("/api/projects", project("桂平市纺织服装产业园项目", "450881", "890150000.00", "2026-06-18"));

        await().atMost(REPORT_DEADLINE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode report = guigangOfficer.get("/api/reports/monthly?orgUnit=450800&month=2026-06").json();
            assertThat(report.get("signedCount").asLong()).isEqualTo(before + 1);
            assertThat(report.get("orgUnitName").asString()).isEqualTo("贵港市");
        });
        JsonNode report = guigangOfficer.get("/api/reports/monthly?orgUnit=450800&month=2026-06").json();
        assertThat(report.get("contractInvestment").asString()).isEqualTo("890150000.00");
    }

    @Test
    void aCountyNeverSeesAnotherCountysProjectOrFigures() {
        ApiClient guiping = viaGateway(TestUser.GP_OFFICER.token());
        ApiClient gangbei = viaGateway(TestUser.GB_OFFICER.token());
        ApiClient guigang = viaGateway(idp.tokenFor("gg-officer", "450800", "officer", "leader", "target-admin"));

        ApiClient.Response gangbeiProject = gangbei.post("/api/projects", project("港北区高端家具项目", "450802", "555000000", "2026-07-02"));
        assertThat(gangbeiProject.status()).isEqualTo(201);
        String id = gangbeiProject.json().get("id").asString();
        await().atMost(REPORT_DEADLINE).untilAsserted(() -> assertThat(
                guigang.get("/api/reports/monthly?orgUnit=450800&month=2026-07").json().get("contractInvestment").asString())
                .isEqualTo("555000000.00"));

        assertThat(gangbei.get("/api/projects/" + id).status()).isEqualTo(200);
        assertThat(guiping.get("/api/projects/" + id).status()).isEqualTo(404);
        assertThat(guiping.get("/api/reports/monthly?orgUnit=450802&month=2026-07").status()).isEqualTo(404);
        assertThat(guiping.get("/api/reports/monthly?orgUnit=450800&month=2026-07").status()).isEqualTo(404);
        JsonNode guipingReport = guiping.get("/api/reports/monthly?orgUnit=450881&month=2026-07").json();
        assertThat(guipingReport.get("signedCount").asLong()).isZero();
        assertThat(guipingReport.get("contractInvestment").asString()).isEqualTo("0.00");
    }

    @Test
    void badTokensAreRefusedByTheGatewayAndByEveryServiceBehindIt() {
        List<String> badTokens = List.of(
                idp.token("gp-officer").orgUnit("450881").roles("officer").expiresAt(Instant.now().minusSeconds(120)).sign(),
                idp.token("gp-officer").orgUnit("450881").roles("officer").issuer("http://127.0.0.1:1/realms/other").sign(),
                idp.token("gp-officer").orgUnit("450881").roles("officer").audience("another-api").sign(),
                idp.token("gp-officer").orgUnit("450881").roles("officer").signedByUnknownKey().sign(),
                tampered(TestUser.GP_OFFICER.token()));
        for (String base : List.of(gateway.baseUrl(), projectService.baseUrl(), reportingService.baseUrl())) {
            ApiClient api = ApiClient.at(base);
            assertThat(api.get("/api/projects").status()).as("no token at " + base).isEqualTo(401);
            assertThat(api.get("/api/reports/monthly?orgUnit=450881&month=2026-06").status()).as("no token at " + base).isEqualTo(401);
            for (String token : badTokens) {
                assertThat(api.withToken(token).get("/api/projects").status()).as("bad token at " + base).isEqualTo(401);
            }
        }
    }

    /**
     * Issue 20, acceptance 2: the same 20 projects, entered once at the stage they reached with the
     * dates of their history (a bureau back-filling last years' library) and once move by move as
     * it happened, give identical reports for every month. The two counties are generated units of
     * this test alone, so nothing else counts in them.
     */
    @Test
    void backFilledProjectsGiveTheSameReportsAsProjectsEnteredMoveByMove() {
        GeneratedOrgUnits units = GeneratedOrgUnits.newTree().cityLike("450800").build()
                .makeKnownTo("project-service").makeKnownTo("reporting-service");
        GeneratedOrgUnits.Unit backFilledCounty = units.twinOf("450881");
        GeneratedOrgUnits.Unit movedCounty = units.twinOf("450802");
        ApiClient backFilling = viaGateway(units.token("bf-officer", backFilledCounty, "officer"));
        ApiClient moving = viaGateway(units.token("mv-officer", movedCounty, "officer"));

        java.util.Random random = new java.util.Random(20);
        List<String> stages = List.of("SIGNED", "LANDED", "STARTED", "COMPLETED", "PRODUCING");
        for (int i = 0; i < 20; i++) {
            String reached = stages.get(i % stages.size());
            int depth = stages.indexOf(reached);
            LocalDate signed = LocalDate.of(2025, 1, 5).plusDays(random.nextInt(180));
            LocalDate landed = signed.plusDays(10 + random.nextInt(50));
            LocalDate started = landed.plusDays(10 + random.nextInt(50));
            LocalDate completed = started.plusDays(60 + random.nextInt(140));
            LocalDate producing = completed.plusDays(10 + random.nextInt(50));
            String amount = (1 + random.nextInt(50)) + "0000000.00";
            String industry = i % 3 == 0 ? "F5123" : "C3841";

            Map<String, Object> backFilled = new java.util.LinkedHashMap<>(Map.of("name", "回填项目" + i, "orgUnit", backFilledCounty.code(),
                    "stage", reached, "industryCode", industry, "contractAmount", amount, "signingDate", signed.toString()));
            List<Map<String, Object>> evidence = new java.util.ArrayList<>(List.of(document("AGREEMENT", "XY-" + i, signed)));
            if (depth >= 1) {
                evidence.add(document("LAND_GRANT", "GT-" + i, landed));
                if (i % 2 == 0) {
                    backFilled.put("landingDate", landed.toString()); // else the land grant's date says it
                }
            }
            if (depth >= 2) {
                backFilled.put("startDate", started.toString());
                evidence.add(document("CONSTRUCTION_PERMIT", "SG-" + i, started));
            }
            if (depth >= 3) {
                backFilled.put("completionDate", completed.toString());
            }
            if (depth >= 4) {
                backFilled.put("productionDate", producing.toString());
            }
            backFilled.put("evidence", evidence);
            backFilling.create("/api/projects", backFilled);

            String id = moving.create("/api/projects", Map.of("name", "逐步项目" + i, "orgUnit", movedCounty.code(),
                    "stage", "NEGOTIATING", "industryCode", industry)).json().get("id").asString();
            List<Map<String, Object>> moves = new java.util.ArrayList<>(List.of(Map.of("to", "SIGNED", "date", signed.toString(),
                    "contractAmount", amount, "evidence", document("AGREEMENT", "XY-" + i, signed))));
            moves.add(Map.of("to", "LANDED", "date", landed.toString(), "evidence", document("LAND_GRANT", "GT-" + i, landed)));
            moves.add(Map.of("to", "STARTED", "date", started.toString(),
                    "evidence", document("CONSTRUCTION_PERMIT", "SG-" + i, started)));
            moves.add(Map.of("to", "COMPLETED", "date", completed.toString()));
            moves.add(Map.of("to", "PRODUCING", "date", producing.toString()));
            for (Map<String, Object> move : moves.subList(0, depth + 1)) {
                ApiClient.Response moved = moving.post("/api/projects/" + id + "/stage-moves", move);
                assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            }
        }

        List<String> months = Stream.iterate(java.time.YearMonth.of(2025, 1), month -> month.plusMonths(1)).limit(23)
                .map(java.time.YearMonth::toString).toList();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode year = withoutUnit(backFilling.get("/api/reports/units/" + backFilledCounty.code() + "?period=2025").json());
            assertThat(year.get("signedCount").get("actual").asString()).isEqualTo("20");
            assertThat(year).isEqualTo(withoutUnit(moving.get("/api/reports/units/" + movedCounty.code() + "?period=2025").json()));
        });
        for (String month : months) {
            JsonNode backFilledReport = withoutUnit(backFilling.get("/api/reports/units/" + backFilledCounty.code() + "?period=" + month).json());
            JsonNode movedReport = withoutUnit(moving.get("/api/reports/units/" + movedCounty.code() + "?period=" + month).json());
            assertThat(backFilledReport).as(month).isEqualTo(movedReport);
        }
        // the comparison covers landings and starts, not only signings
        JsonNode year = backFilling.get("/api/reports/units/" + backFilledCounty.code() + "?period=2025").json();
        assertThat(year.get("landingRate").get("actual")).as(year.toString()).isNotNull();
        assertThat(year.get("landingRate").get("actual").isNull()).as(year.get("landingRate").toString()).isFalse();
        assertThat(year.get("startRate").get("actual").isNull()).as(year.get("startRate").toString()).isFalse();
    }

    /** The gateway passes a correction's precondition and the project's ETag both ways. */
    @Test
    void aCorrectionThroughTheGatewayNamesTheVersionItWasMadeFrom() {
        ApiClient guipingOfficer = viaGateway(TestUser.GP_OFFICER.token());
        String id = guipingOfficer.create("/api/projects", Map.of("name", "桂平市网关更正测试项目" + System.nanoTime(),
                "orgUnit", "450881", "stage", "NEGOTIATING", "industryCode", "C1810")).json().get("id").asString();
        String etag = guipingOfficer.get("/api/projects/" + id).raw().headers().firstValue("ETag").orElseThrow();

        ApiClient.Response corrected = guipingOfficer.withHeader("If-Match", etag).patch("/api/projects/" + id,
                Map.of("siteAddress", "桂平市长安工业园区"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.raw().headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        ApiClient.Response stale = guipingOfficer.withHeader("If-Match", etag).patch("/api/projects/" + id,
                Map.of("siteAddress", "桂平市西山镇"));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(guipingOfficer.patch("/api/projects/" + id, Map.of("siteAddress", "桂平市西山镇")).status()).isEqualTo(428);
    }

    private static Map<String, Object> document(String type, String number, LocalDate date) {
        return Map.of("documentType", type, "documentNumber", number, "documentDate", date.toString());
    }

    /** A unit's report without what names the unit, so that two units' reports compare figure by figure. */
    private static JsonNode withoutUnit(JsonNode report) {
        tools.jackson.databind.node.ObjectNode figures = ((tools.jackson.databind.node.ObjectNode) report).deepCopy();
        figures.remove(List.of("orgUnit", "orgUnitName"));
        return figures;
    }

    private static ApiClient viaGateway(String token) {
        return ApiClient.at(gateway.baseUrl()).withToken(token);
    }

    static Map<String, String> project(String name, String orgUnit, String amount, String signingDate) {
        return Map.of("name", name, "orgUnit", orgUnit, "contractAmount", amount, "signingDate", signingDate,
                "industryCode", "C1810");
    }

    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        java.util.Base64.Encoder encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("450881", "450000");
        return parts[0] + "." + encoder.encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
