package cn.gov.zhaoshang.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.KafkaNode;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.ServiceProcess;
import cn.gov.zhaoshang.testsupport.PostgresServer;
import cn.gov.zhaoshang.testsupport.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Kafka goes away while projects are registered, then comes back: every project reaches the
 * report exactly once. The broker is this test's own, so stopping it disturbs no other test.
 */
class KafkaOutageIT {

    private static final int PROJECTS = 50;

    static KafkaNode kafka;
    static ServiceProcess projectService;
    static ServiceProcess reportingService;

    @BeforeAll
    static void startServicesOnTheirOwnBroker() {
        kafka = KafkaNode.start();
        projectService = ServiceProcess.start("project-service", "outage-project-service",
                PlatformServers.serviceProperties("outage_project", kafka.bootstrapServers()));
        reportingService = ServiceProcess.start("reporting-service", "outage-reporting-service",
                PlatformServers.serviceProperties("outage_reporting", kafka.bootstrapServers()));
        projectService.awaitReady();
        reportingService.awaitReady();
    }

    @AfterAll
    static void stop() {
        if (projectService != null) {
            projectService.close();
        }
        if (reportingService != null) {
            reportingService.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void projectsRegisteredWhileKafkaIsDownAreReportedExactlyOnceWhenItIsBack() throws Exception {
        String officerToken = TestUser.GP_OFFICER.token();
        ApiClient projects = ApiClient.at(projectService.baseUrl()).withToken(officerToken);
        ApiClient reports = ApiClient.at(reportingService.baseUrl()).withToken(officerToken);

        kafka.stop();
        BigDecimal expectedSum = BigDecimal.ZERO;
        for (int i = 1; i <= PROJECTS; i++) {
            String amount = (10_000_000L + i) + ".25";
            ApiClient.Response created = projects.create("/api/projects",
                    ThroughTheGatewayIT.project("断网期间项目 " + i, "450881", amount, "2026-08-" + String.format("%02d", 1 + i % 28)));
            expectedSum = expectedSum.add(new BigDecimal(amount));
        }
        assertThat(pendingOutboxRecords()).as("every event waits in the outbox while Kafka is down").isEqualTo(PROJECTS);
        assertThat(signedIn(reports).get("signedCount").asLong()).isZero();

        kafka.startAgain();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(signedIn(reports).get("signedCount").asLong()).isEqualTo(PROJECTS));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pendingOutboxRecords()).isZero());
        // once the outbox is drained nothing more can arrive: the count stays exact
        JsonNode settled = signedIn(reports);
        assertThat(settled.get("signedCount").asLong()).isEqualTo(PROJECTS);
        assertThat(new BigDecimal(settled.get("contractInvestment").asString())).isEqualByComparingTo(expectedSum);
    }

    private static JsonNode signedIn(ApiClient reports) {
        ApiClient.Response response = reports.get("/api/reports/monthly?orgUnit=450881&month=2026-08");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static long pendingOutboxRecords() throws Exception {
        PostgresServer postgres = PlatformServers.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("outage_project"),
                PostgresServer.USER, PostgresServer.PASSWORD);
                ResultSet rs = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM outbox_record WHERE completed_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
