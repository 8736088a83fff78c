package cn.gov.zhaoshang.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service starts on the shared foundation: its schema, its org tree, its token check. */
@PlatformIntegrationTest
class ServiceStartupIT {

    @LocalServerPort
    int port;

    @Autowired
    OrgUnitDirectory orgUnits;

    @Test
    void startsReadyWithTheOrgTreeAndRefusesCallsWithoutAToken() {
        ApiClient api = ApiClient.atPort(port);
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(orgUnits.find("450881")).hasValueSatisfying(guiping ->
                assertThat(guiping.path()).isEqualTo("450000.450800.450881"));
        assertThat(api.get("/api/anything").status()).isEqualTo(401);
    }
}
