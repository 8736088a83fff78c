package cn.gov.zhaoshang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import cn.gov.zhaoshang.testsupport.FreePorts;
import cn.gov.zhaoshang.testsupport.PostgresServer;
import cn.gov.zhaoshang.testsupport.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's acceptance 5: a launcher killed with {@code kill -9} is followed by a clean second
 * start. The launcher's start as far as PostgreSQL ({@link LauncherPostgresPart}) runs in a JVM of
 * its own, is killed, and leaves its PostgreSQL and a service stand-in running, as the real one
 * does; the next launcher on the same folder stops both, says so, and starts on the same data.
 */
class StaleServerRecoveryIT {

    private static final Duration START = Duration.ofMinutes(2);

    @TempDir
    Path home;

    private final List<Process> launchers = new ArrayList<>();

    @Test
    void aLauncherKilledHardIsFollowedByACleanSecondStart() throws Exception {
        int port = FreePorts.next();
        Process first = startLauncher(port, "first.log");
        awaitReady(first, "first.log");
        long postgres = postmasterPid();
        long standIn = new PidFiles(home).read(LauncherPostgresPart.STAND_IN).orElseThrow().pid();

        // while the first launcher runs, a second one on the same folder leaves its servers alone
        Process meanwhile = startLauncher(port, "meanwhile.log");
        assertThat(meanwhile.waitFor(START.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(meanwhile.exitValue()).isEqualTo(1);
        assertThat(log("meanwhile.log")).contains("another launcher (pid " + first.pid() + ") is running the platform from " + home);
        assertThat(isAlive(postgres)).isTrue();

        first.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(137);
        assertThat(isAlive(postgres)).as("PostgreSQL outlives its launcher").isTrue();
        assertThat(isAlive(standIn)).as("so does a service").isTrue();
        assertThat(portIsFree(port)).isFalse();

        Process second = startLauncher(port, "second.log");
        awaitReady(second, "second.log");

        assertThat(log("second.log"))
                .contains("found PostgreSQL (pid " + postgres + ") left running from " + home)
                .contains("stopped PostgreSQL (pid " + postgres + ")")
                .contains("found " + LauncherPostgresPart.STAND_IN + " (pid " + standIn + ") left running from " + home)
                .contains("stopped " + LauncherPostgresPart.STAND_IN + " (pid " + standIn + ")");
        assertThat(isAlive(postgres)).isFalse();
        assertThat(isAlive(standIn)).isFalse();
        long secondPostgres = postmasterPid();
        assertThat(secondPostgres).isNotEqualTo(postgres);
        // the same data: the first start's row is there beside the second's
        assertThat(launchersRecordedIn(port)).containsExactly(first.pid(), second.pid());

        second.destroy(); // SIGTERM: a clean stop
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // a clean stop stops PostgreSQL (gone once its parent, not this JVM, has reaped it)
        Readiness.await("PostgreSQL stopped with its launcher", Duration.ofSeconds(30), () -> !isAlive(secondPostgres),
                () -> "pid " + secondPostgres + " still runs");
        assertThat(new PidFiles(home).read(PidFiles.LAUNCHER)).isEmpty();
        assertThat(new PidFiles(home).keys()).isEmpty();
    }

    @Test
    void aPortHeldByAnotherProcessIsNamed() throws IOException {
        try (ServerSocket foreign = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Optional<String> holder = PortHolder.describe(foreign.getLocalPort());

            assertThat(holder).hasValueSatisfying(description -> assertThat(description)
                    .startsWith("pid " + ProcessHandle.current().pid() + " (").contains("java"));
        }
    }

    private Process startLauncher(int port, String log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process launcher = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LauncherPostgresPart.class.getName(), home.toString(), String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(home.resolveSibling(home.getFileName() + "-" + log).toFile()).start();
        launchers.add(launcher);
        return launcher;
    }

    private void awaitReady(Process launcher, String log) {
        Readiness.await("the launcher's PostgreSQL part ready", START, () -> {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the launcher exited with " + launcher.exitValue() + ":\n" + log(log));
            }
            return log(log).contains(LauncherPostgresPart.READY);
        }, () -> log(log));
    }

    private String log(String name) {
        try {
            return Files.readString(home.resolveSibling(home.getFileName() + "-" + name));
        } catch (IOException e) {
            return "";
        }
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(StaleServers.postgresDataDirectory(home).resolve("postmaster.pid")).getFirst().strip());
    }

    private List<Long> launchersRecordedIn(int port) throws Exception {
        List<Long> pids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/demo",
                PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT launcher FROM starts ORDER BY launcher")) {
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
        }
        pids.sort(null);
        return pids;
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException busy) {
            return false;
        }
    }

    /** Whatever a failed run left: only the processes this test's launchers started, found the way the launcher finds them. */
    @AfterEach
    void stopWhatIsLeft() throws Exception {
        for (Process launcher : launchers) {
            launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        new StaleServers(home, new PidFiles(home), line -> { }).stopLeftovers();
    }
}
