package cn.gov.zhaoshang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhaoshang.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security issue's finding 3 on the whole platform, with tokens from the real Keycloak: request
 * bodies are limited at the gateway and in the services whatever their transfer encoding, and a
 * caller's role is decided before a body is read. Whether a request reached project-service is read
 * from the service's own request metrics ({@code http.server.requests}, on its public Prometheus
 * endpoint), which count every request that reached a handler, refused ones included.
 */
@ExtendWith(WholePlatform.Shared.class)
class LimitsThroughTheGatewayIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PREVIEW = "/api/projects/imports/preview";
    private static final byte[] TWELVE_MEGABYTES = new byte[12 * 1024 * 1024];

    static WholePlatform platform;

    @BeforeAll
    static void thePlatform() {
        platform = WholePlatform.Shared.platform();
    }

    @Test
    void aTwelveMegabyteChunkedImportIs413AtTheGatewayWithoutReachingTheServiceAnd413AtTheServiceItself() {
        ApiClient projectService = ApiClient.at(platform.serviceUrl("project-service")).withToken(platform.tokenOf("gp-officer"));
        long previewsBefore = previewsSeenByProjectService();

        ApiClient.Response throughTheGateway = platform.asUser("gp-officer").postChunked(PREVIEW, XLSX, TWELVE_MEGABYTES);

        assertTooLarge(throughTheGateway);
        assertThat(previewsSeenByProjectService()).as("the gateway sent nothing on").isEqualTo(previewsBefore);

        ApiClient.Response straightAtTheService = projectService.postChunked(PREVIEW, XLSX, TWELVE_MEGABYTES);

        assertTooLarge(straightAtTheService);
        assertThat(previewsSeenByProjectService()).as("this one reached the service, which refused it").isEqualTo(previewsBefore + 1);
    }

    @Test
    void aViewersMalformedWriteIs403() {
        ApiClient.Response response = platform.asUser("gx-viewer").post("/api/projects", "{\"name\": \"桂平市");

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("https://zhaoshang.gov.cn/problems/forbidden");
    }

    private static void assertTooLarge(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("type").asString()).isEqualTo("https://zhaoshang.gov.cn/problems/too-large");
    }

    /** How many import previews project-service has answered, whatever the answer. */
    private static long previewsSeenByProjectService() {
        String metrics = ApiClient.at(platform.serviceUrl("project-service")).get("/actuator/prometheus").body();
        return metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("uri=\"" + PREVIEW + "\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
