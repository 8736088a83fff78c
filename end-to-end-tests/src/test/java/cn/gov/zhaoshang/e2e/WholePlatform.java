package cn.gov.zhaoshang.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.gov.zhaoshang.launcher.DemoDataLoader;
import cn.gov.zhaoshang.launcher.KeycloakServer;
import cn.gov.zhaoshang.launcher.LocalRealm;
import cn.gov.zhaoshang.launcher.LocalSecrets;
import cn.gov.zhaoshang.testsupport.FreePorts;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.ServiceProcess;

/**
 * The whole platform, started as the end-to-end tests start it: the packaged four services and the
 * gateway (which serves the web console) as separate JVMs on the test JVM's PostgreSQL and Kafka,
 * behind a fresh Keycloak from its distribution with the launcher's realm, and the launcher's demo
 * data loaded through the gateway. The console is at {@link #consoleUrl()}, on {@code localhost}
 * as Keycloak's exact redirect URIs require.
 */
final class WholePlatform implements AutoCloseable {

    static final List<String> SERVICES = List.of("project-service", "enterprise-service", "targets-service", "reporting-service");

    private final LocalSecrets secrets;
    private final KeycloakServer keycloak;
    private final List<ServiceProcess> processes;
    private final int gatewayPort;

    private WholePlatform(LocalSecrets secrets, KeycloakServer keycloak, List<ServiceProcess> processes, int gatewayPort) {
        this.secrets = secrets;
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
                home, keycloakPort, managementPort, LocalRealm.build(secrets, consoleOrigin), secrets));
        Map<String, String> tokens = Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer + "/protocol/openid-connect/certs");
        List<ServiceProcess> processes = new ArrayList<>();
        Map<String, String> gatewayProperties = new LinkedHashMap<>(tokens);
        try {
            for (String service : SERVICES) {
                String database = name.replace('-', '_') + "_" + service.replace("-service", "");
                Map<String, String> properties = new LinkedHashMap<>(PlatformServers.serviceProperties(database));
                properties.putAll(tokens);
                ServiceProcess process = ServiceProcess.start(service, name + "-" + service, properties);
                processes.add(process);
                gatewayProperties.put("zhaoshang.gateway.services." + service.replace("-service", ""), process.baseUrl());
            }
            KeycloakServer keycloak = keycloakStarting.join();
            WholePlatform platform = new WholePlatform(secrets, keycloak, processes, gatewayPort);
            try {
                processes.forEach(ServiceProcess::awaitReady);
                Path gatewayJar = Path.of(System.getProperty("e2e.jar.gateway"));
                Path logs = Path.of(System.getProperty("e2e.logs", "target/service-logs"));
                ServiceProcess gateway = ServiceProcess.start(gatewayJar, name + "-gateway", gatewayPort, gatewayProperties,
                        logs.resolve(name + "-gateway.log"), List.of("-XX:TieredStopAtLevel=1", "--logging.structured.format.console="));
                processes.add(gateway);
                keycloak.awaitReady();
                gateway.awaitReady();
                DemoDataLoader.load(keycloak, gateway.baseUrl(), secrets, PlatformServers.kafka().bootstrapServers(), home);
                return platform;
            } catch (RuntimeException | IOException | InterruptedException e) {
                platform.close();
                throw e;
            }
        } catch (RuntimeException e) {
            processes.forEach(ServiceProcess::close);
            keycloakStarting.thenAccept(KeycloakServer::close);
            throw e;
        }
    }

    String consoleUrl() {
        return "http://localhost:" + gatewayPort;
    }

    KeycloakServer keycloak() {
        return keycloak;
    }

    LocalSecrets secrets() {
        return secrets;
    }

    @Override
    public void close() {
        processes.reversed().forEach(ServiceProcess::close);
        keycloak.close();
    }
}
