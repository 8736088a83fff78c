package cn.gov.zhaoshang.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import cn.gov.zhaoshang.testsupport.FreePorts;

/**
 * One packaged service (its runnable jar) running as a separate JVM, the way it runs in
 * production, with its output in {@code target/service-logs/<name>.log}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(120);

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the jar named by the system property {@code e2e.jar.<module>} with the given Spring
     * properties as command-line arguments. Returns at once; call {@link #awaitReady()}.
     */
    static ServiceProcess start(String module, String instanceName, Map<String, String> properties) {
        String jar = System.getProperty("e2e.jar." + module);
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("no runnable jar for " + module + " (" + jar
                    + "); run the tests with ./mvnw verify so the reactor packages it first");
        }
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("e2e.java", "java"),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar,
                "--server.port=" + port,
                "--logging.structured.format.console=",
                "--spring.main.banner-mode=off"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Path logs = Path.of(System.getProperty("e2e.logs", "target/service-logs"));
            Files.createDirectories(logs);
            Path log = logs.resolve(instanceName + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ServiceProcess(instanceName, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the service reports itself ready, or fails with the end of its log. */
    ServiceProcess awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tailOfLog());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + STARTUP_DEADLINE + ":\n" + tailOfLog());
    }

    String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
