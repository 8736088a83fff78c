package cn.gov.zhaoshang.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft Kafka broker running inside this JVM.
 *
 * <p>Unlike spring-kafka-test's embedded broker it can be stopped and started again on the same
 * port with the same log directory, so a test can take Kafka away and bring it back with every
 * record, topic and consumer offset intact — the way a real outage ends.
 *
 * <p>It can also run in a JVM of its own ({@link #startInOwnJvm()}), as a broker does in a
 * deployment: then its collector pauses and compilations are not the test JVM's, nor the other way
 * round. The benchmarks that time a path across the broker use that.
 */
public final class KafkaNode implements AutoCloseable {

    /** What {@link #main} prints once its broker is up. */
    private static final String READY = "kafka-node: ready";
    private static final Duration OWN_JVM_START_TIMEOUT = Duration.ofSeconds(120);

    private final Path logDir;
    private final int brokerPort;
    private final int controllerPort;
    private final Properties config;
    private final boolean ownJvm;
    private KafkaRaftServer server;
    private Process process;

    private KafkaNode(Path logDir, int brokerPort, int controllerPort, boolean ownJvm) {
        this.logDir = logDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.ownJvm = ownJvm;
        this.config = singleNodeConfig();
    }

    /** Formats a fresh log directory and starts the broker on free ports. */
    public static KafkaNode start() {
        try {
            return start(Files.createTempDirectory("kafka-node-"), FreePorts.next(), FreePorts.next());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the broker on the given ports with its log in {@code logDir}, formatting the directory
     * only if it has never been formatted: a second start finds every topic and record again.
     */
    public static KafkaNode start(Path logDir, int brokerPort, int controllerPort) {
        TestLane.refuseServerInFastLane("a Kafka broker");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaNode node = new KafkaNode(logDir, brokerPort, controllerPort, false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            node.format();
        }
        node.startAgain();
        return node;
    }

    /**
     * Starts the broker in a JVM of its own ({@link #main}, on this JVM's class path, with a heap of
     * 512 MB), with a fresh log directory on free ports, and returns once it is up. Its output goes to
     * {@code kafka-node.log} beside the log directory, started afresh by each start (so that the
     * ready line found is this start's). It stops with {@link #stop()} or {@link #close()},
     * and by itself if this JVM ends, however it ends.
     */
    public static KafkaNode startInOwnJvm() {
        TestLane.refuseServerInFastLane("a Kafka broker");
        try {
            KafkaNode node = new KafkaNode(Files.createTempDirectory("kafka-node-").resolve("log"), FreePorts.next(),
                    FreePorts.next(), true);
            node.startAgain();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The broker of {@link #startInOwnJvm()}: arguments are the log directory and the broker's and
     * the controller's ports. It runs until its standard input ends, which is when the JVM that
     * started it closes it or is gone.
     */
    public static void main(String[] args) throws IOException {
        KafkaNode node = start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() != -1) {
            // nothing is sent on it; it only ends
        }
        node.close();
        System.exit(0);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public synchronized boolean isRunning() {
        return ownJvm ? process != null && process.isAlive() : server != null;
    }

    /** Shuts the broker down; clients see connection refused until {@link #startAgain()}. */
    public synchronized void stop() {
        if (process != null) {
            stopOwnJvm();
        }
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker on the same ports and log directory it had before. */
    public synchronized void startAgain() {
        if (ownJvm) {
            if (process == null) {
                startOwnJvm();
            }
        } else if (server == null) {
            server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
            server.startup();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void startOwnJvm() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), KafkaNode.class.getName(),
                logDir.toString(), String.valueOf(brokerPort), String.valueOf(controllerPort)));
        Path output = logDir.resolveSibling("kafka-node.log");
        try {
            Files.createDirectories(logDir.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(output.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process started = process;
        try {
            Readiness.await("the Kafka broker in its own JVM to start", OWN_JVM_START_TIMEOUT, () -> {
                if (!started.isAlive()) {
                    throw new IllegalStateException("the Kafka broker's own JVM exited; its output: " + output);
                }
                return Files.readString(output).contains(READY);
            }, () -> "its output: " + output);
        } catch (RuntimeException notStarted) {
            started.destroyForcibly();
            process = null;
            throw notStarted;
        }
    }

    private void stopOwnJvm() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    private Properties singleNodeConfig() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("log.retention.ms", "-1");
        return p;
    }

    private void format() {
        try {
            formatLogDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void formatLogDirectory() throws IOException {
        Path propertiesFile = logDir.resolveSibling(logDir.getFileName() + ".properties");
        try (Writer writer = Files.newBufferedWriter(propertiesFile, StandardCharsets.UTF_8)) {
            config.store(writer, "single-node KRaft broker for tests");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = StorageTool.execute(new String[] {
                "format", "-t", Uuid.randomUuid().toString(), "-c", propertiesFile.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exitCode != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed: " + output);
        }
    }
}
