package cn.gov.zhaoshang.project.library.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Acceptance 3: a fixture pair for each of L1–L4 lands in the review pool with its rule and the
 * project it may duplicate, and near misses and a clearly different project do not.
 */
@PlatformIntegrationTest
class DuplicateRulesL2ToL4ApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guipingOfficer;
    ApiClient gangbeiOfficer;
    ApiClient guigangOfficer;

    @BeforeEach
    void clients() {
        ApiClient api = ApiClient.atPort(port);
        guipingOfficer = api.as(TestUser.GP_OFFICER);
        gangbeiOfficer = api.as(TestUser.GB_OFFICER);
        guigangOfficer = api.as(TestUser.GG_OFFICER);
    }

    @Test
    void eachRuleHasAFixturePairThatLandsInTheReviewPoolAndAClearlyDifferentProjectDoesNot() {
        UUID aluminium = UUID.randomUUID();
        UUID battery = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        String l1Original = register(guipingOfficer, "450881", project("桂平市规则一原项目", "C3841", "100000000.00", null)
                .code("GG-DUP-L1").build());
        String l1 = register(gangbeiOfficer, "450802", project("港北区完全不同的名称", "C1340", "5000000.00", null)
                .code("GG-DUP-L1").build());

        String l2Original = register(guipingOfficer, "450881", project("桂平市高端铝型材深加工基地一期", "C3252", "300000000.00", aluminium).build());
        String l2 = register(gangbeiOfficer, "450802", project("桂平市高端铝型材深加工基地二期", "C3252", "90000000.00", aluminium).build());

        String l3Original = register(guipingOfficer, "450881", project("桂平市动力电池模组", "C3841", "100000000.00", battery).build());
        String l3 = register(gangbeiOfficer, "450802", project("港北区储能系统集成", "C3841", "115000000.00", battery).build());

        String l4PhoneOriginal = register(guipingOfficer, "450881", project("桂平市竹木家具", "C2110", "20000000.00", null)
                .contact("李四", "138-0771-2468").build());
        String l4Phone = register(gangbeiOfficer, "450802", project("港北区智能物流园", "G5990", "80000000.00", other)
                .contact("王五", "13807712468").build());
        String l4SiteOriginal = register(guipingOfficer, "450881", project("桂平市健康食品", "C1490", "30000000.00", null)
                .site("桂平市 长安工业园区 A-17 地块").build());
        String l4Site = register(gangbeiOfficer, "450802", project("港北区冷链仓储", "G5960", "40000000.00", null)
                .site("桂平市长安工业园区A-17地块").build());

        Map<String, String> pool = reviewPool();
        assertThat(pool).containsEntry(l1, l1Original + "/L1")
                .containsEntry(l2, l2Original + "/L2")
                .containsEntry(l3, l3Original + "/L3")
                .containsEntry(l4Phone, l4PhoneOriginal + "/L4")
                .containsEntry(l4Site, l4SiteOriginal + "/L4");

        // Near misses: a similar name of another investor, the same investor and industry 50% and 30% apart,
        // and a clearly different project.
        String otherInvestorSimilarName = register(gangbeiOfficer, "450802",
                project("桂平市高端铝型材深加工基地三期", "C3252", "90000000.00", other).build());
        String amountTooFar = register(gangbeiOfficer, "450802", project("港北区电池回收利用", "C3841", "150000000.00", battery).build());
        String different = register(gangbeiOfficer, "450802", project("港北区现代农业示范区", "A0511", "60000000.00", UUID.randomUUID())
                .contact("赵六", "13900001111").site("港北区港城镇").build());
        assertThat(List.of(otherInvestorSimilarName, amountTooFar, different))
                .allSatisfy(id -> assertThat(jdbc.sql("SELECT review_status FROM project WHERE id = :id::uuid").param("id", id)
                        .query(String.class).single()).isEqualTo("ACCEPTED"));
        assertThat(reviewPool()).doesNotContainKeys(otherInvestorSimilarName, amountTooFar, different);

        assertThat(jdbc.sql("SELECT after->>'rule' FROM audit_log WHERE entity_id = :id AND action = 'pooled-for-review'")
                .param("id", l3).query(String.class).single()).isEqualTo("L3");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_record WHERE record_key IN (:ids)")
                .param("ids", List.of(l1, l2, l3, l4Phone, l4Site)).query(Long.class).single()).isZero();
    }

    private Map<String, String> reviewPool() {
        Map<String, String> entries = new LinkedHashMap<>();
        guigangOfficer.get("/api/projects/review-pool?size=200").json().get("items").valueStream()
                .forEach(item -> entries.put(item.get("project").get("id").asString(),
                        item.get("duplicateOf").asString() + "/" + item.get("rule").asString()));
        return entries;
    }

    private static String register(ApiClient officer, String unit, Map<String, Object> body) {
        body.put("orgUnit", unit);
        ApiClient.Response response = officer.create("/api/projects", body);
        return response.json().get("id").asString();
    }

    private static Fixture project(String name, String industry, String amount, UUID investor) {
        return new Fixture(name, industry, amount, investor);
    }

    /** A signed project with its proof, and the fields a rule compares. */
    private static final class Fixture {

        private final Map<String, Object> body = new LinkedHashMap<>();

        Fixture(String name, String industry, String amount, UUID investor) {
            body.put("name", name);
            body.put("stage", "SIGNED");
            body.put("industryCode", industry);
            body.put("contractAmount", amount);
            body.put("signingDate", "2026-09-01");
            body.put("evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-" + name.hashCode(),
                    "documentDate", "2026-09-01")));
            if (investor != null) {
                body.put("investorEnterpriseId", investor.toString());
            }
        }

        Fixture code(String code) {
            body.put("projectCode", code);
            return this;
        }

        Fixture contact(String name, String phone) {
            body.put("investorContact", Map.of("name", name, "phone", phone));
            return this;
        }

        Fixture site(String site) {
            body.put("siteAddress", site);
            return this;
        }

        Map<String, Object> build() {
            return new LinkedHashMap<>(body);
        }
    }
}
