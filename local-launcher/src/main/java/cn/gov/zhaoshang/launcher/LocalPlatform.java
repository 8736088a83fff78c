package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import cn.gov.zhaoshang.testsupport.KafkaNode;
import cn.gov.zhaoshang.testsupport.PostgresServer;
import cn.gov.zhaoshang.testsupport.ServiceProcess;

/**
 * The whole platform on one machine: PostgreSQL, Kafka, Keycloak, the four services and the
 * gateway, started in order, each waited for, with demo data for Guangxi. Data stays in
 * {@code .run-local/}, so a second start finds it. Ctrl-C stops everything.
 */
public final class LocalPlatform {

    static final int GATEWAY_PORT = 8080;
    /** The gateway's actuator (health, Prometheus), kept off the port the console and the API are on. */
    static final int GATEWAY_MANAGEMENT_PORT = 9080;
    static final int KEYCLOAK_PORT = 8180;
    static final int POSTGRES_PORT = 15432;
    static final int KAFKA_PORT = 19092;
    static final int KAFKA_CONTROLLER_PORT = 19093;
    static final Map<String, Integer> SERVICE_PORTS = orderedPorts();
    /** The services fetch Keycloak's keys at the first token; on a busy machine that took more than a minute. */
    private static final Duration TOKEN_VALIDATION_DEADLINE = Duration.ofMinutes(5);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final long started = System.nanoTime();
    /** The month the printed report request asks for: one the demo data has figures for. */
    private YearMonth reportMonth;

