package cn.gov.zhaoshang.reporting.observations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform's defaults observe each request once ({@code http.server.requests}), and not each
 * of Spring Security's filters, authentications and authorisations, which cost more than the checks
 * themselves (docs/benchmarks/history.md, create-and-sign and gateway overhead).
 */
@PlatformIntegrationTest
class RequestObservationsIT {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRequestIsObservedOnceAndSpringSecurityNotPerFilter() {
        ApiClient viewer = ApiClient.atPort(port)
                .withToken(PlatformServers.identityProvider().tokenFor("observed-viewer", "450800", "viewer"));

        ApiClient.Response answer = viewer.get("/api/reports/time-progress?month=2026-10");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(meters.find("http.server.requests").tag("uri", "/api/reports/time-progress").timer())
                .as("the request's own observation").isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isPositive());
        assertThat(meters.getMeters()).map(Meter::getId).map(Meter.Id::getName)
                .noneMatch(name -> name.startsWith("spring.security"));
    }
}
