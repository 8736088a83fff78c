package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.gov.zhaoshang.testsupport.Readiness;

/**
 * The real Keycloak, from its distribution zip on Maven Central, in development mode on a fixed
 * port, with the realm imported on first start (its H2 data stays in the unpacked directory).
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(240);

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private KeycloakServer(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Starts Keycloak from the distribution the build downloaded, on the launcher's ports. */
    static KeycloakServer start(Path zip, String version, Path home, int port, String realmJson, LocalSecrets secrets) {
        return start(zip, version, home, port, port + 1, realmJson, secrets);
    }

    /** Starts Keycloak from the distribution the build downloaded (see {@code launcher.properties}). */
    public static KeycloakServer start(Path home, int port, int managementPort, String realmJson, LocalSecrets secrets) {
        LauncherSettings settings = LauncherSettings.load();
        return start(settings.keycloakZip(), settings.keycloakVersion(), home, port, managementPort, realmJson, secrets);
    }

    private static KeycloakServer start(Path zip, String version, Path home, int port, int managementPort, String realmJson,
            LocalSecrets secrets) {
        Path installation = home.resolve("keycloak-" + version);
        try {
            if (!Files.exists(installation.resolve("bin/kc.sh"))) {
                unzip(zip, home);
            }
            Path imports = installation.resolve("data/import");
            Files.createDirectories(imports);
            Files.writeString(imports.resolve("realm-zhaoshang.json"), realmJson, StandardCharsets.UTF_8);
            Path log = home.resolve("logs/keycloak.log");
            Files.createDirectories(log.getParent());
            String baseUrl = "http://localhost:" + port;
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", installation.resolve("bin/kc.sh").toString(),
                    "start-dev", "--http-port=" + port, "--hostname=" + baseUrl, "--import-realm",
                    "--health-enabled=true", "--http-management-port=" + managementPort))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.keycloakAdminPassword());
            return new KeycloakServer(builder.start(), baseUrl, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String issuer() {
        return baseUrl + "/realms/zhaoshang";
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** Ready when the realm's discovery document answers. */
    public KeycloakServer awaitReady() {
        try {
            Readiness.await("Keycloak ready", STARTUP_DEADLINE, () -> {
                if (!process.isAlive()) {
                    throw new LauncherException("Keycloak exited; see " + log);
                }
                return Readiness.answersOk(issuer() + "/.well-known/openid-configuration");
            }, () -> "see " + log);
        } catch (IllegalStateException e) {
            throw new LauncherException("Keycloak was not ready within " + STARTUP_DEADLINE + "; see " + log);
        }
        return this;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                    if (entry.getName().endsWith(".sh")) {
                        destination.toFile().setExecutable(true);
                    }
                }
            }
        }
    }


}
