package cn.gov.zhaoshang.enterprise.membership.web;

import static cn.gov.zhaoshang.enterprise.TestEnterprises.enterprise;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestUser;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acceptance 2: which classes an enterprise held on a date, by edition and validity interval.
 * Only this class publishes FORTUNE_GLOBAL_500 and LITTLE_GIANT editions, since a ranked list's
 * memberships end with the next edition of the same list in the shared test database.
 */
@PlatformIntegrationTest
class MembershipValidityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ApiClient officer;
    ApiClient viewer;
    String officerToken;

    @BeforeEach
    void clients() {
        var idp = PlatformServers.identityProvider();
        ApiClient api = ApiClient.atPort(port);
        officerToken = idp.tokenFor("gx-officer", "450000", "officer");
        officer = api.withToken(officerToken);
        viewer = api.as(TestUser.GP_VIEWER);
    }

    @Test
    void fortuneGlobal500EditionsGovernFromTheirPublicationAndSubsidiariesInheritTheirGroupsMembership() {
        String fortune2023 = edition("FORTUNE_GLOBAL_500", "2023", "2023-08-02", null);
        String fortune2024 = edition("FORTUNE_GLOBAL_500", "2024", "2024-07-30", null);
        String onlyIn2024 = register("中国宝武钢铁集团有限公司");
        String onlyIn2023 = register("某跌出榜单集团有限公司");
        String onBoth = register("中国石油化工集团有限公司");
        member(fortune2024, onlyIn2024, 44);
        member(fortune2023, onlyIn2023, 480);
        member(fortune2023, onBoth, 5);
        member(fortune2024, onBoth, 6);
        Map<String, Object> subsidiary = enterprise("宝武集团广西钢铁有限公司");
        subsidiary.put("parentId", onlyIn2024);
        String subsidiaryId = officer.post("/api/enterprises", subsidiary).json().get("enterprise").get("id").asString();

        // A signing on 2024-08-01 is governed by the 2024 edition, published 2024-07-30 …
        assertThat(classesOn(onlyIn2024, "2024-08-01")).containsExactly("FORTUNE_GLOBAL_500");
        assertThat(classesOn(onlyIn2023, "2024-08-01")).isEmpty();
        // … and one on 2024-07-15 still by the 2023 edition.
        assertThat(classesOn(onlyIn2024, "2024-07-15")).isEmpty();
        assertThat(classesOn(onlyIn2023, "2024-07-15")).containsExactly("FORTUNE_GLOBAL_500");
        // The publication day itself belongs to the new edition; before the first edition nothing counts.
        assertThat(classesOn(onlyIn2024, "2024-07-30")).containsExactly("FORTUNE_GLOBAL_500");
        assertThat(classesOn(onlyIn2023, "2023-08-01")).isEmpty();

        JsonNode onBothIn2024 = viewer.get("/api/enterprises/" + onBoth + "/classes?on=2024-08-01").json().get("classes");
        assertThat(onBothIn2024).hasSize(1);
        assertThat(onBothIn2024.get(0).get("edition").asString()).isEqualTo("2024");
        assertThat(onBothIn2024.get(0).get("rank").asInt()).isEqualTo(6);
        assertThat(onBothIn2024.get(0).get("labelZh").asString()).isEqualTo("世界500强");

        JsonNode inherited = viewer.get("/api/enterprises/" + subsidiaryId + "/classes?on=2024-08-01").json().get("classes");
        assertThat(inherited).hasSize(1);
        assertThat(inherited.get(0).get("enterpriseClass").asString()).isEqualTo("FORTUNE_GLOBAL_500");
        assertThat(inherited.get(0).get("inherited").asBoolean()).isTrue();
        assertThat(inherited.get(0).get("heldBy").asString()).isEqualTo(onlyIn2024);
        assertThat(classesOn(subsidiaryId, "2024-07-15")).isEmpty();

        // The registry's class filter applies the same rule, subsidiaries included.
        JsonNode found = viewer.get("/api/enterprises?class=FORTUNE_GLOBAL_500&classOn=2024-08-01&size=200").json();
        assertThat(found.get("items").valueStream().map(item -> item.get("id").asString()))
                .contains(onlyIn2024, subsidiaryId, onBoth).doesNotContain(onlyIn2023);
    }

    @Test
    void aLittleGiantOfThe2022BatchStillCountsIn2024WithoutBeingInThe2024Batch() {
        String batch2022 = edition("LITTLE_GIANT", "第四批", "2022-08-05", 3);
        edition("LITTLE_GIANT", "第六批", "2024-07-10", 3);
        String giant = register("广西精工专用机械有限公司");
        member(batch2022, giant, null);

        assertThat(classesOn(giant, "2024-10-01")).containsExactly("LITTLE_GIANT");
        assertThat(classesOn(giant, "2025-08-04")).containsExactly("LITTLE_GIANT");
        assertThat(classesOn(giant, "2025-08-05")).isEmpty();
        assertThat(classesOn(giant, "2022-08-04")).isEmpty();
        JsonNode held = viewer.get("/api/enterprises/" + giant + "/classes?on=2024-10-01").json().get("classes").get(0);
        assertThat(held.get("validUntil").asString()).isEqualTo("2025-08-05");
    }

    @Test
    void aMembershipIsPublishedAsASchemaValidClassifiedEventCannotBeEnteredTwiceAndCanBeTakenBack() throws Exception {
        String edition = edition("CHINA_MANUFACTURING_500", "2025-test", "2025-09-10", null);
        String enterpriseId = register("柳州五菱汽车工业有限公司");
        member(edition, enterpriseId, 230);

        ApiClient.Response again = officer.post("/api/list-editions/" + edition + "/members",
                Map.of("enterpriseId", enterpriseId, "rank", 231));
        assertThat(again.status()).isEqualTo(409);

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.ENTERPRISE, record -> enterpriseId.equals(record.key()) && record.value().contains(EventTypes.ENTERPRISE_CLASSIFIED),
                1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(EventSchemaValidator.shared().validate(records.getFirst().value())).isEmpty();
        JsonNode data = JSON.readTree(records.getFirst().value()).get("data");
        assertThat(data.get("change").asString()).isEqualTo("ADDED");
        assertThat(data.get("enterpriseClass").asString()).isEqualTo("CHINA_MANUFACTURING_500");
        assertThat(data.get("rank").asInt()).isEqualTo(230);
        assertThat(data.get("validUntil").isNull()).isTrue();

        // Taken back (entered by mistake): the class is gone and subscribers are told.
        String membershipId = viewer.get("/api/enterprises/" + enterpriseId + "/classes?on=2025-10-01").json()
                .get("classes").get(0).get("membershipId").asString();
        assertThat(delete("/api/memberships/" + membershipId)).isEqualTo(204);
        assertThat(classesOn(enterpriseId, "2025-10-01")).isEmpty();
        List<ConsumerRecord<String, String>> removed = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.ENTERPRISE, record -> enterpriseId.equals(record.key()) && record.value().contains("\"REMOVED\""),
                1, Duration.ofSeconds(30));
        assertThat(removed).hasSize(1);
        assertThat(EventSchemaValidator.shared().validate(removed.getFirst().value())).isEmpty();
    }

    private int delete(String path) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + officerToken)
                .DELETE().build();
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }

    @Test
    void aBatchWithoutAValidityPeriodAndAnUnknownEnterpriseAreRejected() {
        ApiClient.Response noPeriod = officer.post("/api/list-editions",
                Map.of("enterpriseClass", "HIGH_TECH", "edition", "2024", "publishedOn", "2024-12-01"));
        assertThat(noPeriod.status()).isEqualTo(400);
        assertThat(noPeriod.json().get("errors").get(0).get("field").asString()).isEqualTo("validYears");

        String edition = edition("UNICORN", "2024-test", "2024-04-09", null);
        ApiClient.Response unknown = officer.post("/api/list-editions/" + edition + "/members",
                Map.of("enterpriseId", "00000000-0000-0000-0000-000000000042"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(viewer.post("/api/list-editions", Map.of("enterpriseClass", "UNICORN", "edition", "x",
                "publishedOn", "2024-01-01")).status()).isEqualTo(403);
    }

    private String edition(String enterpriseClass, String edition, String publishedOn, Integer validYears) {
        Map<String, Object> body = new HashMap<>(Map.of("enterpriseClass", enterpriseClass, "edition", edition,
                "publishedOn", publishedOn));
        if (validYears != null) {
            body.put("validYears", validYears);
        }
        ApiClient.Response created = officer.create("/api/list-editions", body);
        return created.json().get("id").asString();
    }

    private String register(String name) {
        ApiClient.Response created = officer.create("/api/enterprises", enterprise(name));
        return created.json().get("enterprise").get("id").asString();
    }

    private void member(String edition, String enterpriseId, Integer rank) {
        Map<String, Object> body = new HashMap<>(Map.of("enterpriseId", enterpriseId));
        if (rank != null) {
            body.put("rank", rank);
        }
        ApiClient.Response added = officer.create("/api/list-editions/" + edition + "/members", body);
    }

    private List<String> classesOn(String enterpriseId, String on) {
        ApiClient.Response response = viewer.get("/api/enterprises/" + enterpriseId + "/classes?on=" + on);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("classes").valueStream().map(held -> held.get("enterpriseClass").asString()).toList();
    }
}
