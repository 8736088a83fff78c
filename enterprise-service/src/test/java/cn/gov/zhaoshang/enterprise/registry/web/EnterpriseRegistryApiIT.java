package cn.gov.zhaoshang.enterprise.registry.web;

import static cn.gov.zhaoshang.enterprise.TestEnterprises.enterprise;
import static cn.gov.zhaoshang.enterprise.TestEnterprises.newUscc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.enterprise.registry.model.Uscc;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestUser;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PlatformIntegrationTest
class EnterpriseRegistryApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern EXPECTED_CHECK = Pattern.compile("require '(.)'");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    ApiClient officer;
    ApiClient viewer;

    @BeforeEach
    void clients() {
        var idp = PlatformServers.identityProvider();
        ApiClient api = ApiClient.atPort(port);
        officer = api.as(TestUser.GP_OFFICER);
        viewer = api.withToken(idp.tokenFor("gg-viewer", "450800", "viewer"));
    }

    @Test
    void theGlossaryExamplesAreAcceptedAndEachOf20MutationsIsRejectedNamingTheExpectedCheckCharacter() {
        List<String> valid = List.of("91350100M000100Y43", "91110108551385082Q");
        for (String code : valid) {
            ApiClient.Response created = officer.create("/api/enterprises", Map.of("uscc", code, "nameZh", "校验示例企业" + code));
            assertThat(created.json().get("enterprise").get("uscc").asString()).isEqualTo(code);
        }

        int mutations = 0;
        for (int k = 0; k < valid.size(); k++) {
            String original = valid.get(k);
            for (int j = 0; j < 10; j++) {
                int position = (j * 2 + k) % Uscc.LENGTH == 16 ? 17 : (j * 2 + k) % Uscc.LENGTH;
                char replacement = Uscc.ALPHABET.charAt((Uscc.ALPHABET.indexOf(original.charAt(position)) + 1 + j) % 31);
                String mutated = original.substring(0, position) + replacement + original.substring(position + 1);

                ApiClient.Response rejected = officer.post("/api/enterprises", Map.of("uscc", mutated, "nameZh", "变异企业" + mutated));
                assertThat(rejected.status()).as(mutated).isEqualTo(400);
                JsonNode error = rejected.json().get("errors").get(0);
                assertThat(error.get("field").asString()).isEqualTo("uscc");
                assertThat(error.get("rule").asString()).isEqualTo("UsccCheckCharacter");
                Matcher named = EXPECTED_CHECK.matcher(error.get("message").asString());
                assertThat(named.find()).as(error.toString()).isTrue();
                char expected = named.group(1).charAt(0);
                if (position == Uscc.LENGTH - 1) {
                    assertThat(expected).as(mutated).isEqualTo(original.charAt(Uscc.LENGTH - 1));
                } else {
                    // The named character really is the right one: with it, the mutated body is accepted.
                    String corrected = mutated.substring(0, Uscc.LENGTH - 1) + expected;
                    ApiClient.Response accepted = officer.post("/api/enterprises", Map.of("uscc", corrected, "nameZh", "更正企业" + corrected));
                    assertThat(accepted.status()).as(corrected + " " + accepted).isEqualTo(201);
                }
                assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE uscc = :uscc").param("uscc", mutated)
                        .query(Long.class).single()).isZero();
                mutations++;
            }
        }
        assertThat(mutations).isEqualTo(20);
    }

    @Test
    void registeringAKnownUsccAgainIs409WithALinkToTheExistingRecord() {
        Map<String, Object> body = enterprise("广西柳州钢铁集团有限公司");
        String id = officer.post("/api/enterprises", body).json().get("enterprise").get("id").asString();

        body.put("nameZh", "柳钢集团");
        ApiClient.Response duplicate = officer.post("/api/enterprises", body);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("existing").asString()).isEqualTo("/api/enterprises/" + id);
        assertThat(officer.get(duplicate.json().get("existing").asString()).json().get("nameZh").asString())
                .isEqualTo("广西柳州钢铁集团有限公司");
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE name_zh = '柳钢集团'").query(Long.class).single()).isZero();
    }

    @Test
    void aVerySimilarNameIsRegisteredWithAWarningListingTheCandidates() {
        String existing = officer.post("/api/enterprises", enterprise("贵港华鸿木业制品有限公司"))
                .json().get("enterprise").get("id").asString();

        ApiClient.Response similar = officer.post("/api/enterprises", enterprise("贵港华鸿木业制品股份有限公司"));
        ApiClient.Response unrelated = officer.post("/api/enterprises", enterprise("北海海洋生物科技研究院"));

        assertThat(similar.status()).isEqualTo(201);
        JsonNode warning = similar.json().get("warnings").get(0);
        assertThat(warning.get("code").asString()).isEqualTo("SIMILAR_NAME");
        assertThat(warning.get("candidates").valueStream().map(candidate -> candidate.get("id").asString()))
                .contains(existing);
        assertThat(warning.get("candidates").get(0).get("link").asString()).startsWith("/api/enterprises/");
        assertThat(unrelated.status()).isEqualTo(201);
        assertThat(unrelated.json().get("warnings").valueStream().toList()).isEmpty();
    }

    @Test
    void aForeignEnterpriseIsIdentifiedByCountryAndRegistrationNumber() {
        Map<String, Object> body = new HashMap<>(Map.of("country", "DE", "registrationNumber", "HRB 6684",
                "nameZh", "巴斯夫欧洲公司", "nameEn", "BASF SE", "headquartersCountry", "DE",
                "ownership", "FOREIGN", "industryCode", "C26", "listed", true));
        ApiClient.Response created = officer.create("/api/enterprises", body);
        assertThat(created.json().get("enterprise").get("uscc").isNull()).isTrue();

        assertThat(officer.post("/api/enterprises", body).status()).isEqualTo(409);
        body.put("registrationNumber", "HRB 9999");
        assertThat(officer.post("/api/enterprises", body).status()).isEqualTo(201);

        ApiClient.Response noIdentity = officer.post("/api/enterprises", Map.of("nameZh", "无标识企业"));
        assertThat(noIdentity.status()).isEqualTo(400);
        ApiClient.Response chineseAsForeign = officer.post("/api/enterprises",
                Map.of("country", "CN", "registrationNumber", "123", "nameZh", "伪外资企业"));
        assertThat(chineseAsForeign.status()).isEqualTo(400);
        assertThat(chineseAsForeign.json().get("errors").get(0).get("field").asString()).isEqualTo("country");
    }

    @Test
    void badFieldsAreAllReportedAtOnce() {
        ApiClient.Response response = officer.post("/api/enterprises", Map.of("uscc", "91350100M000100Y4",
                "industryCode", "Z99", "headquartersAdminCode", "45", "parentId", "00000000-0000-0000-0000-000000000001"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .contains("uscc", "nameZh", "industryCode", "headquartersAdminCode");
    }

    @Test
    void theNameIndexIsATrigramIndexThatServesChineseSubstringsUnderTheUtf8Ctype() {
        assertThat(jdbc.sql("SELECT datctype FROM pg_database WHERE datname = current_database()").query(String.class).single())
                .containsIgnoringCase("UTF-8");
        // Under a UTF-8 ctype, CJK characters are word characters, so a Chinese name has trigrams.
        assertThat(jdbc.sql("SELECT cardinality(show_trgm('贵港钢铁'))").query(Integer.class).single()).isGreaterThan(2);
        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'enterprise_search_names_trgm'")
                .query(String.class).single()).contains("gin", "gin_trgm_ops");

        String plan = transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN SELECT id FROM enterprise e WHERE e.search_names LIKE '%钢铁集团%'")
                    .query(String.class).list());
        });
        assertThat(plan).contains("enterprise_search_names_trgm");
        // Two characters have no trigram: their own index serves them.
        String twoCharacterPlan = transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("""
                    EXPLAIN SELECT id FROM enterprise e
                    WHERE name_bigrams(e.search_names) @> ARRAY['钢铁']""")
                    .query(String.class).list());
        });
        assertThat(twoCharacterPlan).contains("enterprise_search_bigrams");
    }

    @Test
    void searchFindsChineseSubstringsAndFormerNamesAndFiltersByIndustryLocationAndTag() {
        String marker = "桂" + System.nanoTime() % 100000;
        Map<String, Object> steel = enterprise(marker + "钢铁集团有限公司");
        steel.putAll(Map.of("industryCode", "C3120", "headquartersAdminCode", "450802", "chainTags", List.of("新材料"),
                "formerNames", List.of(marker + "冶金总厂"), "nameEn", "Gui Steel " + marker.substring(1) + " Group"));
        Map<String, Object> furniture = enterprise(marker + "家居集团有限公司");
        furniture.putAll(Map.of("industryCode", "C2110", "headquartersAdminCode", "450881", "chainTags", List.of("高端家具家居")));
        Map<String, Object> logistics = enterprise(marker + "物流集团有限公司");
        logistics.putAll(Map.of("industryCode", "G5810", "headquartersAdminCode", "440100", "chainTags", List.of("现代商贸物流")));
        for (Map<String, Object> body : List.of(steel, furniture, logistics)) {
            assertThat(officer.post("/api/enterprises", body).status()).isEqualTo(201);
        }

        assertThat(names(viewer.get(query("name", marker + "钢铁")))).containsExactly(marker + "钢铁集团有限公司");
        assertThat(names(viewer.get(query("name", marker + "冶金")))).containsExactly(marker + "钢铁集团有限公司");
        assertThat(names(viewer.get(query("name", "钢铁") + "&size=200"))).contains(marker + "钢铁集团有限公司")
                .allSatisfy(name -> assertThat(name).contains("钢铁"));
        assertThat(names(viewer.get(query("name", marker + "物流") + "&size=200"))).containsExactly(marker + "物流集团有限公司");
        assertThat(names(viewer.get(query("name", "铁") + "&size=200"))).contains(marker + "钢铁集团有限公司");
        assertThat(names(viewer.get(query("name", "steel " + marker.substring(1))))).containsExactly(marker + "钢铁集团有限公司");
        assertThat(names(viewer.get(query("name", marker) + "&sort=nameZh,asc")))
                .containsExactly(marker + "家居集团有限公司", marker + "物流集团有限公司", marker + "钢铁集团有限公司");
        assertThat(names(viewer.get(query("name", marker) + "&industry=C"))).hasSize(2)
                .doesNotContain(marker + "物流集团有限公司");
        assertThat(names(viewer.get(query("name", marker) + "&location=450800")))
                .containsExactlyInAnyOrder(marker + "钢铁集团有限公司", marker + "家居集团有限公司");
        assertThat(names(viewer.get(query("name", marker) + "&location=450000"))).hasSize(2);
        assertThat(names(viewer.get(query("name", marker) + "&" + param("tag", "高端家具家居"))))
                .containsExactly(marker + "家居集团有限公司");

        JsonNode firstPage = viewer.get(query("name", marker) + "&size=2&page=0&sort=nameZh,desc").json();
        JsonNode secondPage = viewer.get(query("name", marker) + "&size=2&page=1&sort=nameZh,desc").json();
        assertThat(firstPage.get("total").asLong()).isEqualTo(3);
        assertThat(names(firstPage)).containsExactly(marker + "钢铁集团有限公司", marker + "物流集团有限公司");
        assertThat(names(secondPage)).containsExactly(marker + "家居集团有限公司");

        ApiClient.Response badSort = viewer.get("/api/enterprises?sort=id%3Bdrop%20table%20enterprise");
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.json().get("errors").get(0).get("field").asString()).isEqualTo("sort");
    }

    @Test
    void onlyOfficersRegisterAndEveryoneNeedsAToken() {
        assertThat(viewer.post("/api/enterprises", enterprise("查看者企业")).status()).isEqualTo(403);
        assertThat(ApiClient.atPort(port).get("/api/enterprises").status()).isEqualTo(401);
    }

    @Test
    void registrationIsAuditedAndPublishesASchemaValidEventWithoutPersonalData() {
        Map<String, Object> body = enterprise("梧州新能源电池材料有限公司");
        body.putAll(Map.of("nameEn", "Wuzhou New Energy Battery Materials", "ownership", "PRIVATE", "industryCode", "C3841",
                "headquartersAdminCode", "450400", "chainTags", List.of("新材料", "新能源电动车"), "listed", false));
        String id = officer.post("/api/enterprises", body).json().get("enterprise").get("id").asString();

        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE entity_type = 'enterprise' AND entity_id = :id AND action = 'registered'")
                .param("id", id).query(String.class).single()).isEqualTo("gp-officer");

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.ENTERPRISE, record -> id.equals(record.key()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(EventSchemaValidator.shared().validate(records.getFirst().value())).isEmpty();
        JsonNode event = JSON.readTree(records.getFirst().value());
        assertThat(event.get("type").asString()).isEqualTo(EventTypes.ENTERPRISE_REGISTERED);
        assertThat(event.get("orgpath").asString()).isEqualTo("450000");
        assertThat(event.get("data").get("uscc").asString()).isEqualTo(body.get("uscc"));
        assertThat(event.get("data").get("chainTags").valueStream().map(JsonNode::asString)).containsExactly("新材料", "新能源电动车");
    }

    private static String query(String name, String value) {
        return "/api/enterprises?" + param(name, value);
    }

    private static String param(String name, String value) {
        return name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> names(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return names(response.json());
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("nameZh").asString()));
        return names;
    }
}
