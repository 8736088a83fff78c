package cn.gov.zhaoshang.enterprise.contact.web;

import static cn.gov.zhaoshang.enterprise.TestEnterprises.enterprise;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Acceptance 4: contacts are personal data. */
@PlatformIntegrationTest
class ContactPrivacyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient officer;
    ApiClient reader;
    String officerToken;

    @BeforeEach
    void clients() {
        var idp = PlatformServers.identityProvider();
        ApiClient api = ApiClient.atPort(port);
        officerToken = TestUser.GG_OFFICER.token();
        officer = api.withToken(officerToken);
        reader = api.withToken(idp.tokenFor("gg-contacts", "450800", "viewer", "contacts-reader"));
    }

    @Test
    void contactsAreMaskedForAnOfficerAndClearForAContactsReaderWhoseReadIsAudited() {
        String enterpriseId = register("贵港联系人测试制造有限公司");
        ApiClient.Response added = officer.create("/api/enterprises/" + enterpriseId + "/contacts",
                Map.of("name", "张伟明", "title", "投资总监", "phone", "13812345678", "email", "zhang.weiming@example.cn"));
        assertThat(added.json().get("phone").asString()).isEqualTo("138****5678");
        String contactId = added.json().get("id").asString();

        JsonNode masked = officer.get("/api/enterprises/" + enterpriseId + "/contacts").json();
        assertThat(masked.get("masked").asBoolean()).isTrue();
        JsonNode maskedContact = masked.get("items").get(0);
        assertThat(maskedContact.get("name").asString()).isEqualTo("张**");
        assertThat(maskedContact.get("phone").asString()).isEqualTo("138****5678");
        assertThat(maskedContact.get("email").asString()).isEqualTo("z***@example.cn");
        assertThat(maskedContact.get("title").asString()).isEqualTo("投资总监");
        assertThat(officer.get("/api/contacts/" + contactId).json().get("phone").asString()).isEqualTo("138****5678");
        String maskedExport = officer.get("/api/enterprises/" + enterpriseId + "/contacts/export").body();
        assertThat(maskedExport).contains("姓名,职务,电话,电子邮箱", "138****5678").doesNotContain("13812345678", "张伟明");
        assertThat(unmaskedReadsOf(contactId)).isZero();

        JsonNode clear = reader.get("/api/enterprises/" + enterpriseId + "/contacts").json();
        assertThat(clear.get("masked").asBoolean()).isFalse();
        assertThat(clear.get("items").get(0).get("name").asString()).isEqualTo("张伟明");
        assertThat(clear.get("items").get(0).get("phone").asString()).isEqualTo("13812345678");
        Map<String, Object> audited = jdbc.sql("""
                SELECT actor, actor_unit, occurred_at IS NOT NULL AS dated FROM audit_log
                WHERE entity_type = 'contact' AND entity_id = :id AND action = 'read-unmasked'""")
                .param("id", contactId).query().singleRow();
        assertThat(audited).containsEntry("actor", "gg-contacts").containsEntry("actor_unit", "450800").containsEntry("dated", true);

        assertThat(reader.get("/api/enterprises/" + enterpriseId + "/contacts/export").body()).contains("13812345678", "张伟明");
        assertThat(unmaskedReadsOf(contactId)).isEqualTo(2);
    }

    @Test
    void erasureLeavesNoTraceOfTheContactInListsExportsOrTheDatabaseButKeepsTheEnterpriseAndItsEngagements() {
        String enterpriseId = register("梧州删除测试贸易有限公司");
        String contactId = officer.post("/api/enterprises/" + enterpriseId + "/contacts",
                Map.of("name", "李秀英", "title", "董事长助理", "phone", "13987654321", "email", "li.xiuying@example.cn"))
                .json().get("id").asString();
        String engagementId = officer.post("/api/engagements", Map.of("kind", "DOCKING", "orgUnit", "450800",
                "occurredOn", "2026-05-06", "enterpriseIds", List.of(enterpriseId), "outcome", "FOLLOW_UP"))
                .json().get("id").asString();
        reader.get("/api/contacts/" + contactId);

        ApiClient.Response erased = officer.post("/api/contacts/" + contactId + "/erasure", Map.of());
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);

        assertThat(reader.get("/api/contacts/" + contactId).status()).isEqualTo(404);
        assertThat(reader.get("/api/enterprises/" + enterpriseId + "/contacts").json().get("items").size()).isZero();
        assertThat(reader.get("/api/enterprises/" + enterpriseId + "/contacts/export").body())
                .doesNotContain("李秀英", "13987654321", "4321", "li.xiuying");
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE id = CAST(:id AS uuid)").param("id", contactId)
                .query(Long.class).single()).isZero();
        // Audit rows prove what happened to the contact, without holding anything personal.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_log
                WHERE coalesce(before::text, '') || coalesce(after::text, '') ~ '李秀英|13987654321|li\\.xiuying|秀英'""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE entity_id = :id AND action = 'erased'").param("id", contactId)
                .query(String.class).single()).isEqualTo("gg-officer");

        assertThat(reader.get("/api/enterprises/" + enterpriseId).status()).isEqualTo(200);
        assertThat(reader.get("/api/engagements/" + engagementId).status()).isEqualTo(200);
    }

    @Test
    void noProducedEventOfAnyTypeContainsAContactsPhoneOrName() throws Exception {
        String enterpriseId = register("钦州事件隐私测试石化有限公司");
        officer.post("/api/enterprises/" + enterpriseId + "/contacts",
                Map.of("name", "王建国", "title", "总经理", "phone", "13700001111", "email", "wang.jianguo@example.cn"));
        String edition = officer.post("/api/list-editions", Map.of("enterpriseClass", "CHINA_PRIVATE_500",
                "edition", "隐私测试版", "publishedOn", "2025-08-28")).json().get("id").asString();
        officer.post("/api/list-editions/" + edition + "/members", Map.of("enterpriseId", enterpriseId, "rank", 77));
        Map<String, Object> trip = new java.util.HashMap<>(Map.of("kind", "LEADER_TRIP", "orgUnit", "450800",
                "occurredOn", "2026-04-01", "enterpriseIds", List.of(enterpriseId), "participants", List.of("王建国"),
                "leaderName", "陈市长", "leaderRole", "PRINCIPAL", "leaderUnit", "450800", "destinationArea", "GBA"));
        trip.putAll(Map.of("outcome", "INTENT", "intentAmount", "300000000", "intentIndustryCode", "C2614"));
        ApiClient.Response recorded = officer.create("/api/engagements", trip);
        String engagementId = recorded.json().get("id").asString();

        // A change and a merge, so that every event type of the service is produced here.
        HttpResponse<String> renamed = put("/api/enterprises/" + enterpriseId,
                Map.of("version", 0, "nameZh", "钦州事件隐私测试石化集团有限公司", "listed", true));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        String duplicateId = officer.post("/api/enterprises", Map.of("country", "SG", "registrationNumber",
                "SG-" + System.nanoTime(), "nameZh", "钦州事件隐私测试石化(新加坡)有限公司")).json().get("enterprise").get("id").asString();
        officer.post("/api/enterprises/" + duplicateId + "/contacts", Map.of("name", "王建国", "phone", "13700001111"));
        assertThat(officer.post("/api/enterprises/" + enterpriseId + "/merges", Map.of("duplicateId", duplicateId)).status())
                .isEqualTo(200);

        // Wait for this test's own events, then read every event on the topic.
        assertThat(TopicReader.await(PlatformServers.kafka().bootstrapServers(), Topics.ENTERPRISE,
                record -> enterpriseId.equals(record.key()) || engagementId.equals(record.key()) || duplicateId.equals(record.key()),
                7, Duration.ofSeconds(30)))
                .hasSize(7);
        List<ConsumerRecord<String, String>> all = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.ENTERPRISE, record -> true, Integer.MAX_VALUE, Duration.ofSeconds(5));

        Set<String> types = new HashSet<>();
        all.forEach(record -> types.add(JSON.readTree(record.value()).get("type").asString()));
        assertThat(types).containsAll(EventTypes.ALL.stream().filter(type -> EventTypes.topicOf(type).equals(Topics.ENTERPRISE)).toList());
        assertThat(all).allSatisfy(record -> assertThat(record.value())
                .doesNotContain("王建国", "13700001111", "wang.jianguo", "陈市长", "张伟明", "13812345678", "李秀英", "13987654321"));
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_record WHERE payload ~ '王建国|13700001111|wang\\.jianguo|陈市长'")
                .query(Long.class).single()).isZero();
    }

    private HttpResponse<String> put(String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + officerToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private long unmaskedReadsOf(String contactId) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'contact' AND entity_id = :id AND action = 'read-unmasked'")
                .param("id", contactId).query(Long.class).single();
    }

    private String register(String name) {
        ApiClient.Response created = officer.create("/api/enterprises", enterprise(name));
        return created.json().get("enterprise").get("id").asString();
    }
}
