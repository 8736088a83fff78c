package cn.gov.zhaoshang.launcher;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import cn.gov.zhaoshang.testsupport.PostgresServer;

/**
 * The launcher's start as far as PostgreSQL, in a JVM of its own, for {@link StaleServerRecoveryIT}
 * to kill: it stops what an earlier launcher on the folder left running, records itself, starts
 * PostgreSQL on the folder's data and a stand-in for a service JVM (a shell with a child, as
 * {@code kc.sh} is), each the way {@link LocalPlatform} does, writes a row, says {@value #READY},
 * and runs until it is stopped. Arguments: the launcher's folder and PostgreSQL's port.
 */
final class LauncherPostgresPart {

    static final String READY = "launcher part: ready";
    static final String STAND_IN = "stand-in-service";

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        PidFiles pids = new PidFiles(home);
        try {
            new StaleServers(home, pids, line -> System.out.println("launcher: " + line)).stopLeftovers();
        } catch (LauncherException e) {
            System.out.println("✗ " + e.getMessage());
            System.exit(1);
        }
        pids.record(PidFiles.LAUNCHER, "the launcher", ProcessHandle.current(),
                List.of(OwnProcess.Observed.of(ProcessHandle.current()).commandLine().orElseThrow()));

        PostgresServer postgres = PostgresServer.start(StaleServers.postgresDataDirectory(home), port);
        Process service = new ProcessBuilder("bash", "-c", "sleep 3600 & wait", STAND_IN, home.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        pids.recordChild(STAND_IN, STAND_IN, List.of(STAND_IN, home.toString()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.descendants().forEach(ProcessHandle::destroy);
            service.destroy();
            pids.forget(STAND_IN);
            try {
                postgres.close();
            } catch (Exception e) {
                System.out.println("while stopping: " + e);
            }
            pids.forget(PidFiles.LAUNCHER);
        }));

        try (Connection connection = DriverManager.getConnection(postgres.database("demo"), PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS starts (launcher bigint PRIMARY KEY)");
            statement.execute("INSERT INTO starts VALUES (" + ProcessHandle.current().pid() + ")");
        }
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join();
    }
}
