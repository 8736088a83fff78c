package cn.gov.zhaoshang.reporting.projects;

import static cn.gov.zhaoshang.reporting.support.Events.detailsChanged;
import static cn.gov.zhaoshang.reporting.support.Events.keyProjectChanged;
import static cn.gov.zhaoshang.reporting.support.Events.registered;
import static cn.gov.zhaoshang.reporting.support.Events.teamDefined;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.reporting.definitions.DefinitionEvents;
import cn.gov.zhaoshang.reporting.ranking.ProjectWarningEvents;
import cn.gov.zhaoshang.reporting.support.EventFeed;
import cn.gov.zhaoshang.reporting.support.Events.ProjectSpec;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.GeneratedOrgUnits;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20, acceptance 4 (the reporting half): a corrected channel or team moves a project between
 * the resident-team figures, a corrected investor's classes move it between the class counts, and a
 * correction older than one already applied changes nothing. 贵港 and 桂平 are generated units of this
 * class alone ({@link GeneratedOrgUnits}).
 */
@PlatformIntegrationTest
class ProjectDetailsCorrectionIT {

    private static final GeneratedOrgUnits UNITS = GeneratedOrgUnits.newTree().cityLike("450800").build();
    private static final String GUIGANG = UNITS.twinOf("450800").code();
    private static final String GUIPING = UNITS.twinOf("450881").code();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final LocalDate SIGNED_ON = LocalDate.of(2015, 3, 10);

    @LocalServerPort
    int port;

    ApiClient city;

    @BeforeEach
    void setUp() {
        UNITS.makeKnownTo("reporting-service");
        DefinitionEvents.ensureDefaultVersion1();
        city = ApiClient.atPort(port).withToken(UNITS.token("gg-viewer", UNITS.twinOf("450800"), "viewer"));
    }

    @Test
    void aCorrectedChannelMovesTheProjectBetweenTheResidentTeamFiguresAndAnOlderCorrectionChangesNothing() {
        UUID team = UUID.randomUUID();
        UUID byTeam = UUID.randomUUID();
        UUID byChain = UUID.randomUUID();
        send(teamDefined(team, GUIGANG, "更正测试工作队", "GBA", Map.of("2015", "1000000000.00")),
                registered(new ProjectSpec(byTeam, GUIPING, "SIGNED", "500000000.00", SIGNED_ON, true, true, List.of(),
                        "RESIDENT_TEAM", team, null, SIGNED_ON)),
                registered(new ProjectSpec(byChain, GUIPING, "SIGNED", "200000000.00", SIGNED_ON, true, true, List.of(),
                        "INDUSTRY_CHAIN", null, null, SIGNED_ON)));
        JsonNode before = report();
        assertThat(teamTotal(before).get("signedCount").get("actual").asString()).isEqualTo("1");
        assertThat(teamTotal(before).get("signedInvestment").get("actual").asString()).isEqualTo("500000000.00");
        assertThat(before.get("top500").get("china500").get("actual").asString()).isEqualTo("0");

        // The team's project was an industry-chain one, and the other came through the team, from a China 500 investor.
        send(detailsChanged(byTeam, GUIPING, 3, List.of("channel", "residentTeamId"), "INDUSTRY_CHAIN", null, List.of(), SIGNED_ON),
                detailsChanged(byChain, GUIPING, 2, List.of("channel", "residentTeamId", "investorEnterpriseId"), "RESIDENT_TEAM",
                        team, List.of("CHINA_500"), SIGNED_ON));
        JsonNode after = report();
        assertThat(teamTotal(after).get("signedCount").get("actual").asString()).isEqualTo("1");
        assertThat(teamTotal(after).get("signedInvestment").get("actual").asString()).isEqualTo("200000000.00");
        assertThat(teamFunnel(after, team).get("signedInvestment").get("actual").asString()).isEqualTo("200000000.00");
        assertThat(after.get("top500").get("china500").get("actual").asString()).isEqualTo("1");
        assertThat(after.get("contractInvestment").get("actual").asString()).isEqualTo("700000000.00");

        // A correction re-driven late, older than the one applied, does not undo it.
        send(detailsChanged(byTeam, GUIPING, 2, List.of("channel"), "RESIDENT_TEAM", team, List.of(), SIGNED_ON));
        assertThat(teamTotal(report()).get("signedInvestment").get("actual").asString()).isEqualTo("200000000.00");
    }

    @Test
    void aKeyProjectsWarningIsShownApartInTheCockpitAndAnOlderChangeChangesNothing() {
        UUID project = UUID.randomUUID();
        send(registered(new ProjectSpec(project, GUIPING, "SIGNED", "900000000.00", SIGNED_ON, true, true, List.of(),
                        "INDUSTRY_CHAIN", null, null, SIGNED_ON)),
                ProjectWarningEvents.raised(project, GUIPING, "NOT_STARTED", "SIGNED", "2015-04-01", "2015-04-02T01:00:00Z"),
                keyProjectChanged(project, GUIPING, 3, true, GUIGANG, SIGNED_ON));
        assertThat(warningOf(project).get("keyProject").asBoolean()).isTrue();

        // unmarked, then a re-driven older mark arrives: still not key
        send(keyProjectChanged(project, GUIPING, 5, false, null, SIGNED_ON),
                keyProjectChanged(project, GUIPING, 4, true, GUIGANG, SIGNED_ON));
        assertThat(warningOf(project).get("keyProject").asBoolean()).isFalse();
    }

    private JsonNode warningOf(UUID project) {
        ApiClient.Response cockpit = city.get("/api/reports/units/" + GUIGANG + "/cockpit?period=2015-04");
        assertThat(cockpit.status()).as(cockpit.toString()).isEqualTo(200);
        return cockpit.json().get("warnings").get("projects").valueStream()
                .filter(row -> row.get("projectId").asString().equals(project.toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no warning of " + project + " in " + cockpit.json().get("warnings")));
    }

    private void send(cn.gov.zhaoshang.reporting.support.Events.Event... events) {
        EventFeed.sendAndAwait(PlatformServers.kafka().bootstrapServers(), "reporting-service", List.of(events), DEADLINE);
    }

    private JsonNode report() {
        ApiClient.Response response = city.get("/api/reports/units/" + GUIGANG + "?period=2015-03");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode teamTotal(JsonNode report) {
        return report.get("residentTeams").get("total");
    }

    private static JsonNode teamFunnel(JsonNode report, UUID team) {
        return report.get("residentTeams").get("teams").valueStream().filter(t -> t.get("teamId").asString().equals(team.toString()))
                .findFirst().orElseThrow(() -> new AssertionError("team " + team + " is not in " + report.get("residentTeams")))
                .get("funnel");
    }
}
