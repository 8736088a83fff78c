package cn.gov.zhaoshang.project.library.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Acceptance 3, rule L1 only: the same project code, or the same name in the same city, lands in the review pool. */
@PlatformIntegrationTest
class DuplicateReviewApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guipingOfficer;
    ApiClient gangbeiOfficer;
    ApiClient nanningOfficer;
    ApiClient guigangOfficer;

    @BeforeEach
    void clients() {
        var idp = PlatformServers.identityProvider();
        ApiClient api = ApiClient.atPort(port);
        guipingOfficer = api.as(TestUser.GP_OFFICER);
        gangbeiOfficer = api.as(TestUser.GB_OFFICER);
        nanningOfficer = api.withToken(idp.tokenFor("nn-officer", "450102", "officer"));
        guigangOfficer = api.as(TestUser.GG_OFFICER);
    }

    @Test
    void theSameNameInAnotherCountyOfTheSameCityIsPooledUncountedAndWithoutItsEvent() {
        String original = register(guipingOfficer, "450881", "贵港市光伏组件制造项目", null).json().get("id").asString();

        ApiClient.Response duplicate = register(gangbeiOfficer, "450802", "贵港市 光伏组件制造（项目）", null);
        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(201);
        assertThat(duplicate.json().get("reviewStatus").asString()).isEqualTo("PENDING");
        String pooled = duplicate.json().get("id").asString();

        ApiClient.Response pool = guigangOfficer.get("/api/projects/review-pool?size=200");
        List<Map.Entry<String, String>> entries = pool.json().get("items").valueStream()
                .map(item -> Map.entry(item.get("project").get("id").asString(), item.get("duplicateOf").asString() + "/" + item.get("rule").asString()))
                .toList();
        assertThat(entries).contains(Map.entry(pooled, original + "/L1"));
        assertThat(guipingOfficer.get("/api/projects/review-pool?size=200").body()).doesNotContain(pooled);

        assertThat(gangbeiOfficer.post("/api/projects/" + pooled + "/funds", Map.of("month", "2026-10", "amount", "1.00",
                "evidence", Map.of("documentType", "BANK_VOUCHER", "documentNumber", "HD-1", "documentDate", "2026-10-31"))).status())
                .isEqualTo(409);
        assertThat(gangbeiOfficer.post("/api/projects/" + pooled + "/stage-moves", Map.of("to", "TERMINATED", "date", "2026-10-20"))
                .status()).isEqualTo(409);

        // The original's event arrives; the pooled project's only after it is kept as new.
        TopicReader.await(PlatformServers.kafka().bootstrapServers(), Topics.PROJECT, record -> original.equals(record.key()), 1,
                Duration.ofSeconds(30));
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_record WHERE record_key = :id").param("id", pooled)
                .query(Long.class).single()).isZero();

        ApiClient.Response kept = guigangOfficer.post("/api/projects/" + pooled + "/review-decision",
                Map.of("decision", "KEEP_AS_NEW", "note", "港北区另一期，非重复"));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.json().get("reviewStatus").asString()).isEqualTo("ACCEPTED");
        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.PROJECT, record -> pooled.equals(record.key()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().value()).contains(EventTypes.PROJECT_REGISTERED);
        assertThat(EventSchemaValidator.shared().validate(records.getFirst().value())).isEmpty();

        assertThat(guigangOfficer.post("/api/projects/" + pooled + "/review-decision", Map.of("decision", "REJECT")).status())
                .isEqualTo(409);
        assertThat(jdbc.sql("SELECT actor || ':' || (after->>'decision') FROM audit_log WHERE entity_id = :id AND action = 'review-decided'")
                .param("id", pooled).query(String.class).list()).containsExactly("gg-officer:KEEP_AS_NEW");
    }

    @Test
    void theSameProjectCodeInTheCityIsPooledAndARejectedOneStaysOut() {
        register(guipingOfficer, "450881", "桂平市糖业深加工", "GG-2026-0042");
        ApiClient.Response sameCode = register(gangbeiOfficer, "450802", "港北区食品加工园", "GG-2026-0042");
        assertThat(sameCode.json().get("reviewStatus").asString()).isEqualTo("PENDING");
        String pooled = sameCode.json().get("id").asString();

        assertThat(guipingOfficer.post("/api/projects/" + pooled + "/review-decision", Map.of("decision", "REJECT")).status())
                .isEqualTo(404);
        // the registering county does not decide on its own pooled project: the city holding both does (issue 25, finding 2)
        ApiClient.Response ownDecision = gangbeiOfficer.post("/api/projects/" + pooled + "/review-decision", Map.of("decision", "KEEP_AS_NEW"));
        assertThat(ownDecision.status()).isEqualTo(403);
        assertThat(ownDecision.body()).doesNotContain("450881", "桂平");
        ApiClient.Response rejected = guigangOfficer.post("/api/projects/" + pooled + "/review-decision", Map.of("decision", "REJECT"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("reviewStatus").asString()).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_record WHERE record_key = :id").param("id", pooled)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aClearlyDifferentProjectAndTheSameNameInAnotherCityAreNotPooled() {
        register(guipingOfficer, "450881", "桂平市林产化工项目", "GG-2026-0077");

        assertThat(register(guipingOfficer, "450881", "桂平市智能家居产业园", "GG-2026-0078").json().get("reviewStatus").asString())
                .isEqualTo("ACCEPTED");
        assertThat(register(nanningOfficer, "450102", "桂平市林产化工项目", "GG-2026-0077").json().get("reviewStatus").asString())
                .isEqualTo("ACCEPTED");
    }

    private static ApiClient.Response register(ApiClient officer, String unit, String name, String code) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "orgUnit", unit, "stage", "SIGNED",
                "contractAmount", "500000000.00", "signingDate", "2026-08-01", "industryCode", "C3825",
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-" + name.hashCode(),
                        "documentDate", "2026-08-01"))));
        if (code != null) {
            body.put("projectCode", code);
        }
        ApiClient.Response response = officer.create("/api/projects", body);
        return response;
    }
}
