package cn.gov.zhaoshang.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 6, acceptance 3: a unit report is read within the caller's org scope only; outside it is 404. */
@PlatformIntegrationTest
class UnitReportScopeIT {

    @LocalServerPort
    int port;

    private ApiClient as(String user, String unit, String role) {
        return ApiClient.atPort(port)
                .withToken(PlatformServers.identityProvider().tokenFor(user, unit, role));
    }

    @Test
    void guipingReadsItsOwnReportButNeitherGangbeisNorGuigangs() {
        ApiClient guiping = as("gp-officer", "450881", "officer");
        ApiClient.Response own = guiping.get("/api/reports/units/450881?period=2022-10-YTD");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().get("orgUnit").asString()).isEqualTo("450881");
        assertThat(guiping.get("/api/reports/units/450802?period=2022-10-YTD").status()).isEqualTo(404);
        assertThat(guiping.get("/api/reports/units/450800?period=2022-10-YTD").status()).isEqualTo(404);
        assertThat(guiping.get("/api/reports/units/450800/children?period=2022-10-YTD").status()).isEqualTo(404);
        ApiClient.Response outside = guiping.get("/api/reports/units/450802?period=2022");
        assertThat(outside.body()).doesNotContain("港北");
    }

    @Test
    void guigangReadsAllThreeAndItsCountiesAsChildren() {
        ApiClient guigang = as("gg-viewer", "450800", "viewer");
        for (String unit : new String[] {"450881", "450802", "450800"}) {
            ApiClient.Response response = guigang.get("/api/reports/units/" + unit + "?period=2022-Q3");
            assertThat(response.status()).as(unit + ": " + response).isEqualTo(200);
            assertThat(response.json().get("orgUnit").asString()).isEqualTo(unit);
        }
        ApiClient.Response children = guigang.get("/api/reports/units/450800/children?period=2022-Q3");
        assertThat(children.status()).isEqualTo(200);
        java.util.List<String> codes = new java.util.ArrayList<>();
        children.json().forEach(child -> codes.add(child.get("orgUnit").asString()));
        // by code; other tests of this JVM may add a county under 贵港 (450899)
        assertThat(codes).containsSubsequence("450802", "450803", "450804", "450821", "450881")
                .isSorted().allMatch(code -> code.startsWith("4508"));
        assertThat(guigang.get("/api/reports/units/450100?period=2022-Q3").status()).isEqualTo(404);
    }

    @Test
    void anUnknownUnitIs404AndABadPeriodIs400NamingIt() {
        ApiClient region = as("gx-viewer", "450000", "viewer");
        assertThat(region.get("/api/reports/units/459999?period=2022").status()).isEqualTo(404);
        ApiClient.Response bad = region.get("/api/reports/units/450800?period=2022-13");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("period");
        assertThat(region.get("/api/reports/units/450800").status()).isEqualTo(400);
    }

    @Test
    void anAgencyReadsReportsButNoTokenReadsNothing() {
        assertThat(as("agency-stats", "450000", "agency").get("/api/reports/units/450000?period=2022").status()).isEqualTo(200);
        assertThat(ApiClient.atPort(port).get("/api/reports/units/450000?period=2022").status()).isEqualTo(401);
    }
}
