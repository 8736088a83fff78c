package cn.gov.zhaoshang.reporting.cockpit;

import static cn.gov.zhaoshang.reporting.support.Events.registered;
import static cn.gov.zhaoshang.reporting.support.Events.targetSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.reporting.cockpit.web.Cockpit;
import cn.gov.zhaoshang.reporting.definitions.DefinitionEvents;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import cn.gov.zhaoshang.reporting.support.EventFeed;
import cn.gov.zhaoshang.reporting.support.Events;
import cn.gov.zhaoshang.reporting.support.Events.ProjectSpec;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.GeneratedOrgUnits;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cockpit's cache ({@link CockpitCache}) on the real database and topics: a kept answer is the
 * answer computed afresh, a consumed event that changes the figures is seen at once, the scope is
 * checked before the cache is asked, and readers running beside committed writes never get an answer
 * older than the last write. 梧州 and its counties (and 贵港, the other city) are generated units of
 * this class alone ({@link GeneratedOrgUnits}, named as the real ones).
 */
@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitCacheIT {

    private static final String GROUP = "reporting-service";
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final GeneratedOrgUnits UNITS = GeneratedOrgUnits.newTree().cityLike("450400").cityLike("450800").build();
    private static final String REGION = UNITS.twinOf("450000").code();
    private static final String WUZHOU = UNITS.twinOf("450400").code();
    private static final String WANXIU = UNITS.twinOf("450403").code();
    private static final String CHANGZHOU = UNITS.twinOf("450405").code();
    private static final String GUIGANG = UNITS.twinOf("450800").code();
    private static final String UNIT = WUZHOU;
    private static final String PERIOD = "2011-06-YTD";
    private static final String PATH = "/api/reports/units/" + UNIT + "/cockpit?period=" + PERIOD;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Cockpit cockpit;

    @Autowired
    OrgUnitDirectory orgUnits;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    ApiClient wuzhou;

    @BeforeAll
    void feed() {
        UNITS.makeKnownTo(GROUP);
        wuzhou = as("wz-viewer", UNIT, "viewer");
        DefinitionEvents.ensureDefaultVersion1();
        EventFeed.sendAndAwait(PlatformServers.kafka().bootstrapServers(), GROUP, List.of(
                targetSet(UNIT, 2011, Map.of("CONTRACT_INVESTMENT", "3000000000.00", "SIGNED_COUNT", "10")),
                signed(WANXIU, "1000000000.00", LocalDate.of(2011, 3, 10))), DEADLINE);
    }

    @Test
    void aKeptAnswerIsTheComputedOneUntilAConsumedEventChangesTheFigures() {
        String first = ok(wuzhou.get(PATH));
        double hits = gets("hit");
        double misses = gets("miss");
        String kept = ok(wuzhou.get(PATH));
        assertThat(gets("hit")).as("the second request is answered from the cache").isEqualTo(hits + 1);
        assertThat(gets("miss")).isEqualTo(misses);
        assertThat(kept).isEqualTo(first);
        assertThat(json.readTree(kept)).as("byte for byte the answer computed without the cache").isEqualTo(computed());
        BigDecimal before = contractInvestment(kept);

        EventFeed.sendAndAwait(PlatformServers.kafka().bootstrapServers(), GROUP,
                List.of(signed(CHANGZHOU, "500000000.00", LocalDate.of(2011, 4, 20))), DEADLINE);

        String after = ok(wuzhou.get(PATH));
        assertThat(contractInvestment(after)).as("the consumed signing counts at once")
                .isEqualByComparingTo(before.add(new BigDecimal("500000000.00")));
        assertThat(gets("miss")).isEqualTo(misses + 1);
        assertThat(json.readTree(after)).isEqualTo(computed());
        assertThat(ok(wuzhou.get(PATH))).isEqualTo(after);
        assertThat(gets("hit")).isEqualTo(hits + 2);
    }

    @Test
    void aCallerOutsideTheScopeIsRefusedEvenWhenTheAnswerIsKeptAndTheAnswerDoesNotDependOnTheCaller() {
        String kept = ok(wuzhou.get(PATH));
        assertThat(ok(wuzhou.get(PATH))).isEqualTo(kept);
        double asked = gets("hit") + gets("miss");

        assertThat(as("gg-viewer", GUIGANG, "viewer").get(PATH).status()).as("another city").isEqualTo(404);
        assertThat(as("wx-officer", WANXIU, "officer").get(PATH).status()).as("a county of the unit").isEqualTo(404);
        assertThat(gets("hit") + gets("miss")).as("the cache is not asked for a refused caller").isEqualTo(asked);

        double hits = gets("hit");
        assertThat(ok(as("gx-viewer", REGION, "viewer").get(PATH))).as("another caller in scope, the same answer")
                .isEqualTo(kept);
        assertThat(gets("hit")).isEqualTo(hits + 1);
    }

    /**
     * Readers beside a writer: the writer commits a new signed-count target for 梧州 20 times (written
     * directly, as a consumed target-set would write it: the triggers are what is under test), and each
     * reader checks that every answer shows at least the target committed before its request began.
     */
    @Test
    void concurrentReadersNeverGetAnAnswerOlderThanTheLastCommittedWrite() throws Exception {
        AtomicLong committed = new AtomicLong(10);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
        AtomicLong answers = new AtomicLong();
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                running.add(readers.submit(() -> {
                    while (writing.get()) {
                        long floor = committed.get();
                        BigDecimal target = signedCountTarget(ok(wuzhou.get(PATH)));
                        answers.incrementAndGet();
                        if (target.compareTo(BigDecimal.valueOf(floor)) < 0) {
                            stale.add("target " + target + " after " + floor + " was committed");
                        }
                    }
                }));
            }
            for (long target = 11; target <= 30; target++) {
                jdbc.sql("UPDATE unit_target SET value = :value WHERE org_unit_code = :unit AND year = 2011 AND figure = 'SIGNED_COUNT'")
                        .param("value", target).param("unit", UNIT).update();
                committed.set(target);
                // let the readers answer a few times from this version (some computed, some kept) before the next write
                long answered = answers.get();
                Awaitility.await("six answers read beside version " + target).atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(2)).until(() -> answers.get() >= answered + 6);
            }
            writing.set(false);
            for (Future<?> reader : running) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            readers.shutdownNow();
        }
        assertThat(stale).isEmpty();
        assertThat(answers.get()).as("answers read beside the writes").isGreaterThanOrEqualTo(20 * 6);
        assertThat(signedCountTarget(ok(wuzhou.get(PATH)))).isEqualByComparingTo("30");
    }

    // ------------------------------------------------------------------------------------ helpers

    private JsonNode computed() {
        OrgUnit unit = orgUnits.find(UNIT).orElseThrow();
        ReportPeriod period = ReportPeriod.parse(PERIOD);
        // through JSON text, as the HTTP answer is, so that numbers are compared as the client reads them
        OrgUnit parent = orgUnits.find(unit.parentCode()).orElseThrow();
        return json.readTree(json.writeValueAsString(cockpit.of(unit, parent, period, cockpit.warningMonth(period)).answer()));
    }

    private double gets(String result) {
        return meters.get("cache.gets").tag("cache", "reporting.cockpit").tag("result", result).functionCounter().count();
    }

    private BigDecimal contractInvestment(String body) {
        return new BigDecimal(json.readTree(body).get("cards").get("contractInvestment").get("actual").asString());
    }

    private BigDecimal signedCountTarget(String body) {
        return new BigDecimal(json.readTree(body).get("cards").get("signedCount").get("target").asString());
    }

    private static Events.Event signed(String county, String amount, LocalDate on) {
        return registered(new ProjectSpec(UUID.randomUUID(), county, "SIGNED", amount, on, false, true, List.of(), "EXPO",
                null, null, on));
    }

    private static String ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private ApiClient as(String user, String unit, String role) {
        return ApiClient.at("http://127.0.0.1:" + port).withToken(PlatformServers.identityProvider().tokenFor(user, unit, role));
    }
}
