package cn.gov.zhaoshang.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.gov.zhaoshang.testsupport.ApiClient;
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
