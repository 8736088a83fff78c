package cn.gov.zhaoshang.reporting.close;

import static cn.gov.zhaoshang.reporting.support.Events.amended;
import static cn.gov.zhaoshang.reporting.support.Events.registered;
import static cn.gov.zhaoshang.reporting.support.Events.targetSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.reporting.definitions.DefinitionEvents;
import cn.gov.zhaoshang.reporting.support.EventFeed;
import cn.gov.zhaoshang.reporting.support.Events;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.GeneratedOrgUnits;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 6, acceptance 5, on the real topics: 贵港 and its five counties close March 2024 (long past
 * its deadline of 5 April 2024, so late) and the current month (on time); a project of 桂平 amended
 * after the close of June 2024 leaves the frozen month as it was and shows as a revision in July's
 * report. Each test closes a month of its own (January, February, March, June 2024, the current
 * month), so they run in any order. 贵港 and its counties here are generated units of this class
 * alone ({@link GeneratedOrgUnits}, named as the real ones), so no other class's closes or figures
 * meet them.
 */
@PlatformIntegrationTest
class PeriodCloseIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GROUP = "reporting-service";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final GeneratedOrgUnits UNITS = GeneratedOrgUnits.newTree()
            .city("贵港市", "港北区", "港南区", "覃塘区", "平南县", "桂平市").build();
    private static final String REGION = UNITS.region().code();
    private static final String GUIGANG = UNITS.city(0).code();
    private static final String GANGBEI = UNITS.county(0).code();
    private static final String GANGNAN = UNITS.county(1).code();
    private static final String QINTANG = UNITS.county(2).code();
    private static final String PINGNAN = UNITS.county(3).code();
    private static final String GUIPING = UNITS.county(4).code();
    private static final List<String> COUNTIES = List.of(GANGBEI, GANGNAN, QINTANG, PINGNAN, GUIPING);
    /** Signed in March 2024; its month is closed late. */
    private static final UUID PROJECT = UUID.randomUUID();
    /** Signed in June 2024; amended after June is closed. */
    private static final UUID AMENDED_PROJECT = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String kafka;
    ApiClient cityLeader;

    /** The events go out once per test JVM; the instance fields are set for every test. */
    private static boolean fed;

    @BeforeEach
    void feed() {
        kafka = PlatformServers.kafka().bootstrapServers();
        cityLeader = leaderOf(GUIGANG);
        if (fed) {
            return;
        }
        fed = true;
        UNITS.makeKnownTo(GROUP);
        DefinitionEvents.ensureDefaultVersion1();
        EventFeed.sendAndAwait(kafka, GROUP, List.of(
                targetSet(GUIGANG, 2024, Map.of("CONTRACT_INVESTMENT", "10000000000.00")),
                registered(new Events.ProjectSpec(PROJECT, GUIPING, "SIGNED", "1000000000.00", LocalDate.of(2024, 3, 10),
                        true, true, List.of(), null, null, null, LocalDate.of(2024, 3, 10))),
                registered(new Events.ProjectSpec(AMENDED_PROJECT, GUIPING, "SIGNED", "1000000000.00", LocalDate.of(2024, 6, 10),
                        true, true, List.of(), null, null, null, LocalDate.of(2024, 6, 10)))), DEADLINE);
    }

    @Test
    void aCityCannotCloseBeforeItsCounties() {
        ApiClient.Response refused = cityLeader.post("/api/reports/units/" + GUIGANG + "/closes", Map.of("month", "2024-01"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("openChildren").valueStream().map(child -> child.get("code").asString()))
                .containsExactlyElementsOf(COUNTIES);
        assertThat(refused.json().get("detail").asString()).contains(GUIPING);

        for (String county : COUNTIES.subList(0, 4)) {
            ApiClient.Response closed = leaderOf(county).post("/api/reports/units/" + county + "/closes", Map.of("month", "2024-01"));
            assertThat(closed.status()).as(closed.toString()).isEqualTo(201);
        }
        ApiClient.Response stillOne = cityLeader.post("/api/reports/units/" + GUIGANG + "/closes", Map.of("month", "2024-01"));
        assertThat(stillOne.status()).isEqualTo(409);
        assertThat(stillOne.json().get("openChildren").valueStream().map(child -> child.get("code").asString()))
                .containsExactly(GUIPING);
        assertThat(closeCount(GUIGANG, "2024-01")).isZero();
    }

    @Test
    void onlyALeaderClosesAndOnlyTheirOwnUnitWithinScope() {
        assertThat(leaderOf(GANGBEI).post("/api/reports/units/" + GUIPING + "/closes", Map.of("month", "2024-02")).status())
                .as("a sibling is outside the county's scope").isEqualTo(404);
        assertThat(cityLeader.post("/api/reports/units/" + GUIPING + "/closes", Map.of("month", "2024-02")).status())
                .as("the city does not close for its county").isEqualTo(403);
        ApiClient officer = ApiClient.atPort(port).withToken(UNITS.token("gp-officer", UNITS.county(4), "officer"));
        assertThat(officer.post("/api/reports/units/" + GUIPING + "/closes", Map.of("month", "2024-02")).status()).isEqualTo(403);
        ApiClient.Response badMonth = leaderOf(GUIPING).post("/api/reports/units/" + GUIPING + "/closes", Map.of("month", "2024-3"));
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.json().get("errors").get(0).get("field").asString()).isEqualTo("month");
        String future = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(2).toString();
        ApiClient.Response notYet = leaderOf(GUIPING).post("/api/reports/units/" + GUIPING + "/closes", Map.of("month", future));
        assertThat(notYet.status()).isEqualTo(400);
        assertThat(notYet.json().get("errors").get(0).get("field").asString()).isEqualTo("month");
        assertThat(notYet.json().get("errors").get(0).get("rule").asString()).isEqualTo("NotFuture");
        assertThat(closeCount(GUIPING, "2024-02")).isZero();
    }

    @Test
    void aCloseAfterTheDeadlineIsFlaggedLateAndShownInTheParentsStatusAndPublishedOnce() {
        closeCounties("2024-03", COUNTIES.subList(0, 4));
        ApiClient.Response guiping = leaderOf(GUIPING).post("/api/reports/units/" + GUIPING + "/closes", Map.of("month", "2024-03"));
        assertThat(guiping.status()).as(guiping.toString()).isEqualTo(201);
        assertThat(guiping.json().get("late").asBoolean()).isTrue();
        assertThat(guiping.json().get("deadline").asString()).isEqualTo("2024-04-05");

        ApiClient.Response city = cityLeader.create("/api/reports/units/" + GUIGANG + "/closes", Map.of("month", "2024-03"));
        JsonNode closed = city.json();
        assertThat(closed.get("late").asBoolean()).isTrue();
        assertThat(closed.get("definitionVersion").asInt()).isEqualTo(1);
        assertThat(closed.get("figures").get("CONTRACT_INVESTMENT_MONTH").asString()).isEqualTo("1000000000");
        assertThat(closed.get("figures").get("CONTRACT_INVESTMENT_YTD").asString()).isEqualTo("1000000000");
        assertThat(closed.get("figures").get("CONTRACT_INVESTMENT_COMPLETION_RATE").asString()).isEqualTo("0.1");
        assertThat(closed.get("figures").get("TIME_PROGRESS").asString()).isEqualTo("0.25");
        assertThat(closed.get("figures").get("FUNDS_IN_PLACE_COMPLETION_RATE").isNull()).as("no funds target").isTrue();
        assertThat(closed.get("revisions")).isEmpty();
        assertThat(cityLeader.post("/api/reports/units/" + GUIGANG + "/closes", Map.of("month", "2024-03")).status())
                .as("a month closes once").isEqualTo(409);

        JsonNode status = get(cityLeader, "/api/reports/units/" + GUIGANG + "/closes?month=2024-03");
        assertThat(status.get("unit").get("closed").asBoolean()).isTrue();
        assertThat(status.get("unit").get("late").asBoolean()).isTrue();
        assertThat(status.get("deadline").asString()).isEqualTo("2024-04-05");
        assertThat(status.get("items").valueStream().map(child -> child.get("orgUnit").asString()))
                .containsExactlyElementsOf(COUNTIES);
        assertThat(status.get("items").valueStream().allMatch(child -> child.get("closed").asBoolean()
                && child.get("late").asBoolean())).isTrue();

        String closeId = closed.get("closeId").asString();
        List<ConsumerRecord<String, String>> published = TopicReader.await(kafka, Topics.REPORT,
                record -> closeId.equals(record.key()), 2, Duration.ofSeconds(10));
        assertThat(published).as("one event for the close").hasSize(1);
        String event = published.getFirst().value();
        assertThat(EventSchemaValidator.shared().validate(event)).isEmpty();
        JsonNode envelope = JSON.readTree(event);
        assertThat(envelope.get("type").asString()).isEqualTo(EventTypes.REPORT_PUBLISHED);
        assertThat(envelope.get("orgpath").asString()).isEqualTo(REGION + "." + GUIGANG);
        JsonNode data = envelope.get("data");
        assertThat(data.get("orgUnit").asString()).isEqualTo(GUIGANG);
        assertThat(data.get("month").asString()).isEqualTo("2024-03");
        assertThat(data.get("late").asBoolean()).isTrue();
        assertThat(data.get("definitionVersion").asInt()).isEqualTo(1);
        assertThat(data.get("figures")).isEqualTo(closed.get("figures"));
        assertThat(data.get("figures").get("FUNDS_IN_PLACE_COMPLETION_RATE").isNull()).isTrue();
        assertThat(event).doesNotContain("gg-leader");

        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'period-close' AND action = 'closed'"
                        + " AND entity_id = '" + GUIGANG + ":2024-03' AND actor = 'gg-leader'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aClosedMonthKeepsItsNumbersAfterAnAmendmentAndTheNextMonthShowsTheRevision() {
        closeCounties("2024-06", COUNTIES);
        JsonNode frozen = cityLeader.create("/api/reports/units/" + GUIGANG + "/closes", Map.of("month", "2024-06")).json();
        assertThat(frozen.get("figures").get("CONTRACT_INVESTMENT_MONTH").asString()).isEqualTo("1000000000");
        assertThat(frozen.get("figures").get("CONTRACT_INVESTMENT_YTD").asString()).isEqualTo("2000000000");
        assertThat(frozen.get("figures").get("CONTRACT_INVESTMENT_COMPLETION_RATE").asString()).isEqualTo("0.2");

        EventFeed.sendAndAwait(kafka, GROUP, List.of(amended(AMENDED_PROJECT, GUIPING, 2, "1000000000.00", "1250000000.00", true,
                LocalDate.of(2024, 7, 20))), DEADLINE);
        assertThat(get(cityLeader, "/api/reports/units/" + GUIGANG + "?period=2024-06").get("contractInvestment").get("actual")
                .asString()).as("the live report follows the amendment").isEqualTo("1250000000.00");

        JsonNode closed = get(cityLeader, "/api/reports/units/" + GUIGANG + "/closes/2024-06");
        assertThat(closed.get("figures").get("CONTRACT_INVESTMENT_MONTH").asString()).isEqualTo("1000000000");
        assertThat(closed.get("figures").get("CONTRACT_INVESTMENT_COMPLETION_RATE").asString()).isEqualTo("0.2");
        JsonNode revision = closed.get("revisions").valueStream()
                .filter(r -> r.get("figure").asString().equals("CONTRACT_INVESTMENT_MONTH")).findFirst().orElseThrow();
        assertThat(revision.get("frozen").asString()).isEqualTo("1000000000");
        assertThat(revision.get("current").asString()).isEqualTo("1250000000");
        assertThat(revision.get("difference").asString()).isEqualTo("250000000");

        JsonNode july = get(cityLeader, "/api/reports/units/" + GUIGANG + "/revisions?month=2024-07");
        assertThat(july.get("items").valueStream().map(r -> r.get("month").asString() + " " + r.get("figure").asString()
                + " " + r.get("difference").asString()))
                .contains("2024-06 CONTRACT_INVESTMENT_MONTH 250000000", "2024-06 CONTRACT_INVESTMENT_YTD 250000000",
                        "2024-06 CONTRACT_INVESTMENT_COMPLETION_RATE 0.025");
        assertThat(july.get("items").valueStream().allMatch(r -> r.get("month").asString().equals("2024-06"))).isTrue();
        assertThat(get(cityLeader, "/api/reports/units/" + GUIGANG + "/revisions?month=2024-06").get("items"))
                .as("June's own report has no revisions of itself").isEmpty();
        assertThat(get(leaderOf(GANGBEI), "/api/reports/units/" + GANGBEI + "/revisions?month=2024-07").get("items"))
                .as("港北 had nothing corrected").isEmpty();
        assertThat(leaderOf(GANGBEI).get("/api/reports/units/" + GUIGANG + "/closes/2024-06").status()).isEqualTo(404);
    }

    @Test
    void aCloseByTheDeadlineIsNotLate() {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        for (String county : COUNTIES) {
            ApiClient.Response closed = leaderOf(county).post("/api/reports/units/" + county + "/closes", Map.of("month", month));
            assertThat(closed.status()).as(closed.toString()).isEqualTo(201);
            assertThat(closed.json().get("late").asBoolean()).isFalse();
        }
        ApiClient.Response city = cityLeader.create("/api/reports/units/" + GUIGANG + "/closes", Map.of("month", month));
        assertThat(city.json().get("late").asBoolean()).isFalse();
        assertThat(city.json().get("deadline").asString())
                .isEqualTo(YearMonth.parse(month).plusMonths(1).atDay(5).toString());
        JsonNode status = get(cityLeader, "/api/reports/units/" + GUIGANG + "/closes?month=" + month);
        assertThat(status.get("items").valueStream().noneMatch(child -> child.get("late").asBoolean())).isTrue();
    }

    private ApiClient leaderOf(String unit) {
        String name = unit.equals(GUIGANG) ? "gg-leader" : "leader-" + unit;
        return ApiClient.atPort(port)
                .withToken(PlatformServers.identityProvider().tokenFor(name, unit, "leader"));
    }

    private void closeCounties(String month, List<String> counties) {
        for (String county : counties) {
            leaderOf(county).create("/api/reports/units/" + county + "/closes", Map.of("month", month));
        }
    }

    private long closeCount(String unit, String month) {
        return jdbc.sql("SELECT count(*) FROM period_close WHERE org_unit_code = :unit AND month = :month")
                .param("unit", unit).param("month", YearMonth.parse(month).atDay(1)).query(Long.class).single();
    }

    private static JsonNode get(ApiClient client, String path) {
        ApiClient.Response response = client.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
