package cn.gov.zhaoshang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How a launcher recognises a process an earlier one started, before it stops it. */
class OwnProcessTest {

    static final Instant STARTED = Instant.parse("2026-12-07T03:00:00.120Z");
    static final String KC_SH = "/home/me/platform/.run-local/keycloak-26.7.3/bin/kc.sh";
    static final OwnProcess KEYCLOAK = new OwnProcess("Keycloak", 4242, Optional.of(STARTED), List.of(KC_SH, "--http-port=8180"));

    @Test
    void theProcessItStartedIsRecognisedByPidStartAndCommandLine() {
        assertThat(KEYCLOAK.isRunningAs(observed(4242, STARTED, "/usr/bin/bash " + KC_SH + " start --optimized --http-port=8180")))
                .isTrue();
    }

    @Test
    void aPidTheSystemGaveToAnotherProgramIsNotStopped() {
        // the same pid, another command line: Keycloak ended and the pid was reused
        assertThat(KEYCLOAK.isRunningAs(observed(4242, STARTED, "/usr/bin/vim notes.txt"))).isFalse();
        // the same command line, started an hour later: another launcher's Keycloak
        assertThat(KEYCLOAK.isRunningAs(observed(4242, STARTED.plusSeconds(3600), "bash " + KC_SH + " start --http-port=8180")))
                .isFalse();
        // every marker must be there: another installation's Keycloak on another port
        assertThat(KEYCLOAK.isRunningAs(observed(4242, STARTED, "bash " + KC_SH + " start --http-port=18180"))).isFalse();
    }

    @Test
    void aProcessWhoseCommandLineCannotBeReadOrThatEndedIsNotStopped() {
        assertThat(KEYCLOAK.isRunningAs(new OwnProcess.Observed(4242, true, Optional.empty(), Optional.of(STARTED)))).isFalse();
        assertThat(KEYCLOAK.isRunningAs(OwnProcess.Observed.gone(4242))).isFalse();
        assertThat(KEYCLOAK.isRunningAs(observed(4243, STARTED, "bash " + KC_SH + " --http-port=8180"))).isFalse();
    }

    @Test
    void withoutAStartTimeTheCommandLineDecides() {
        OwnProcess noTime = new OwnProcess("Keycloak", 4242, Optional.empty(), KEYCLOAK.markers());

        assertThat(noTime.isRunningAs(observed(4242, STARTED, "bash " + KC_SH + " --http-port=8180"))).isTrue();
        assertThat(KEYCLOAK.isRunningAs(new OwnProcess.Observed(4242, true, Optional.of("bash " + KC_SH + " --http-port=8180"),
                Optional.empty()))).isTrue();
    }

    @Test
    void aPidFileReadsBackAsWritten() {
        assertThat(OwnProcess.fromFileText(KEYCLOAK.toFileText())).contains(KEYCLOAK);
        assertThat(OwnProcess.fromFileText("pid=not a number\nmarker.0=x\n")).isEmpty();
        assertThat(OwnProcess.fromFileText("pid=12\n")).as("no marker, nothing to recognise it by").isEmpty();
        assertThat(OwnProcess.fromFileText("")).isEmpty();
    }

    @Test
    void aPidFileKeepsTheOrderOfMoreThanTenMarkers() {
        List<String> markers = java.util.stream.IntStream.range(0, 12).mapToObj(n -> "part" + n).toList();
        OwnProcess many = new OwnProcess("a service", 7, Optional.empty(), markers);

        assertThat(OwnProcess.fromFileText(many.toFileText()).orElseThrow().markers()).containsExactlyElementsOf(markers);
    }

    @Test
    void postgresqlIsRecognisedByItsPostmasterPidInTheLaunchersDataFolder() {
        Path data = Path.of("/home/me/platform/.run-local/postgres");
        String postmasterPid = """
                31337
                /home/me/platform/.run-local/postgres
                1796612400
                15432
                /tmp
                localhost
                  1234567     98304
                ready
                """;

        OwnProcess postgres = OwnProcess.fromPostmasterPid(postmasterPid, data).orElseThrow();

        assertThat(postgres.pid()).isEqualTo(31337);
        assertThat(postgres.started()).contains(Instant.ofEpochSecond(1796612400));
        // PostgreSQL writes its start time in whole seconds, a moment after the process started
        Instant processStart = Instant.ofEpochSecond(1796612400).minusMillis(700);
        assertThat(postgres.isRunningAs(observed(31337, processStart,
                "/tmp/embedded-pg/PG-06e3a92a2edb6ddd6dbdf5602d0252ca/bin/postgres -D " + data + " -p 15432 -h localhost -F")))
                .isTrue();
        assertThat(postgres.isRunningAs(observed(31337, processStart, "/usr/lib/postgresql/17/bin/postgres -D /var/lib/postgresql/17/main")))
                .as("the system's own PostgreSQL").isFalse();
        assertThat(OwnProcess.fromPostmasterPid(postmasterPid, Path.of("/elsewhere/.run-local/postgres")))
                .as("a data folder copied from another checkout").isEmpty();
        assertThat(OwnProcess.fromPostmasterPid("garbage", data)).isEmpty();
    }

    private static OwnProcess.Observed observed(long pid, Instant started, String commandLine) {
        return new OwnProcess.Observed(pid, true, Optional.of(commandLine), Optional.of(started));
    }
}
