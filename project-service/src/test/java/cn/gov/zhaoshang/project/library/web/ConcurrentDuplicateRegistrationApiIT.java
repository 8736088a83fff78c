package cn.gov.zhaoshang.project.library.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import cn.gov.zhaoshang.project.duplicates.infrastructure.DuplicateCheckLocks;
import cn.gov.zhaoshang.project.duplicates.model.DuplicateKeys;
import cn.gov.zhaoshang.project.library.model.ProjectNames;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Duplicate checks of registrations running at the same moment, on the real PostgreSQL: two
 * registrations of one project end with one counted and the other pooled as its duplicate, for
 * every key a rule compares; and a registration waits only for those that could duplicate it, not
 * for every registration of its city (docs/projects.md, "Duplicate review").
 */
@PlatformIntegrationTest
class ConcurrentDuplicateRegistrationApiIT {

    private static final int ROUNDS = 3;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DuplicateCheckLocks locks;

    @Autowired
    PlatformTransactionManager transactionManager;

    ApiClient guipingOfficer;
    ApiClient gangbeiOfficer;
    ExecutorService threads = Executors.newFixedThreadPool(3);

    @BeforeEach
    void clients() {
        ApiClient api = ApiClient.atPort(port);
        guipingOfficer = api.as(TestUser.GP_OFFICER);
        gangbeiOfficer = api.as(TestUser.GB_OFFICER);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void twoRegistrationsOfOneProjectAtTheSameMomentEndWithOneCountedAndOnePooled() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            UUID investor = UUID.randomUUID();
            String phone = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
            // Each pair shares one key only, so each lock key is proved on its own.
            assertOnePooled("L1", body("并发同名项目" + tag, null), body("并发同名项目" + tag, null));
            assertOnePooled("L1", body("并发编码甲" + tag, b -> with(b, "projectCode", "BF-" + tag)),
                    body("并发编码乙" + tag, b -> with(b, "projectCode", "BF-" + tag)));
            assertOnePooled("L3", body("并发投资方甲" + tag, b -> with(b, "investorEnterpriseId", investor.toString())),
                    body("并发乙类储能" + tag, b -> with(b, "investorEnterpriseId", investor.toString())));
            assertOnePooled("L4", body("并发电话甲" + tag, b -> with(b, "investorContact", Map.of("name", "李四", "phone", phone))),
                    body("并发乙类物流" + tag, b -> with(b, "investorContact", Map.of("name", "王五", "phone", phone))));
            assertOnePooled("L4", body("并发选址甲" + tag, b -> with(b, "siteAddress", "桂平市并发园区" + tag)),
                    body("并发乙类冷链" + tag, b -> with(b, "siteAddress", "桂平市 并发园区 " + tag)));
        }
    }

    @Test
    void aRegistrationWaitsForOneThatCouldDuplicateItButNotForTheRestOfItsCity() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "锁定中的项目" + tag;
        DuplicateKeys held = new DuplicateKeys(UUID.randomUUID(), "450800", null, ProjectNames.normalize(name),
                null, "C3841", new BigDecimal("1.00"), null, null);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Another registration of that name, in the middle of its check: it holds the name's key.
        Future<?> holder = threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            locks.lockForCheck("450800", held.lockKeys());
            locked.countDown();
            await(release);
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            // An unrelated project of the same city goes through at once.
            ApiClient.Response unrelated = post(gangbeiOfficer, body("无关的项目" + tag, null));
            assertThat(unrelated.status()).as(unrelated.toString()).isEqualTo(201);
            assertThat(unrelated.json().get("reviewStatus").asString()).isEqualTo("ACCEPTED");

            // A project of the same name waits until the holder's transaction ends.
            Future<ApiClient.Response> sameName = threads.submit(() -> post(guipingOfficer, body(name, null)));
            // It is seen waiting for an advisory lock in PostgreSQL, not merely slow to arrive.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                    .sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                    .query(Long.class).single() > 0);
            assertThat(sameName).isNotDone();
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            ApiClient.Response waited = sameName.get(30, TimeUnit.SECONDS);
            assertThat(waited.status()).as(waited.toString()).isEqualTo(201);
            assertThat(waited.json().get("reviewStatus").asString()).isEqualTo("ACCEPTED");
        } finally {
            release.countDown();
        }
    }

    // Sends both at once (as near as two threads can) and checks that one is counted and the other pooled as its duplicate.
    private void assertOnePooled(String rule, Map<String, Object> first, Map<String, Object> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<ApiClient.Response>> sent = new ArrayList<>();
        sent.add(CompletableFuture.supplyAsync(() -> sendAt(start, guipingOfficer, first), threads));
        sent.add(CompletableFuture.supplyAsync(() -> sendAt(start, gangbeiOfficer, second), threads));
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<ApiClient.Response> answer : sent) {
            ApiClient.Response response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            ids.add(response.json().get("id").asString());
        }
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT id::text AS id, review_status, duplicate_of::text AS duplicate_of, duplicate_rule
                        FROM project WHERE id::text IN (:ids) ORDER BY review_status""")
                .param("ids", ids).query().listOfRows();
        assertThat(rows).as(first.get("name") + " / " + second.get("name")).hasSize(2);
        assertThat(rows.get(0)).containsEntry("review_status", "ACCEPTED").containsEntry("duplicate_of", null);
        assertThat(rows.get(1)).containsEntry("review_status", "PENDING")
                .containsEntry("duplicate_of", rows.get(0).get("id"))
                .containsEntry("duplicate_rule", rule);
    }

    private ApiClient.Response sendAt(CyclicBarrier start, ApiClient officer, Map<String, Object> body) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return post(officer, body);
    }

    // Each officer registers in its own county, both of 贵港市.
    private ApiClient.Response post(ApiClient officer, Map<String, Object> body) {
        body.put("orgUnit", officer == guipingOfficer ? "450881" : "450802");
        return officer.post("/api/projects", body);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    /** A signed project with its proof; its unit is the sending officer's. */
    private static Map<String, Object> body(String name, UnaryOperator<Map<String, Object>> more) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "stage", "SIGNED",
                "contractAmount", "200000000.00", "signingDate", "2026-09-01", "industryCode", "C3841",
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-" + name.hashCode(),
                        "documentDate", "2026-09-01"))));
        return more == null ? body : more.apply(body);
    }
}
