package cn.gov.zhaoshang.project;

import cn.gov.zhaoshang.testsupport.OpenApiCopy;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web console's types are generated from this service's OpenAPI document: its copy must be current. */
@PlatformIntegrationTest
class OpenApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void theConsolesCopyOfTheOpenApiDocumentIsCurrent() {
        OpenApiCopy.assertConsoleCopyMatches("http://127.0.0.1:" + port, "project-service");
    }
}
