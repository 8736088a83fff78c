package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A process this launcher started, as its pid file remembers it: the pid, when the process
 * started, and what its command line must contain. A later launcher stops a process only if all
 * three still hold, so a pid that the system has since given to another program is left alone.
 *
 * @param name     what the console calls it ("Keycloak", "project-service")
 * @param markers  parts of the command line that identify it (an installation's path, a port)
 * @param started  when the process started, if known; a process that started at another time is
 *                 another process with the same pid
 */
record OwnProcess(String name, long pid, Optional<Instant> started, List<String> markers) {

    /**
     * How far PostgreSQL's own start time (whole seconds, written by the postmaster as it starts)
     * may lie from the process's. Generous: the command line naming the data folder is the main proof.
     */
    private static final Duration POSTMASTER_CLOCK_SLACK = Duration.ofMinutes(1);

    OwnProcess {
        if (markers.isEmpty() || markers.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a process is recognised by at least one non-blank part of its command line: " + markers);
        }
        markers = List.copyOf(markers);
    }

    /** What is seen of a pid now. */
    record Observed(long pid, boolean alive, Optional<String> commandLine, Optional<Instant> started) {

        static Observed of(ProcessHandle process) {
            ProcessHandle.Info info = process.info();
            return new Observed(process.pid(), process.isAlive(), commandLine(info), info.startInstant());
        }

        static Observed gone(long pid) {
            return new Observed(pid, false, Optional.empty(), Optional.empty());
        }

        private static Optional<String> commandLine(ProcessHandle.Info info) {
            if (info.commandLine().isPresent()) {
                return info.commandLine();
            }
            // Linux gives the arguments without the executable when it cannot resolve its path
            return info.arguments().map(arguments -> String.join(" ", arguments));
        }
    }

    static OwnProcess of(String name, ProcessHandle process, List<String> markers) {
        return new OwnProcess(name, process.pid(), process.info().startInstant(), markers);
    }

    /**
     * Whether {@code observed} is still this process: alive, started when it did (where both times
     * are known), its command line containing every marker. An unreadable command line is not
     * taken for a match: the process may belong to another user.
     */
    boolean isRunningAs(Observed observed) {
        if (observed.pid() != pid || !observed.alive() || observed.commandLine().isEmpty()) {
            return false;
        }
        if (started.isPresent() && observed.started().isPresent()) {
            Duration apart = Duration.between(started.get(), observed.started().get()).abs();
            // a time read from /proc twice agrees to the clock tick; PostgreSQL's own to the second
            if (apart.compareTo(POSTMASTER_CLOCK_SLACK) > 0) {
                return false;
            }
        }
        String commandLine = observed.commandLine().get();
        return markers.stream().allMatch(commandLine::contains);
    }

    /** The process, if it is still running as this one. */
    Optional<ProcessHandle> stillRunning() {
        return ProcessHandle.of(pid).filter(process -> isRunningAs(Observed.of(process)));
    }

    String toFileText() {
        Properties properties = new Properties();
        properties.setProperty("name", name);
        properties.setProperty("pid", Long.toString(pid));
        started.ifPresent(instant -> properties.setProperty("started", instant.toString()));
        for (int n = 0; n < markers.size(); n++) {
            properties.setProperty("marker." + n, markers.get(n));
        }
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "a process started by the local launcher; a later launcher stops it if it is still this one");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** @return the process a pid file describes, or empty if the file is not one the launcher wrote */
    static Optional<OwnProcess> fromFileText(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
            List<String> markers = properties.stringPropertyNames().stream().filter(key -> key.startsWith("marker."))
                    .sorted(java.util.Comparator.comparingInt(key -> Integer.parseInt(key.substring("marker.".length()))))
                    .map(properties::getProperty).toList();
            Optional<Instant> started = Optional.ofNullable(properties.getProperty("started")).map(Instant::parse);
            return Optional.of(new OwnProcess(properties.getProperty("name", "a process"),
                    Long.parseLong(properties.getProperty("pid", "").strip()), started, markers));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The PostgreSQL server that runs on {@code dataDirectory}, as its {@code postmaster.pid}
     * describes it: the pid on the first line, the data folder on the second, the start time
     * (seconds since the epoch) on the third. A file of another data folder (a copied one) names
     * no process of this launcher.
     */
    static Optional<OwnProcess> fromPostmasterPid(String text, Path dataDirectory) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        try {
            long pid = Long.parseLong(lines.getFirst().strip());
            Path folder = Path.of(lines.get(1).strip());
            if (!folder.toAbsolutePath().normalize().equals(dataDirectory.toAbsolutePath().normalize())) {
                return Optional.empty();
            }
            Optional<Instant> started = lines.size() > 2 && !lines.get(2).isBlank()
                    ? Optional.of(Instant.ofEpochSecond(Long.parseLong(lines.get(2).strip())))
                    : Optional.empty();
            return Optional.of(new OwnProcess("PostgreSQL", pid, started, List.of("postgres", folder.toString())));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
