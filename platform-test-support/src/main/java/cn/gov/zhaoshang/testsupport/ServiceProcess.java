package cn.gov.zhaoshang.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service (its runnable jar) running as a separate JVM, the way it runs in
 * production, with its output in a log file of its own. Used by the end-to-end tests and by the
 * local launcher.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(120);

    private static final String MANAGEMENT_PORT = "management.server.port";

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, int managementPort, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the jar named by the system property {@code e2e.jar.<module>} on a free port, with the
     * given Spring properties as command-line arguments and its log in {@code e2e.logs}. Returns at
     * once; call {@link #awaitReady()}.
     */
    public static ServiceProcess start(String module, String instanceName, Map<String, String> properties) {
        String jar = System.getProperty("e2e.jar." + module);
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("no runnable jar for " + module + " (" + jar
                    + "); run the tests with ./mvnw verify so the reactor packages it first");
        }
        Path logs = Path.of(System.getProperty("e2e.logs", "target/service-logs"));
        return start(Path.of(jar), instanceName, FreePorts.next(), properties, logs.resolve(instanceName + ".log"),
                List.of("-XX:TieredStopAtLevel=1", "--logging.structured.format.console="));
    }

    /**
     * Starts a runnable jar on the given port.
     *
     * @param properties     Spring properties; {@code management.server.port} among them (the
     *                       gateway's actuator has a port of its own) is where readiness is asked
     * @param extraArguments JVM options (starting with {@code -X}) and Spring arguments (starting
     *                       with {@code --}), in any order
     */
    public static ServiceProcess start(Path jar, String instanceName, int port, Map<String, String> properties,
            Path log, List<String> extraArguments) {
        TestLane.refuseServerInFastLane("a service process");
        List<String> command = new ArrayList<>(List.of(System.getProperty("e2e.java",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()), "-Xmx384m", "-XX:+UseSerialGC"));
        extraArguments.stream().filter(argument -> !argument.startsWith("--")).forEach(command::add);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--spring.main.banner-mode=off"));
        if (!properties.containsKey("server.address") && extraArguments.stream().noneMatch(argument -> argument.startsWith("--server.address="))) {
            // the machine's own clients only: the local platform and the tests never serve the network
            command.add("--server.address=127.0.0.1");
        }
        extraArguments.stream().filter(argument -> argument.startsWith("--")).forEach(command::add);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            int managementPort = properties.containsKey(MANAGEMENT_PORT) ? Integer.parseInt(properties.get(MANAGEMENT_PORT)) : port;
            return new ServiceProcess(instanceName, port, managementPort, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where its actuator answers: {@link #baseUrl()} unless it was given a management port. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Waits until the service reports itself ready, or fails with the end of its log. */
    public ServiceProcess awaitReady() {
        Readiness.await(name + " ready", STARTUP_DEADLINE, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tailOfLog());
            }
            return Readiness.answersOk(managementUrl() + "/actuator/health/readiness");
        }, this::tailOfLog);
        return this;
    }

    public String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    /**
     * Asks the JVM to stop (SIGTERM) and waits up to {@code grace} for it, then kills it.
     *
     * @return whether it stopped on its own within {@code grace}
     */
    public boolean stop(Duration grace) {
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

}
