package cn.gov.zhaoshang.reporting.report;

import static cn.gov.zhaoshang.reporting.support.Events.amended;
import static cn.gov.zhaoshang.reporting.support.Events.engagement;
import static cn.gov.zhaoshang.reporting.support.Events.fundsCorrected;
import static cn.gov.zhaoshang.reporting.support.Events.fundsReported;
import static cn.gov.zhaoshang.reporting.support.Events.registered;
import static cn.gov.zhaoshang.reporting.support.Events.signingConfirmed;
import static cn.gov.zhaoshang.reporting.support.Events.stageChanged;
import static cn.gov.zhaoshang.reporting.support.Events.targetSet;
import static cn.gov.zhaoshang.reporting.support.Events.teamDefined;
import static cn.gov.zhaoshang.reporting.support.Events.terminated;
import static cn.gov.zhaoshang.reporting.support.Events.transferred;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.reporting.support.EventFeed;
import cn.gov.zhaoshang.reporting.support.Events.Event;
import cn.gov.zhaoshang.reporting.support.Events.ProjectSpec;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.GeneratedOrgUnits;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6, acceptance 1, 2 and 6: the worked Guigang example of metrics.md (January–October 2022,
 * with last year's records), reproduced from events sent through the real topics. The records are
 * built so that their sums are exactly the published figures; around them are records that must
 * not count (terminated this year and last, signings still waiting for confirmation, a project
 * transferred away, months outside the period) and records that must (a project transferred in,
 * an amendment, a funds correction, a confirmation). Pooled projects never reach reporting: project-
 * service publishes no {@code registered} event for them until they are kept as new
 * ({@code DuplicateReviewApiIT}), so they are excluded by construction. The events are sent once,
 * before the tests; each test leaves the figures as they were, so the tests run in any order.
 * 贵港, its counties and 南宁's 兴宁 (where a project is transferred from) are generated units of this
 * class alone ({@link GeneratedOrgUnits}, named as the real ones): the figures are metrics.md's, the
 * codes are fresh, so no other class's records meet them. The rebuild and reconcile of the read
 * model are of the whole database, as an admin runs them.
 */
@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuigangWorkedExampleIT {

    private static final GeneratedOrgUnits UNITS = GeneratedOrgUnits.newTree().cityLike("450800").cityLike("450100").build();
    private static final String XINGNING = UNITS.twinOf("450102").code();
    private static final String GUIGANG = UNITS.twinOf("450800").code();
    private static final String GANGBEI = UNITS.twinOf("450802").code();
    private static final String GANGNAN = UNITS.twinOf("450803").code();
    private static final String QINTANG = UNITS.twinOf("450804").code();
    private static final String PINGNAN = UNITS.twinOf("450821").code();
    private static final String GUIPING = UNITS.twinOf("450881").code();
    private static final String GROUP = "reporting-service";
    private static final Duration DEADLINE = Duration.ofSeconds(180);
    private static final String[] COUNTIES = {GANGBEI, GANGNAN, QINTANG, PINGNAN, GUIPING};
    private static final String PERIOD = "2022-10-YTD";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guigang;
    String kafka;
    final List<Event> events = new ArrayList<>();
    final List<UUID> teams = new ArrayList<>();
    int nextDay;

    // what the construction itself says the report must show beyond metrics.md's figures
    int landedBy = 0;
    int startedBy = 0;
    int intake = 0;
    int intakeLastYear = 0;
    BigDecimal fundsOfThisYearsProjects = BigDecimal.ZERO;
    int atLeast1Billion = 0;
    int atLeast10Billion = 0;
    int atLeast20Billion = 0;
    int team0Docked = 0;

    @BeforeAll
    void setUp() {
        kafka = PlatformServers.kafka().bootstrapServers();
        UNITS.makeKnownTo(GROUP);
        guigang = ApiClient.atPort(port)
                .withToken(PlatformServers.identityProvider().tokenFor("gg-leader", GUIGANG, "leader"));
        build();
        EventFeed.sendAndAwait(kafka, GROUP, events, DEADLINE);
    }

    @Test
    void theReportShowsThePublishedFiguresOfGuigang() {
        assertGuigangFigures(report(GUIGANG));
    }

    @Test
    void terminatedAndUnconfirmedProjectsAreLeftOutAndAUnitWithoutTargetsHasNullCompletion() {
        JsonNode guiping = report(GUIPING);
        assertThat(guiping.get("contractInvestment").get("target").isNull()).isTrue();
        assertThat(guiping.get("contractInvestment").get("completion").isNull()).isTrue();
        assertThat(guiping.get("fundsInPlace").get("completion").isNull()).isTrue();
        assertThat(guiping.get("manufacturingShare").get("gap").isNull()).isTrue();
        assertThat(guiping.get("contractInvestment").get("yearOnYear").isNull()).isFalse();
        // the counties add up to the city, so nothing counted is outside them and nothing is counted twice
        long signed = 0;
        BigDecimal contract = BigDecimal.ZERO;
        BigDecimal funds = BigDecimal.ZERO;
        for (String county : COUNTIES) {
            JsonNode report = report(county);
            signed += report.get("signedCount").get("actual").asLong();
            contract = contract.add(new BigDecimal(report.get("contractInvestment").get("actual").asString()));
            funds = funds.add(new BigDecimal(report.get("fundsInPlace").get("lastYear").asString()));
        }
        assertThat(signed).isEqualTo(247);
        assertThat(contract).isEqualByComparingTo("89015000000.00");
        assertThat(funds).isEqualByComparingTo("42733000000.00");
    }

    @Test
    void everyEventDeliveredTwiceLeavesEveryFigureUnchanged() {
        String before = report(GUIGANG).toString();
        List<String> children = List.of(guigang.get("/api/reports/units/" + GUIGANG + "/children?period=" + PERIOD).body());
        EventFeed.sendAndAwait(kafka, GROUP, events, DEADLINE);
        assertThat(report(GUIGANG).toString()).isEqualTo(before);
        assertThat(guigang.get("/api/reports/units/" + GUIGANG + "/children?period=" + PERIOD).body()).isEqualTo(children.getFirst());
        assertGuigangFigures(report(GUIGANG));
    }

    @Test
    void aRebuildFromTheTopicsGivesTheSameFiguresAndReconcilesWithThem() {
        String city = report(GUIGANG).toString();
        String children = guigang.get("/api/reports/units/" + GUIGANG + "/children?period=" + PERIOD).body();
        String lastYear = guigang.get("/api/reports/units/" + GUIGANG + "?period=2021").body();
        ApiClient admin = ApiClient.atPort(port)
                .as(TestUser.GX_ADMIN);
        assertThat(guigang.post("/actuator/readmodels/rebuild", "{}").status()).isEqualTo(403);

        // a replay of every topic, answered when done: slower than the 30 s of other requests on a busy machine
        ApiClient.Response rebuilt = admin.withTimeout(Duration.ofMinutes(5)).post("/actuator/readmodels/rebuild", "{}");
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.json().get("applied").asLong()).isGreaterThanOrEqualTo(events.size());

        assertThat(report(GUIGANG).toString()).isEqualTo(city);
        assertThat(guigang.get("/api/reports/units/" + GUIGANG + "/children?period=" + PERIOD).body()).isEqualTo(children);
        assertThat(guigang.get("/api/reports/units/" + GUIGANG + "?period=2021").body()).isEqualTo(lastYear);
        assertGuigangFigures(report(GUIGANG));

        ApiClient.Response reconciled = admin.get("/actuator/readmodels/reconcile");
        assertThat(reconciled.status()).as(reconciled.toString()).isEqualTo(200);
        assertThat(reconciled.json().get("unitYearsCompared").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(reconciled.json().get("differences")).as(reconciled.body()).isEmpty();
    }

    @Test
    void reconcileNamesAUnitYearWhoseAggregateDriftedFromTheTopic() {
        ApiClient admin = ApiClient.atPort(port)
                .as(TestUser.GX_ADMIN);
        int changed = jdbc.sql("""
                UPDATE unit_month_signing SET contract_investment = contract_investment + 0.01
                WHERE org_unit_code = :unit AND month = DATE '2022-03-01'""").param("unit", QINTANG).update();
        assertThat(changed).isEqualTo(1);
        try {
            JsonNode differences = admin.get("/actuator/readmodels/reconcile").json().get("differences");
            assertThat(differences).hasSize(1);
            JsonNode difference = differences.get(0);
            assertThat(difference.get("orgUnit").asString()).isEqualTo(QINTANG);
            assertThat(difference.get("year").asInt()).isEqualTo(2022);
            assertThat(new BigDecimal(difference.get("aggregates").get("contractInvestment").asString())
                    .subtract(new BigDecimal(difference.get("source").get("contractInvestment").asString())))
                    .isEqualByComparingTo("0.01");
        } finally {
            jdbc.sql("""
                    UPDATE unit_month_signing SET contract_investment = contract_investment - 0.01
                    WHERE org_unit_code = :unit AND month = DATE '2022-03-01'""").param("unit", QINTANG).update();
        }
    }

    @Test
    void aDatabaseMarkedByTheUpgradeIsRebuiltOnceAndKeepsItsFigures(
            @Autowired cn.gov.zhaoshang.reporting.readmodel.application.RebuildAfterUpgrade upgrade) {
        String city = report(GUIGANG).toString();
        jdbc.sql("INSERT INTO read_model_state (name) VALUES ('rebuild-required')").update();
        // as if the slice had never applied what came after project.registered
        jdbc.sql("TRUNCATE unit_month_funds, project_funds").update();
        assertThat(report(GUIGANG).get("fundsInPlace").get("actual").asString()).isEqualTo("0.00");

        upgrade.rebuildIfMarked();

        assertThat(jdbc.sql("SELECT count(*) FROM read_model_state").query(Long.class).single()).isZero();
        assertThat(report(GUIGANG).toString()).isEqualTo(city);
    }

    private void assertGuigangFigures(JsonNode r) {
        assertThat(r.get("period").asString()).isEqualTo(PERIOD);
        assertThat(r.get("timeProgress").get("percent").asString()).isEqualTo("83.33");

        JsonNode signed = r.get("signedCount");
        assertThat(signed.get("actual").asString()).isEqualTo("247");
        JsonNode contract = r.get("contractInvestment");
        assertThat(contract.get("actual").asString()).isEqualTo("89015000000.00");
        assertThat(contract.get("actualYi").asString()).isEqualTo("890.15");
        assertThat(contract.get("completion").get("percent").asString()).isEqualTo("118.69");
        assertThat(contract.get("yearOnYear").get("percent").asString()).isEqualTo("11.73");
        assertThat(contract.get("lastYear").asString()).isEqualTo("79670000000.00");
        assertThat(contract.get("lastYearYi").asString()).isEqualTo("796.70");
        // 118.69% against 83.33% of the year: 35.4 points ahead (exact: 89015/75000 − 10/12)
        assertThat(contract.get("progressGap").get("points").asString()).isEqualTo("35.4");

        assertThat(r.get("manufacturingCount").get("actual").asString()).isEqualTo("211");
        assertThat(r.get("manufacturingInvestment").get("actualYi").asString()).isEqualTo("591.97");
        assertThat(r.get("manufacturingShare").get("actual").get("percent").asString()).isEqualTo("66.50");
        assertThat(r.get("manufacturingShare").get("targetPercent").asString()).isEqualTo("45");
        assertThat(r.get("manufacturingShare").get("gap").get("points").asString()).isEqualTo("21.5");

        JsonNode funds = r.get("fundsInPlace");
        assertThat(funds.get("actual").asString()).isEqualTo("54972000000.00");
        assertThat(funds.get("actualYi").asString()).isEqualTo("549.72");
        assertThat(funds.get("completion").get("percent").asString()).isEqualTo("105.72");
        assertThat(funds.get("yearOnYear").get("percent").asString()).isEqualTo("28.64");
        assertThat(funds.get("lastYear").asString()).isEqualTo("42733000000.00");
        assertThat(funds.get("lastYearYi").asString()).isEqualTo("427.33");
        assertThat(r.get("fundsToContract").get("numerator").asString())
                .isEqualTo(fundsOfThisYearsProjects.setScale(2).toPlainString());
        assertThat(r.get("fundsToContract").get("denominator").asString()).isEqualTo("89015000000.00");

        JsonNode teams = r.get("residentTeams").get("total");
        assertThat(teams.get("docked").asLong()).isEqualTo(1811);
        assertThat(teams.get("visited").asLong()).isEqualTo(976);
        assertThat(teams.get("visitReturnRate").get("percent").asString()).isEqualTo("53.89");
        assertThat(teams.get("intentCount").asLong()).isEqualTo(361);
        assertThat(teams.get("intentAmountYi").asString()).isEqualTo("1904.86");
        assertThat(teams.get("signedCount").get("actual").asString()).isEqualTo("179");
        assertThat(teams.get("signedInvestment").get("actualYi").asString()).isEqualTo("729.02");
        assertThat(teams.get("signedInvestment").get("targetYi").asString()).isEqualTo("350.00");
        assertThat(teams.get("signedInvestment").get("completion").get("percent").asString()).isEqualTo("208.29");
        JsonNode firstTeam = teamFunnel(r, this.teams.getFirst());
        assertThat(firstTeam.get("docked").asLong()).isEqualTo(team0Docked);
        long dockedOverKeyAreas = 0;
        for (JsonNode area : r.get("residentTeams").get("keyAreas")) {
            dockedOverKeyAreas += area.get("funnel").get("docked").asLong();
        }
        // an enterprise docked by teams of two key areas counts in both areas, once for the city
        assertThat(dockedOverKeyAreas).isGreaterThan(1811);

        assertThat(r.get("top500").get("fortuneGlobal500").get("actual").asString()).isEqualTo("10");
        assertThat(r.get("top500").get("china500").get("actual").asString()).isEqualTo("10");
        assertThat(r.get("top500").get("chinaPrivate500").get("actual").asString()).isEqualTo("3");
        assertThat(r.get("top500").get("chinaManufacturing500").get("actual").asString()).isEqualTo("5");
        assertThat(r.get("top500").get("threeClasses").get("actual").asString()).isEqualTo("13");
        assertThat(r.get("top500").get("fourClasses").get("actual").asString()).isEqualTo("18");
        assertThat(r.get("sizeBands").get("atLeast100Million").get("actual").asString()).isEqualTo("247");
        assertThat(r.get("sizeBands").get("atLeast1Billion").get("actual").asString()).isEqualTo(String.valueOf(atLeast1Billion));
        assertThat(r.get("sizeBands").get("atLeast10Billion").get("actual").asString()).isEqualTo(String.valueOf(atLeast10Billion));
        assertThat(r.get("sizeBands").get("atLeast20Billion").get("actual").asString()).isEqualTo(String.valueOf(atLeast20Billion));
        assertThat(atLeast1Billion).isEqualTo(4);
        assertThat(atLeast20Billion).isEqualTo(1);

        assertThat(r.get("landingRate").get("actual").get("numerator").asString()).isEqualTo(String.valueOf(landedBy));
        assertThat(r.get("landingRate").get("actual").get("denominator").asString()).isEqualTo("247");
        assertThat(r.get("startRate").get("actual").get("numerator").asString()).isEqualTo(String.valueOf(startedBy));
        assertThat(r.get("libraryIntake").get("actual").asString()).isEqualTo(String.valueOf(intake));
        assertThat(r.get("libraryIntake").get("lastYear").asString()).isEqualTo(String.valueOf(intakeLastYear));

        assertThat(r.get("fdi").get("contractedUsd").asString()).isEqualTo("6000000.00");
        assertThat(r.get("fdi").get("actuallyUsedUsd").isNull()).isTrue();
        assertThat(r.get("fdi").get("actuallyUsedMissingBecause").asString()).contains("实际利用外资");

        JsonNode leaders = r.get("leaderActivities");
        assertThat(leaders).hasSize(2);
        assertThat(leaders.get(0).get("leaderUnit").asString()).isEqualTo(GUIGANG);
        assertThat(leaders.get(0).get("role").asString()).isEqualTo("PRINCIPAL");
        assertThat(leaders.get(0).get("halfYear").asString()).isEqualTo("2022-H2");
        assertThat(leaders.get(0).get("tripsToKeyAreas").asLong()).isEqualTo(2);
        assertThat(leaders.get(0).get("requiredPerPerson").asString()).isEqualTo("1");
        assertThat(leaders.get(1).get("leaderUnit").asString()).isEqualTo(GUIPING);
        assertThat(leaders.get(1).get("tripsToKeyAreas").asLong()).isEqualTo(1);
        assertThat(leaders.get(1).get("requiredPerPerson").asString()).isEqualTo("2");
    }

    private static JsonNode teamFunnel(JsonNode report, UUID team) {
        for (JsonNode t : report.get("residentTeams").get("teams")) {
            if (t.get("teamId").asString().equals(team.toString())) {
                return t.get("funnel");
            }
        }
        throw new AssertionError("team " + team + " is not in the report");
    }

    JsonNode report(String unit) {
        ApiClient.Response response = guigang.get("/api/reports/units/" + unit + "?period=" + PERIOD);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    // ---------------------------------------------------------------- the records behind the figures

    private void build() {
        events.add(targetSet(GUIGANG, 2022, Map.of("CONTRACT_INVESTMENT", "75000000000.00",
                "FUNDS_IN_PLACE", "52000000000.00", "MANUFACTURING_SHARE", "45", "RESIDENT_TEAM_CONTRACT", "35000000000.00")));
        String[] areas = {"GBA", "GBA", "GBA", "YRD", "YRD", "BTH", "BTH"};
        for (int i = 0; i < 7; i++) {
            UUID team = UUID.randomUUID();
            teams.add(team);
            events.add(teamDefined(team, GUIGANG, "贵港驻点招商工作队" + (i + 1), areas[i], Map.of()));
        }
        List<UUID> thisYear = thisYearsProjects();
        List<UUID> lastYear = lastYearsProjects();
        funds(thisYear, lastYear);
        engagements();
    }

    /**
     * 247 counted projects of 2022: manufacturing and resident-team 150 (500亿), manufacturing only 61
     * (91.97亿), resident-team only 29 (229.02亿), neither 7 (69.16亿): 890.15亿, of which
     * manufacturing 591.97亿 and resident teams 729.02亿.
     */
    private List<UUID> thisYearsProjects() {
        List<UUID> counted = new ArrayList<>();
        int[] sizes = {150, 61, 29, 7};
        String[] totals = {"50000000000.00", "9197000000.00", "22902000000.00", "6916000000.00"};
        boolean[] manufacturing = {true, true, false, false};
        boolean[] resident = {true, false, true, false};
        int index = 0;
        for (int group = 0; group < 4; group++) {
            List<BigDecimal> amounts = group == 0
                    // one project of 210亿 (in every band) and 149 sharing 290亿
                    ? prepend(new BigDecimal("21000000000.00"), split(new BigDecimal("29000000000.00"), 149))
                    : group == 3
                    ? List.of(new BigDecimal("3000000000.00"), new BigDecimal("2000000000.00"), new BigDecimal("1000000000.00"),
                            new BigDecimal("500000000.00"), new BigDecimal("200000000.00"), new BigDecimal("116000000.00"),
                            new BigDecimal("100000000.00"))
                    : split(new BigDecimal(totals[group]), sizes[group]);
            for (BigDecimal amount : amounts) {
                UUID id = UUID.randomUUID();
                String county = COUNTIES[index % COUNTIES.length];
                LocalDate signing = LocalDate.of(2022, 1 + index % 10, 1 + index % 28);
                List<String> classes = index < 10 ? List.of("FORTUNE_GLOBAL_500", "CHINA_500")
                        : index < 15 ? List.of("CHINA_MANUFACTURING_500", "HIGH_TECH")
                        : index < 18 ? List.of("CHINA_PRIVATE_500") : List.of();
                UUID team = resident[group] ? teams.get(index % teams.size()) : null;
                String fdi = index >= 20 && index < 24 ? "1500000.00" : null;
                countBands(amount);
                if (index % 12 == 5) {
                    // negotiated first, signed by a move that carries the amount and the class snapshot
                    events.add(registered(new ProjectSpec(id, county, "NEGOTIATING", null, null, manufacturing[group], true,
                            List.of(), resident[group] ? "RESIDENT_TEAM" : "EXPO", team, fdi, signing.withDayOfMonth(1))));
                    events.add(stageChanged(id, county, "NEGOTIATING", "SIGNED", signing, amount.toPlainString(), signing,
                            true, classes));
                } else if (index % 50 == 7) {
                    // waits for a leader's confirmation, which comes
                    events.add(registered(new ProjectSpec(id, county, "SIGNED", amount.toPlainString(), signing,
                            manufacturing[group], false, classes, resident[group] ? "RESIDENT_TEAM" : "EXPO", team, fdi, signing)));
                    events.add(signingConfirmed(id, county, signing));
                } else {
                    events.add(registered(new ProjectSpec(id, county, "SIGNED", amount.toPlainString(), signing,
                            manufacturing[group], true, classes, resident[group] ? "RESIDENT_TEAM" : "EXPO", team, fdi, signing)));
                }
                if (index % 3 == 0) {
                    LocalDate landed = signing.plusDays(10);
                    events.add(stageChanged(id, county, "SIGNED", "LANDED", landed, amount.toPlainString(), signing, null, null));
                    if (!landed.isAfter(LocalDate.of(2022, 10, 31))) {
                        landedBy++;
                    }
                    if (index % 6 == 0) {
                        LocalDate started = landed.plusDays(25);
                        events.add(stageChanged(id, county, "LANDED", "STARTED", started, amount.toPlainString(), signing,
                                null, null));
                        if (!started.isAfter(LocalDate.of(2022, 10, 31))) {
                            startedBy++;
                        }
                    }
                }
                counted.add(id);
                index++;
            }
        }
        intake += 247;
        // not counted: terminated after signing, signings never confirmed, signed after October
        for (int i = 0; i < 6; i++) {
            UUID id = UUID.randomUUID();
            LocalDate signing = LocalDate.of(2022, 3 + i, 10);
            events.add(registered(new ProjectSpec(id, COUNTIES[i % 5], "SIGNED", "3000000000.00", signing, true, true,
                    List.of("FORTUNE_GLOBAL_500"), "RESIDENT_TEAM", teams.getFirst(), "900000.00", signing)));
            events.add(fundsReported(id, COUNTIES[i % 5], "2022-0" + (3 + i), "800000000.00"));
            events.add(terminated(id, COUNTIES[i % 5], "SIGNED", signing.plusDays(40)));
        }
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            LocalDate signing = LocalDate.of(2022, 4 + i, 15);
            events.add(registered(new ProjectSpec(id, COUNTIES[i], "SIGNED", "2000000000.00", signing, false, false,
                    List.of(), "EXPO", null, null, signing)));
            intake++;
        }
        UUID november = UUID.randomUUID();
        events.add(registered(new ProjectSpec(november, GUIPING, "SIGNED", "4000000000.00", LocalDate.of(2022, 11, 3), true,
                true, List.of(), "EXPO", null, null, LocalDate.of(2022, 11, 3))));
        return counted;
    }

    /**
     * 200 counted projects of January–October 2021 worth 796.70亿: 198 registered in Guigang (780亿),
     * one transferred in from Nanning later (6.70亿), one amended from 5亿 to 10亿. Not counted: one
     * transferred away to Nanning, one terminated.
     */
    private List<UUID> lastYearsProjects() {
        List<UUID> counted = new ArrayList<>();
        List<BigDecimal> amounts = split(new BigDecimal("78000000000.00"), 198);
        for (int i = 0; i < amounts.size(); i++) {
            UUID id = UUID.randomUUID();
            LocalDate signing = LocalDate.of(2021, 1 + i % 10, 1 + i % 28);
            events.add(registered(new ProjectSpec(id, COUNTIES[i % 5], "SIGNED", amounts.get(i).toPlainString(), signing,
                    i % 2 == 0, true, List.of(), "EXPO", null, null, signing)));
            counted.add(id);
        }
        UUID transferredIn = UUID.randomUUID();
        events.add(registered(new ProjectSpec(transferredIn, XINGNING, "SIGNED", "670000000.00", LocalDate.of(2021, 5, 5),
                true, true, List.of(), "EXPO", null, null, LocalDate.of(2021, 5, 5))));
        events.add(transferred(transferredIn, XINGNING, GANGBEI, "SIGNED", LocalDate.of(2022, 2, 1)));
        counted.add(transferredIn);
        UUID amendedUp = UUID.randomUUID();
        events.add(registered(new ProjectSpec(amendedUp, GANGNAN, "SIGNED", "500000000.00", LocalDate.of(2021, 6, 6),
                true, true, List.of(), "EXPO", null, null, LocalDate.of(2021, 6, 6))));
        events.add(amended(amendedUp, GANGNAN, 2, "500000000.00", "1000000000.00", true, LocalDate.of(2022, 1, 9)));
        counted.add(amendedUp);
        intakeLastYear = 200;

        UUID transferredAway = UUID.randomUUID();
        events.add(registered(new ProjectSpec(transferredAway, GUIPING, "SIGNED", "300000000.00", LocalDate.of(2021, 7, 7),
                true, true, List.of(), "EXPO", null, null, LocalDate.of(2021, 7, 7))));
        events.add(fundsReported(transferredAway, GUIPING, "2021-08", "100000000.00"));
        events.add(transferred(transferredAway, GUIPING, XINGNING, "SIGNED", LocalDate.of(2022, 3, 1)));
        UUID terminatedLastYear = UUID.randomUUID();
        events.add(registered(new ProjectSpec(terminatedLastYear, QINTANG, "SIGNED", "400000000.00", LocalDate.of(2021, 8, 8),
                true, true, List.of(), "EXPO", null, null, LocalDate.of(2021, 8, 8))));
        events.add(fundsReported(terminatedLastYear, QINTANG, "2021-09", "100000000.00"));
        events.add(terminated(terminatedLastYear, QINTANG, "SIGNED", LocalDate.of(2022, 1, 20)));
        return counted;
    }

    /**
     * 2022 (January–October): 549.72亿, of which 400亿 on this year's projects and 149.72亿 on last
     * year's (continuing projects), one of them corrected. 2021: 427.33亿, 7.33亿 of it on the
     * project transferred in. Outside: November 2022.
     */
    private void funds(List<UUID> thisYear, List<UUID> lastYear) {
        List<BigDecimal> onThisYears = split(new BigDecimal("40000000000.00"), 120);
        for (int i = 0; i < onThisYears.size(); i++) {
            UUID project = thisYear.get(i * 2);
            events.add(fundsReported(project, countyOf(project), "2022-10", onThisYears.get(i).toPlainString()));
        }
        fundsOfThisYearsProjects = new BigDecimal("40000000000.00");
        List<BigDecimal> onLastYears = split(new BigDecimal("14972000000.00"), 60);
        for (int i = 0; i < onLastYears.size(); i++) {
            UUID project = lastYear.get(i);
            String month = String.format("2022-%02d", 1 + i % 10);
            if (i == 0) {
                events.add(fundsReported(project, countyOf(project), month, "1.00"));
                events.add(fundsCorrected(project, countyOf(project), month, 2, onLastYears.get(i).toPlainString(), "1.00"));
            } else {
                events.add(fundsReported(project, countyOf(project), month, onLastYears.get(i).toPlainString()));
            }
        }
        events.add(fundsReported(lastYear.get(100), countyOf(lastYear.get(100)), "2022-11", "999000000.00"));
        List<BigDecimal> in2021 = split(new BigDecimal("42000000000.00"), 100);
        for (int i = 0; i < in2021.size(); i++) {
            UUID project = lastYear.get(i);
            events.add(fundsReported(project, countyOf(project), "2021-10", in2021.get(i).toPlainString()));
        }
        UUID transferredIn = lastYear.get(198);
        events.add(fundsReported(transferredIn, XINGNING, "2021-09", "733000000.00"));
    }

    /**
     * 1,811 enterprises docked by Guigang's teams in 2022 (150 of them by a second team of another key
     * area), 976 of them came to visit (50 twice), 40 visitors never docked; 361 of the dockings
     * ended in an intent worth 1,904.86亿 in all; dockings without a team do not count. Leader trips:
     * the city principal twice to GBA and once elsewhere, 桂平's principal once to YRD.
     */
    private void engagements() {
        List<BigDecimal> intentAmounts = split(new BigDecimal("190486000000.00"), 361);
        for (int i = 0; i < 1811; i++) {
            UUID enterprise = UUID.randomUUID();
            UUID team = teams.get(i % 7);
            if (i % 7 == 0) {
                team0Docked++;
            }
            LocalDate docked = LocalDate.of(2022, 1 + i % 9, 1 + i % 28);
            String county = COUNTIES[i % 5];
            boolean intent = i < 361;
            events.add(engagement("DOCKING", county, team, docked, enterprise, intent ? "INTENT" : "FOLLOW_UP",
                    intent ? intentAmounts.get(i).toPlainString() : null, null, null, null));
            if (i % 12 == 1 && i < 1800) {
                // docked again by a team of another key area (index 3 is YRD, 5 is BTH; team i%7 differs)
                UUID other = teams.get(i % 7 < 3 ? 5 : 0);
                events.add(engagement("DOCKING", county, other, docked.plusDays(1), enterprise, "FOLLOW_UP", null, null, null, null));
                if (other.equals(teams.getFirst())) {
                    team0Docked++;
                }
            }
            if (i < 976) {
                events.add(engagement("VISIT", county, null, docked.plusDays(20), enterprise, "FOLLOW_UP", null, null, null, null));
                if (i < 50) {
                    events.add(engagement("VISIT", GUIGANG, null, docked.plusDays(25), enterprise, "FOLLOW_UP", null, null,
                            null, null));
                }
            }
        }
        for (int i = 0; i < 40; i++) {
            events.add(engagement("VISIT", GANGBEI, null, LocalDate.of(2022, 5, 5), UUID.randomUUID(), "FOLLOW_UP", null,
                    null, null, null));
            events.add(engagement("DOCKING", GANGBEI, null, LocalDate.of(2022, 5, 1), UUID.randomUUID(), "INTENT",
                    "100000000.00", null, null, null));
        }
        events.add(engagement("LEADER_TRIP", GUIGANG, null, LocalDate.of(2022, 7, 12), UUID.randomUUID(), "FOLLOW_UP", null,
                "PRINCIPAL", GUIGANG, "GBA"));
        events.add(engagement("LEADER_TRIP", GUIGANG, null, LocalDate.of(2022, 9, 2), UUID.randomUUID(), "FOLLOW_UP", null,
                "PRINCIPAL", GUIGANG, "GBA"));
        events.add(engagement("LEADER_TRIP", GUIGANG, null, LocalDate.of(2022, 8, 2), UUID.randomUUID(), "FOLLOW_UP", null,
                "PRINCIPAL", GUIGANG, "OTHER_DOMESTIC"));
        events.add(engagement("LEADER_TRIP", GUIGANG, null, LocalDate.of(2022, 3, 2), UUID.randomUUID(), "FOLLOW_UP", null,
                "PRINCIPAL", GUIGANG, "GBA"));
        events.add(engagement("LEADER_TRIP", GUIPING, null, LocalDate.of(2022, 10, 30), UUID.randomUUID(), "FOLLOW_UP", null,
                "PRINCIPAL", GUIPING, "YRD"));
    }

    private final Map<UUID, String> countyByProject = new java.util.HashMap<>();

    private String countyOf(UUID project) {
        if (countyByProject.isEmpty()) {
            for (Event event : events) {
                if (event.json().contains("\"type\":\"cn.gov.zhaoshang.project.registered.v1\"")) {
                    String key = event.key();
                    int at = event.json().indexOf("\"orgUnit\":\"") + 11;
                    countyByProject.put(UUID.fromString(key), event.json().substring(at, event.json().indexOf('"', at)));
                }
            }
        }
        return countyByProject.get(project);
    }

    private void countBands(BigDecimal amount) {
        if (amount.compareTo(new BigDecimal("1000000000")) >= 0) {
            atLeast1Billion++;
        }
        if (amount.compareTo(new BigDecimal("10000000000")) >= 0) {
            atLeast10Billion++;
        }
        if (amount.compareTo(new BigDecimal("20000000000")) >= 0) {
            atLeast20Billion++;
        }
    }

    private static List<BigDecimal> prepend(BigDecimal first, List<BigDecimal> rest) {
        List<BigDecimal> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** {@code total} in {@code n} amounts, every one at least 1亿, adding up exactly. */
    static List<BigDecimal> split(BigDecimal total, int n) {
        BigDecimal each = total.divide(BigDecimal.valueOf(n), 2, java.math.RoundingMode.DOWN);
        List<BigDecimal> amounts = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            amounts.add(each);
        }
        amounts.add(total.subtract(each.multiply(BigDecimal.valueOf(n - 1))));
        return amounts;
    }
}
