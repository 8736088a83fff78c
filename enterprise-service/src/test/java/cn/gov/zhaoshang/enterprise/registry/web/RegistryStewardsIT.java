package cn.gov.zhaoshang.enterprise.registry.web;

import static cn.gov.zhaoshang.enterprise.TestEnterprises.enterprise;
import static cn.gov.zhaoshang.enterprise.TestEnterprises.newUscc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 25, finding 7: everyone reads the shared registry, but an enterprise is changed or merged,
 * and a contact erased, only by the unit that entered it or a unit above it (docs/decisions/0010).
 */
@PlatformIntegrationTest
class RegistryStewardsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guiping;
    ApiClient gangbei;
    ApiClient guigang;
    ApiClient region;

    @BeforeEach
    void clients() {
        ApiClient api = ApiClient.atPort(port);
        guiping = api.as(TestUser.GP_OFFICER);
        gangbei = api.as(TestUser.GB_OFFICER);
        guigang = api.as(TestUser.GG_OFFICER);
        region = api.withToken(PlatformServers.identityProvider().tokenFor("gx-registry-curator", "450000", "officer"));
    }

    @Test
    void anotherCountyCannotRenameOrMergeAnEnterpriseButTheUnitAboveCan() {
        String guipings = register(guiping, "桂平管辖测试制糖有限公司");
        String gangbeis = register(gangbei, "港北管辖测试制糖有限公司");

        ApiClient.Response renamed = gangbei.put("/api/enterprises/" + guipings, rename("港北改名测试有限公司", 0));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(403);
        assertThat(gangbei.post("/api/enterprises/" + gangbeis + "/merges", Map.of("duplicateId", guipings)).status())
                .as("a merge changes both records").isEqualTo(403);
        assertThat(guiping.get("/api/enterprises/" + guipings).json().get("nameZh").asString()).isEqualTo("桂平管辖测试制糖有限公司");

        ApiClient.Response byTheCity = guigang.put("/api/enterprises/" + guipings, rename("桂平管辖测试制糖集团有限公司", 0));
        assertThat(byTheCity.status()).as(byTheCity.body()).isEqualTo(200);
        ApiClient.Response byItsOwnCounty = guiping.put("/api/enterprises/" + guipings, rename("桂平管辖测试制糖股份有限公司", 1));
        assertThat(byItsOwnCounty.status()).as(byItsOwnCounty.body()).isEqualTo(200);
    }

    @Test
    void aContactIsErasedOnlyByTheUnitThatRecordedItOrAUnitAbove() {
        String enterprise = register(guiping, "桂平联系人管辖测试有限公司");
        String guipings = contact(guiping, enterprise, "黄海燕", "13907750001");
        String gangbeis = contact(gangbei, enterprise, "韦志强", "13907750002");

        assertThat(gangbei.post("/api/contacts/" + guipings + "/erasure", Map.of()).status()).isEqualTo(403);
        assertThat(guiping.post("/api/contacts/" + gangbeis + "/erasure", Map.of()).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE enterprise_id = :id").param("id", UUID.fromString(enterprise))
                .query(Long.class).single()).isEqualTo(2);

        assertThat(guiping.post("/api/contacts/" + guipings + "/erasure", Map.of()).status()).isEqualTo(204);
        assertThat(guigang.post("/api/contacts/" + gangbeis + "/erasure", Map.of()).status()).isEqualTo(204);
    }

    @Test
    void aRecordEnteredBeforeUnitsWereRecordedIsTheRegions() {
        String enterprise = register(guiping, "桂平旧记录管辖测试有限公司");
        jdbc.sql("UPDATE enterprise SET registered_unit = NULL WHERE id = :id").param("id", UUID.fromString(enterprise)).update();

        assertThat(guigang.put("/api/enterprises/" + enterprise, rename("桂平旧记录改名有限公司", 0)).status()).isEqualTo(403);
        assertThat(region.put("/api/enterprises/" + enterprise, rename("桂平旧记录改名有限公司", 0)).status()).isEqualTo(200);
    }

    private static String register(ApiClient officer, String name) {
        Map<String, Object> body = enterprise(name);
        body.put("uscc", newUscc());
        ApiClient.Response created = officer.create("/api/enterprises", body);
        return created.json().get("enterprise").get("id").asString();
    }

    private static Map<String, Object> rename(String name, long version) {
        return Map.of("version", version, "nameZh", name, "industryCode", "C1340", "chainTags", List.of("轻工业"), "listed", false);
    }

    private static String contact(ApiClient officer, String enterprise, String name, String phone) {
        return officer.create("/api/enterprises/" + enterprise + "/contacts", Map.of("name", name, "phone", phone))
                .json().get("id").asString();
    }
}
