package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * What a launcher killed hard ({@code kill -9}, a closed terminal) left running from the same
 * folder: its PostgreSQL (found by the data folder's {@code postmaster.pid}), and Keycloak, the
 * services and the gateway (found by the pid files the launcher writes as it starts them). Kafka
 * runs inside the launcher's JVM and ends with it. Each is stopped only if it is still the process
 * that was started ({@link OwnProcess}), gracefully first, then forcibly, and the console says so.
 */
final class StaleServers {

    /** As long as a clean stop gives a service; a service that was writing its start-up cache loses it. */
    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private final Path home;
    private final PidFiles pids;
    private final Consumer<String> console;

    StaleServers(Path home, PidFiles pids, Consumer<String> console) {
        this.home = home;
        this.pids = pids;
        this.console = console;
    }

    static Path postgresDataDirectory(Path home) {
        return home.resolve("postgres");
    }

    /**
     * Stops every server an earlier launcher on this folder left running.
     *
     * @throws LauncherException if that launcher itself still runs: its servers are not stale
     * @return how many were stopped
     */
    int stopLeftovers() {
        Optional<ProcessHandle> launcher = pids.read(PidFiles.LAUNCHER).flatMap(OwnProcess::stillRunning)
                .filter(process -> process.pid() != ProcessHandle.current().pid());
        if (launcher.isPresent()) {
            throw new LauncherException("another launcher (pid " + launcher.get().pid() + ") is running the platform from "
                    + home + ". Stop it first (Ctrl-C in its terminal, or kill " + launcher.get().pid() + "), then start again.");
        }
        // the services, the gateway and Keycloak first, all at once: the services hold connections to PostgreSQL
        List<CompletableFuture<Boolean>> stopping = new ArrayList<>();
        for (String key : pids.keys()) {
            Optional<OwnProcess> recorded = pids.read(key);
            Optional<ProcessHandle> running = recorded.flatMap(OwnProcess::stillRunning);
            if (running.isEmpty()) {
                pids.forget(key);
                continue;
            }
            stopping.add(CompletableFuture.supplyAsync(() -> {
                stop(recorded.get().name(), running.get(), false);
                pids.forget(key);
                return true;
            }));
        }
        int stopped = 0;
        for (CompletableFuture<Boolean> stop : stopping) {
            try {
                stop.get();
                stopped++;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new LauncherException(e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("interrupted while stopping what an earlier launcher left running");
            }
        }
        Path dataDirectory = postgresDataDirectory(home);
        Path postmasterPid = dataDirectory.resolve("postmaster.pid");
        Optional<OwnProcess> postgres = readPostmasterPid(postmasterPid, dataDirectory);
        Optional<ProcessHandle> postgresRunning = postgres.flatMap(OwnProcess::stillRunning);
        if (postgresRunning.isPresent()) {
            boolean graceful = stop("PostgreSQL", postgresRunning.get(), true);
            if (!graceful) {
                // its processes are gone; a pid file left behind would name a pid the system may reuse
                deleteQuietly(postmasterPid);
            }
            stopped++;
        }
        return stopped;
    }

    private static Optional<OwnProcess> readPostmasterPid(Path file, Path dataDirectory) {
        try {
            return Files.exists(file) ? OwnProcess.fromPostmasterPid(Files.readString(file), dataDirectory) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Asks the process and its descendants to stop, waits {@link #GRACE}, then kills what is left.
     * PostgreSQL is asked for its fast shutdown, which ends its sessions and checkpoints.
     *
     * @return whether it stopped when asked
     */
    private boolean stop(String name, ProcessHandle process, boolean postgres) {
        console.accept("found " + name + " (pid " + process.pid() + ") left running from " + home
                + " by an earlier launcher that did not stop it: stopping it");
        // listed now: once their parent is gone they are no longer its descendants
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(process);
        if (postgres) {
            askPostgresToStop(process);
        } else {
            family.forEach(ProcessHandle::destroy);
        }
        if (awaitExit(family, GRACE)) {
            console.accept("stopped " + name + " (pid " + process.pid() + ")");
            return true;
        }
        // and what it started meanwhile (a JVM stopping with -XX:AOTCacheOutput starts one to write the cache)
        process.descendants().filter(child -> !family.contains(child)).forEach(family::add);
        family.forEach(ProcessHandle::destroyForcibly);
        if (!awaitExit(family, AFTER_KILL)) {
            throw new LauncherException(name + " (pid " + process.pid() + "), left running by an earlier launcher, did not stop"
                    + " even when killed. Stop it yourself and start again.");
        }
        console.accept("killed " + name + " (pid " + process.pid() + "): it did not stop within " + GRACE.toSeconds() + " s");
        return false;
    }

    /**
     * PostgreSQL's fast shutdown (it ends the sessions, checkpoints and exits): SIGINT to the
     * postmaster, which is what {@code pg_ctl stop -m fast} sends; {@code pg_ctl} itself refuses to
     * run as root, as the launcher may. Without {@code kill}, SIGTERM: a smart shutdown, which is
     * as quick once the services, its only clients, are gone.
     */
    private static void askPostgresToStop(ProcessHandle postmaster) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException noKill) {
            // below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postmaster.destroy();
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException stillRunning) {
                return false;
            } catch (ExecutionException e) {
                // onExit does not fail
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return processes.stream().noneMatch(ProcessHandle::isAlive);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // PostgreSQL checks the pid in it before it trusts it
        }
    }
}