    public static void main(String[] args) {
        if (Runtime.version().feature() < 21) {
            System.err.println("The platform needs a JDK 21 or newer; this is " + Runtime.version()
                    + ". Set JAVA_HOME to a JDK >= 21 and start again with ./run-local.");
            System.exit(2);
        }
        LocalPlatform platform = new LocalPlatform();
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stopAll, "local-platform-stop"));
        try {
            platform.start(Path.of(System.getProperty("zhaoshang.home", ".run-local")).toAbsolutePath());
        } catch (LauncherException e) {
            System.err.println("\n✗ " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("\n✗ the platform could not start: " + e);
            System.exit(1);
        }
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(Path home) throws Exception {
        LauncherSettings settings = LauncherSettings.load();
        PidFiles pids = new PidFiles(home);
        new StaleServers(home, pids, this::step).stopLeftovers();
        pids.record(PidFiles.LAUNCHER, "the launcher", ProcessHandle.current(),
                List.of(OwnProcess.Observed.of(ProcessHandle.current()).commandLine().orElse("java")));
        running.push(() -> pids.forget(PidFiles.LAUNCHER));
        checkPortsAreFree();
        LocalSecrets secrets = LocalSecrets.in(home);
        Path logs = home.resolve("logs");

        // Keycloak's start is the longest (and, on a machine's first start, its build): it needs
        // neither PostgreSQL nor Kafka, so it goes first, and everything else starts beside it
        step("Keycloak " + settings.keycloakVersion() + " on port " + KEYCLOAK_PORT
                + " (the first start on this machine builds it and creates its empty database once, a few minutes; a first start imports the realm)");
        String realm = LocalRealm.build(secrets);
        CompletableFuture<KeycloakServer> keycloakStarting = CompletableFuture.supplyAsync(() -> KeycloakServer.start(
                settings.keycloakZip(), settings.keycloakVersion(), home, KEYCLOAK_PORT, realm, secrets, pids));
        running.push(() -> {
            KeycloakServer started = keycloakStarting.getNow(null);
            if (started != null) {
                started.close();
                pids.forget(KeycloakServer.PID_KEY);
            }
        });
        // the services' jars are checked against their start-up cache (and extracted, once per
        // build) while PostgreSQL and Kafka start
        ServiceJvmCache jvmCache = ServiceJvmCache.inUserCache();
        CompletableFuture<Map<String, ServiceJvmCache.Start>> jvmStarts = CompletableFuture.supplyAsync(() -> {
            Map<String, ServiceJvmCache.Start> starts = new LinkedHashMap<>();
            for (String module : SERVICE_PORTS.keySet()) {
                starts.put(module, jvmCache.prepare(module, settings.jar(module)));
            }
            starts.put("gateway", jvmCache.prepare("gateway", settings.jar("gateway")));
            return starts;
        });
        step("PostgreSQL on port " + POSTGRES_PORT + " (data in " + home.resolve("postgres") + ")");
        PostgresServer postgres = PostgresServer.start(home.resolve("postgres"), POSTGRES_PORT, secrets.postgresPassword());
        running.push(postgres);
        step("Kafka on port " + KAFKA_PORT + " (log in " + home.resolve("kafka") + ")");
        KafkaNode kafka = KafkaNode.start(home.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        running.push(kafka);
        // the services and the gateway need Keycloak only when the first token arrives
        String issuer = "http://localhost:" + KEYCLOAK_PORT + "/realms/zhaoshang";
        Map<String, String> tokenValidation = Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer + "/protocol/openid-connect/certs");
        step("the four services on ports 8081-8084 and the gateway on port " + GATEWAY_PORT);
        Map<String, ServiceJvmCache.Start> jvmStart = jvmStarts.join();
        StartedJvms started = new StartedJvms(pids);
        running.push(started);
        List<ServiceProcess> services = SERVICE_PORTS.entrySet().stream().map(service -> {
            String database = service.getKey().replace("-service", "");
            Map<String, String> properties = new LinkedHashMap<>(tokenValidation);
            properties.put("spring.datasource.url", postgres.database(database));
            properties.put("spring.datasource.username", PostgresServer.USER);
            properties.put("spring.datasource.password", secrets.postgresPassword());
            properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
            // keep-alive connections are not closed after 100 requests, so that a client calling
            // a service directly (the gateway benchmark's baseline) is not made to reconnect
            properties.put("server.tomcat.max-keep-alive-requests", "-1");
            if (service.getKey().equals("targets-service")) {
                properties.putAll(usersFeature("http://localhost:" + KEYCLOAK_PORT, secrets));
            }
            ServiceJvmCache.Start start = jvmStart.get(service.getKey());
            ServiceProcess process = ServiceProcess.start(start.jar(), service.getKey(), service.getValue(),
                    properties, logs.resolve(service.getKey() + ".log"), start.jvmOptions());
            started.add(process, start);
            pids.recordChild(service.getKey(), service.getKey(), List.of(start.jar().toString(), "--server.port=" + service.getValue()));
            return process;
        }).toList();
        Map<String, String> gatewayProperties = new LinkedHashMap<>(tokenValidation);
        gatewayProperties.put("management.server.port", String.valueOf(GATEWAY_MANAGEMENT_PORT));
        SERVICE_PORTS.forEach((name, port) -> gatewayProperties.put(
                "zhaoshang.gateway.services." + name.replace("-service", ""), "http://127.0.0.1:" + port));
        ServiceJvmCache.Start gatewayStart = jvmStart.get("gateway");
        ServiceProcess gateway = ServiceProcess.start(gatewayStart.jar(), "gateway", GATEWAY_PORT, gatewayProperties,
                logs.resolve("gateway.log"), gatewayStart.jvmOptions());
        started.add(gateway, gatewayStart);
        pids.recordChild("gateway", "gateway", List.of(gatewayStart.jar().toString(), "--server.port=" + GATEWAY_PORT));
        KeycloakServer keycloak;
        try {
            keycloak = keycloakStarting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        if (!keycloak.issuer().equals(issuer)) {
            throw new IllegalStateException("the services were given the issuer " + issuer + ", Keycloak has " + keycloak.issuer());
        }
        keycloak.awaitReady();
        keycloak.alignRealm(realm);
        keycloak.applySecrets(secrets);
        step("Keycloak ready at " + keycloak.baseUrl());
        for (ServiceProcess service : services) {
            service.awaitReady();
            step(service.name() + " ready at " + service.baseUrl());
        }

        gateway.awaitReady();
        step("gateway ready at " + gateway.baseUrl());

        DemoData demoData = new DemoData(keycloak, gateway.baseUrl(), secrets, kafka.bootstrapServers());
        TokenValidation.await(tokenChecks(gateway.baseUrl()), () -> demoData.passwordGrant("gx-admin"), TOKEN_VALIDATION_DEADLINE,
                this::step);
        step("every service and the gateway validate tokens");
        List<String> loaded = demoData.loadOnce(home);
        step(loaded.isEmpty() ? "demo data already loaded" : "demo data loaded: " + String.join(", ", loaded));
        reportMonth = DemoData.reportMonth(home);
        printWelcome(keycloak, gateway, secrets, logs);
    }

    /**
     * targets-service's users feature: Keycloak's Admin REST API as the client zhaoshang-users, and a
     * one-time password for a new user, shown once, as the local platform sends no mail.
     */
    public static Map<String, String> usersFeature(String keycloakUrl, LocalSecrets secrets) {
        return Map.of("zhaoshang.users.keycloak.url", keycloakUrl,
                "zhaoshang.users.keycloak.client-secret", secrets.usersClientSecret(),
                "zhaoshang.users.onboarding", "one-time-password");
    }

    private void printWelcome(KeycloakServer keycloak, ServiceProcess gateway, LocalSecrets secrets, Path logs) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("""

                ✓ The platform is up (%d s).

                  Web console     http://localhost:%d/   (sign in with a demo user below; use localhost,
                                  not 127.0.0.1: Keycloak sends the browser back to exactly this address)
                  API (gateway)   %s/api/...
                  Metrics         %s/actuator/prometheus   (the gateway's; each service's on its own port)
                  Keycloak        %s   (admin console: admin / %s)
                  Service logs    %s

                  Demo users (password %s):
                    gx-admin    450000 广西  admin, target-admin
                    gx-viewer   450000 广西  viewer
                    gx-officer  450000 广西  officer
                    gg-officer  450800 贵港  officer, leader, target-admin
                    gp-officer  450881 桂平  officer
                    gb-officer  450802 港北  officer
                    qt-leader   450804 覃塘  officer, leader (closed last month for 覃塘)
                    auditor     450000 广西  auditor
                    gg-admin      450800 贵港  user-admin (onboards 贵港's people: 用户管理)
                    gx-useradmin  450000 广西  user-admin
                  Client agency-stats (client credentials) secret: %s

                  Try it — Guigang's monthly report as gg-officer:

                TOKEN=$(curl -s -d client_id=zhaoshang-cli -d grant_type=password -d username=gg-officer \\
                  --data-urlencode 'password=%s' %s | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
                curl -s -H "Authorization: Bearer $TOKEN" '%s/api/reports/monthly?orgUnit=450800&month=%s'

                  Ctrl-C stops everything.
                """, elapsed.toSeconds(), GATEWAY_PORT, gateway.baseUrl(), gateway.managementUrl(), keycloak.baseUrl(), secrets.keycloakAdminPassword(), logs,
                secrets.demoPassword(), secrets.agencyStatsSecret(), secrets.demoPassword(), keycloak.tokenEndpoint(),
                gateway.baseUrl(), reportMonth);
    }

    private void stopAll() {
        if (!running.isEmpty()) {
            System.out.println("\nStopping the platform…");
        }
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
    }

    /**
     * The services and the gateway, stopped all at once. A JVM that writes its start-up cache
     * (the first run of a build on this machine) writes it as it exits, which takes a while on two
     * cores; it is given that time, and the cache is used only if it finished.
     */
    private static final class StartedJvms implements AutoCloseable {

        private static final Duration GRACE = Duration.ofSeconds(20);
        /** Writing the cache takes each JVM a child JVM's start; five at once on two cores may take minutes. */
        private static final Duration GRACE_WHILE_WRITING_CACHE = Duration.ofMinutes(10);

        private final List<Map.Entry<ServiceProcess, ServiceJvmCache.Start>> jvms = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final PidFiles pids;

        StartedJvms(PidFiles pids) {
            this.pids = pids;
        }

        void add(ServiceProcess process, ServiceJvmCache.Start start) {
            jvms.add(Map.entry(process, start));
        }

        @Override
        public void close() throws InterruptedException {
            if (jvms.stream().anyMatch(jvm -> jvm.getValue().writesCache())) {
                System.out.println("  (the services write their start-up cache as they stop, once per build: a few minutes on two cores;"
                        + " later starts are faster for it)");
            }
            List<Thread> stopping = jvms.stream().map(jvm -> Thread.ofPlatform().name("stop-" + jvm.getKey().name()).start(() -> {
                ServiceJvmCache.Start start = jvm.getValue();
                if (jvm.getKey().stop(start.writesCache() ? GRACE_WHILE_WRITING_CACHE : GRACE)) {
                    start.markCompleteIfWritten();
                }
                pids.forget(jvm.getKey().name());
            })).toList();
            for (Thread thread : stopping) {
                thread.join();
            }
        }
    }

    private void step(String message) {
        System.out.printf("[%3ds] %s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds(), message);
    }

    private static void checkPortsAreFree() {
        List<Integer> ports = new java.util.ArrayList<>(List.of(GATEWAY_PORT, KEYCLOAK_PORT, KEYCLOAK_PORT + 1,
                POSTGRES_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT));
        ports.addAll(SERVICE_PORTS.values());
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException busy) {
                throw new LauncherException(portInUse(port, PortHolder.describe(port)));
            }
        }
    }

    /**
     * What the console says of a port that another program holds: what the launcher left running
     * from this folder has been stopped before the ports are checked, so this one is not its own.
     */
    static String portInUse(int port, java.util.Optional<String> holder) {
        return "port " + port + " is already in use" + holder.map(process -> " by " + process).orElse("")
                + ", which is not a server this launcher started from this folder. Stop it (find it with: ss -ltnp 'sport = :"
                + port + "') and start again.";
    }

    /**
     * An authenticated GET per service, and one through the gateway, that answers 2xx or 403/404
     * once the token is validated. The services fetch Keycloak's keys at the first token.
     */
    private static Map<String, String> tokenChecks(String gatewayUrl) {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("project-service", "http://127.0.0.1:" + SERVICE_PORTS.get("project-service")
                + "/api/projects/signing-confirmation-settings/450000");
        checks.put("enterprise-service", "http://127.0.0.1:" + SERVICE_PORTS.get("enterprise-service") + "/api/engagements?size=1");
        checks.put("targets-service", "http://127.0.0.1:" + SERVICE_PORTS.get("targets-service") + "/api/key-areas");
        checks.put("reporting-service", "http://127.0.0.1:" + SERVICE_PORTS.get("reporting-service")
                + "/api/reports/units/450000/closes");
        checks.put("gateway", gatewayUrl + "/api/key-areas");
        return checks;
    }

    private static Map<String, Integer> orderedPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("project-service", 8081);
        ports.put("enterprise-service", 8082);
        ports.put("targets-service", 8083);
        ports.put("reporting-service", 8084);
        return ports;
    }
}
