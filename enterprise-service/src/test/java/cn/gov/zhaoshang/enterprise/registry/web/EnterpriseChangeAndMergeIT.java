package cn.gov.zhaoshang.enterprise.registry.web;

import static cn.gov.zhaoshang.enterprise.TestEnterprises.enterprise;
import static cn.gov.zhaoshang.enterprise.TestEnterprises.newUscc;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Changes to registered enterprises and merges of duplicate records, with their events. */
@PlatformIntegrationTest
class EnterpriseChangeAndMergeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    String token;
    ApiClient officer;

    @BeforeEach
    void clients() {
        token = PlatformServers.identityProvider().tokenFor("gx-registry-officer", "450000", "officer");
        officer = ApiClient.atPort(port).withToken(token);
    }

    @Test
    void aRenameKeepsTheOldNameFindableAndPublishesASchemaValidChangedEventAndAStaleVersionIs409() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String id = register("广西糖业" + marker + "有限公司");

        Map<String, Object> change = new HashMap<>(Map.of("version", 0, "nameZh", "广西糖业" + marker + "集团有限公司",
                "industryCode", "C1340", "chainTags", List.of("轻工业"), "listed", true));
        HttpResponse<String> changed = put("/api/enterprises/" + id, change);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(changed.body());
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(body.get("formerNames").valueStream().map(JsonNode::asString)).containsExactly("广西糖业" + marker + "有限公司");

        assertThat(officer.get("/api/enterprises?name=" + URLEncoder.encode("糖业" + marker + "有限", StandardCharsets.UTF_8))
                .json().get("items").valueStream().map(item -> item.get("id").asString())).containsExactly(id);
        assertThat(put("/api/enterprises/" + id, change).statusCode()).as("the version read is stale").isEqualTo(409);

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.ENTERPRISE, record -> id.equals(record.key()) && record.value().contains(EventTypes.ENTERPRISE_CHANGED),
                1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(EventSchemaValidator.shared().validate(records.getFirst().value())).isEmpty();
        JsonNode data = JSON.readTree(records.getFirst().value()).get("data");
        assertThat(data.get("changedFields").valueStream().map(JsonNode::asString))
                .contains("nameZh", "formerNames", "industryCode", "chainTags", "listed");
        assertThat(data.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aGroupCannotBecomeASubsidiaryOfItsOwnSubsidiary() throws Exception {
        String group = register("环江集团" + UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        Map<String, Object> subsidiary = enterprise("环江集团子公司" + UUID.randomUUID().toString().substring(0, 6));
        subsidiary.put("parentId", group);
        String subsidiaryId = officer.post("/api/enterprises", subsidiary).json().get("enterprise").get("id").asString();

        HttpResponse<String> cycle = put("/api/enterprises/" + group, Map.of("version", 0, "nameZh",
                officer.get("/api/enterprises/" + group).json().get("nameZh").asString(), "parentId", subsidiaryId));
        assertThat(cycle.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(cycle.body()).get("errors").get(0).get("rule").asString()).isEqualTo("NoCycle");
    }

    @Test
    void aListOnlyRecordMergedIntoTheRegisteredEnterpriseHandsOverItsMembershipsEngagementsAndContacts() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String survivor = register("南宁" + marker + "高新材料股份有限公司");
        String edition = officer.post("/api/list-editions", Map.of("enterpriseClass", "HIGH_TECH", "edition", "2024-" + marker,
                "publishedOn", "2024-12-01", "validYears", 3)).json().get("id").asString();
        // The certificate list names the enterprise differently, without its USCC: a list-only record.
        String csv = "序号,排名,企业名称,统一社会信用代码\r\n1,,南宁" + marker + "高新材料有限责任公司,\r\n";
        String importId = JSON.readTree(upload("/api/list-editions/" + edition + "/imports", csv)).get("id").asString();
        JsonNode row = officer.get("/api/edition-imports/" + importId + "/rows").json().get("items").get(0);
        if (row.get("match").asString().equals("REVIEW")) {
            officer.post("/api/edition-imports/" + importId + "/rows/2/resolution", Map.of("createNew", true));
        }
        assertThat(officer.post("/api/edition-imports/" + importId + "/apply", Map.of()).status()).isEqualTo(200);
        String duplicate = officer.get("/api/enterprises?name=" + URLEncoder.encode(marker + "高新材料有限责任", StandardCharsets.UTF_8))
                .json().get("items").get(0).get("id").asString();
        String contact = officer.post("/api/enterprises/" + duplicate + "/contacts", Map.of("name", "赵敏", "phone", "13600002222"))
                .json().get("id").asString();
        String engagement = officer.post("/api/engagements", Map.of("kind", "DOCKING", "orgUnit", "450000",
                "occurredOn", "2026-02-02", "enterpriseIds", List.of(duplicate), "outcome", "FOLLOW_UP")).json().get("id").asString();

        ApiClient.Response merged = officer.post("/api/enterprises/" + survivor + "/merges", Map.of("duplicateId", duplicate));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json().get("formerNames").valueStream().map(JsonNode::asString))
                .contains("南宁" + marker + "高新材料有限责任公司");

        assertThat(officer.get("/api/enterprises/" + duplicate).json().get("mergedInto").asString()).isEqualTo(survivor);
        assertThat(officer.get("/api/enterprises/" + survivor + "/classes?on=2025-06-01").json().get("classes").get(0)
                .get("enterpriseClass").asString()).isEqualTo("HIGH_TECH");
        assertThat(officer.get("/api/engagements/" + engagement).json().get("enterpriseIds").valueStream().map(JsonNode::asString))
                .containsExactly(survivor);
        assertThat(officer.get("/api/contacts/" + contact).json().get("enterpriseId").asString()).isEqualTo(survivor);
        assertThat(officer.get("/api/enterprises?name=" + URLEncoder.encode(marker + "高新材料有限责任", StandardCharsets.UTF_8))
                .json().get("items").valueStream().map(item -> item.get("id").asString())).containsExactly(survivor);

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.ENTERPRISE, record -> duplicate.equals(record.key()) && record.value().contains(EventTypes.ENTERPRISE_MERGED),
                1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(EventSchemaValidator.shared().validate(records.getFirst().value())).isEmpty();
        assertThat(JSON.readTree(records.getFirst().value()).get("data").get("survivorId").asString()).isEqualTo(survivor);
        assertThat(records.getFirst().value()).doesNotContain("赵敏", "13600002222");

        // Nothing new may refer to the merged record: it all belongs to the survivor now.
        assertThat(officer.post("/api/engagements", Map.of("kind", "VISIT", "orgUnit", "450000", "occurredOn", "2026-03-03",
                "enterpriseIds", List.of(duplicate), "outcome", "FOLLOW_UP")).status()).isEqualTo(400);
        assertThat(officer.post("/api/list-editions/" + edition + "/members", Map.of("enterpriseId", duplicate)).status())
                .isEqualTo(400);
    }

    @Test
    void twoRecordsWithDifferentUsccsAreNotMerged() {
        String first = register("合并冲突甲" + UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        String second = register("合并冲突乙" + UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        assertThat(officer.post("/api/enterprises/" + first + "/merges", Map.of("duplicateId", second)).status()).isEqualTo(409);
        assertThat(officer.get("/api/enterprises/" + second).json().get("mergedInto").isNull()).isTrue();
    }

    private String register(String name) {
        Map<String, Object> body = enterprise(name);
        body.put("uscc", newUscc());
        ApiClient.Response created = officer.create("/api/enterprises", body);
        return created.json().get("enterprise").get("id").asString();
    }

    private HttpResponse<String> put(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private String upload(String path, String csv) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
