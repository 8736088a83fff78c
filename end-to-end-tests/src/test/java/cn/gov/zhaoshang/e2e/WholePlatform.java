package cn.gov.zhaoshang.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import cn.gov.zhaoshang.launcher.DemoDataLoader;
import cn.gov.zhaoshang.launcher.KeycloakServer;
import cn.gov.zhaoshang.launcher.LocalPlatform;
import cn.gov.zhaoshang.launcher.LocalRealm;
import cn.gov.zhaoshang.launcher.LocalSecrets;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.FreePorts;
import cn.gov.zhaoshang.testsupport.KafkaNode;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.ServiceProcess;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole platform, started as the end-to-end tests start it: the packaged four services and the
 * gateway (which serves the web console) as separate JVMs on the test JVM's PostgreSQL and a Kafka
 * broker of its own, behind a fresh Keycloak from its distribution with the launcher's realm, and the launcher's demo
 * data loaded through the gateway. The console is at {@link #consoleUrl()}, on {@code localhost}
 * as Keycloak's exact redirect URIs require.
 */
final class WholePlatform implements AutoCloseable {

    static final List<String> SERVICES = List.of("project-service", "enterprise-service", "targets-service", "reporting-service");

    /**
     * The one platform of this test JVM, for the suites that need Keycloak (the browser tests, the
     * real-Keycloak tests): the first suite extended with it starts it, every later one uses it, and
     * JUnit stops it once all of them ran. Starting Keycloak, four services and the gateway costs
     * minutes on a busy machine; once per JVM is enough.
     */
    static final class Shared implements BeforeAllCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WholePlatform.class);
        private static volatile WholePlatform platform;

        @Override
        public void beforeAll(ExtensionContext context) {
            platform = context.getRoot().getStore(NAMESPACE).computeIfAbsent(WholePlatform.class, key -> {
                try {
                    return start("platform-e2e", LocalSecrets.of(
                            "demo-" + UUID.randomUUID(), "agency-" + UUID.randomUUID(), "admin-" + UUID.randomUUID()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }, WholePlatform.class);
        }

        /** The platform, in a suite extended with {@code @ExtendWith(WholePlatform.Shared.class)}. */
        static WholePlatform platform() {
            return platform;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A client whose access tokens live {@value #SHORT_LIVED_TOKEN_SECONDS} s ({@link #withShortLivedClient}). */
    static final String SHORT_LIVED_CLIENT = "e2e-short-lived";
    static final int SHORT_LIVED_TOKEN_SECONDS = 15;

    private final LocalSecrets secrets;
    private final KafkaNode kafka;
    private final KeycloakServer keycloak;
    private final List<ServiceProcess> processes;
    private final int gatewayPort;

    private WholePlatform(LocalSecrets secrets, KafkaNode kafka, KeycloakServer keycloak, List<ServiceProcess> processes,
            int gatewayPort) {
        this.secrets = secrets;
        this.kafka = kafka;
        this.keycloak = keycloak;
        this.processes = processes;
        this.gatewayPort = gatewayPort;
    }

    static WholePlatform start(String name, LocalSecrets secrets) throws IOException, InterruptedException {
        Path home = Path.of("target", name);
        org.springframework.util.FileSystemUtils.deleteRecursively(home);
        int gatewayPort = FreePorts.next();
        String consoleOrigin = "http://localhost:" + gatewayPort;
        // Keycloak takes longest: it starts first and the services start beside it
        int keycloakPort = FreePorts.next();
        int managementPort = FreePorts.next();
        String issuer = "http://localhost:" + keycloakPort + "/realms/zhaoshang";
        CompletableFuture<KeycloakServer> keycloakStarting = CompletableFuture.supplyAsync(() -> KeycloakServer.start(
                home, keycloakPort, managementPort, withShortLivedClient(LocalRealm.build(secrets, consoleOrigin)), secrets));
        Map<String, String> tokens = Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer + "/protocol/openid-connect/certs");
        List<ServiceProcess> processes = new ArrayList<>();
        Map<String, String> gatewayProperties = new LinkedHashMap<>(tokens);
        // the gateway's actuator answers on a port of its own; a free one, never another gateway's
        gatewayProperties.put("management.server.port", String.valueOf(FreePorts.next()));
        // A broker of its own: the platform lives as long as the JVM, beside suites that start their
        // own services on the JVM's broker with the same consumer groups, whose events it would take.
        KafkaNode kafka = KafkaNode.start();
        try {
            for (String service : SERVICES) {
                String database = name.replace('-', '_') + "_" + service.replace("-service", "");
                Map<String, String> properties = new LinkedHashMap<>(
                        PlatformServers.serviceProperties(database, kafka.bootstrapServers()));
                properties.putAll(tokens);
                if (service.equals("targets-service")) {
                    properties.putAll(LocalPlatform.usersFeature("http://localhost:" + keycloakPort, secrets));
                }
                ServiceProcess process = ServiceProcess.start(service, name + "-" + service, properties);
                processes.add(process);
                gatewayProperties.put("zhaoshang.gateway.services." + service.replace("-service", ""), process.baseUrl());
            }
            KeycloakServer keycloak = keycloakStarting.join();
            WholePlatform platform = new WholePlatform(secrets, kafka, keycloak, processes, gatewayPort);
            try {
                processes.forEach(ServiceProcess::awaitReady);
                Path gatewayJar = Path.of(System.getProperty("e2e.jar.gateway"));
                Path logs = Path.of(System.getProperty("e2e.logs", "target/service-logs"));
                ServiceProcess gateway = ServiceProcess.start(gatewayJar, name + "-gateway", gatewayPort, gatewayProperties,
                        logs.resolve(name + "-gateway.log"), List.of("-XX:TieredStopAtLevel=1", "--logging.structured.format.console="));
                processes.add(gateway);
                keycloak.awaitReady();
                gateway.awaitReady();
                DemoDataLoader.load(keycloak, gateway.baseUrl(), secrets, kafka.bootstrapServers(), home);
                return platform;
            } catch (RuntimeException | IOException | InterruptedException e) {
                platform.close();
                throw e;
            }
        } catch (RuntimeException | IOException | InterruptedException e) {
            processes.forEach(ServiceProcess::close);
            keycloakStarting.thenAccept(KeycloakServer::close);
            kafka.close();
            throw e;
        }
    }

    /**
     * The local realm plus {@value #SHORT_LIVED_CLIENT}: the password-grant client {@code zhaoshang-cli}
     * with access tokens of 15 seconds, so that a test can see a real token expire through the gateway.
     */
    private static String withShortLivedClient(String realmJson) {
        ObjectNode realm = (ObjectNode) JSON.readTree(realmJson);
        ArrayNode clients = (ArrayNode) realm.get("clients");
        for (JsonNode client : clients) {
            if (client.path("clientId").asString("").equals("zhaoshang-cli")) {
                ObjectNode copy = ((ObjectNode) client).deepCopy();
                copy.put("clientId", SHORT_LIVED_CLIENT);
                copy.put("name", "end-to-end tests: tokens of 15 s");
                copy.remove("id");
                copy.withObjectProperty("attributes").put("access.token.lifespan", String.valueOf(SHORT_LIVED_TOKEN_SECONDS));
                clients.add(copy);
                return JSON.writeValueAsString(realm);
            }
        }
        throw new IllegalStateException("the local realm has no client zhaoshang-cli");
    }

    String consoleUrl() {
        return "http://localhost:" + gatewayPort;
    }

    /** The gateway's actuator (health, Prometheus), on its management port. */
    String gatewayManagementUrl() {
        return processes.getLast().managementUrl();
    }

    /** One of {@link #SERVICES}, directly, not through the gateway. */
    String serviceUrl(String service) {
        return processes.get(SERVICES.indexOf(service)).baseUrl();
    }

    KeycloakServer keycloak() {
        return keycloak;
    }

    LocalSecrets secrets() {
        return secrets;
    }

    /** An access token of a demo user, from Keycloak's token endpoint by password grant. */
    String tokenOf(String username) {
        return tokenOf(username, "zhaoshang-cli");
    }

    /** As {@link #tokenOf(String)}, from the given public client with direct access grants. */
    String tokenOf(String username, String clientId) {
        String form = "client_id=" + clientId + "&grant_type=password&username=" + username
                + "&password=" + URLEncoder.encode(secrets.demoPassword(), StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + username + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client of the gateway, signed in as the demo user. */
    ApiClient asUser(String username) {
        return ApiClient.at(consoleUrl()).withToken(tokenOf(username));
    }

    @Override
    public void close() {
        processes.reversed().forEach(ServiceProcess::close);
        keycloak.close();
        kafka.close();
    }
}
