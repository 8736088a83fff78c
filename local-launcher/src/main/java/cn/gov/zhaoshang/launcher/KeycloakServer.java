package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import cn.gov.zhaoshang.testsupport.Readiness;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Keycloak, from its distribution zip on Maven Central, on a fixed port over plain HTTP
 * with its development file database, the realm imported on first start (its H2 data stays in
 * the installation under the launcher's home). Built once per machine, then started optimized.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // generous: on a machine busy with other work Keycloak has been seen to need more than 4 minutes
    private static final Duration STARTUP_DEADLINE = Duration.ofMinutes(10);
    private static final Duration BUILD_DEADLINE = Duration.ofMinutes(10);
    /** Build-time options: the file database of development, health checks. */
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true");
    private static final String BUILT_MARKER = "zhaoshang-built";
    /** The built distribution also holds a fresh database (schema and master realm, nothing else). */
    private static final String INITIALIZED_MARKER = "zhaoshang-database-initialized";
    /**
     * Keycloak creates its bootstrap admin only with a new master realm: the initialized database
     * has one, with this (random, per machine) password, which each installation's first start
     * replaces with its own and then deletes.
     */
    private static final String INITIAL_ADMIN_PASSWORD = "zhaoshang-initial-admin-password";
    /** The name of Keycloak's pid file among the launcher's ({@link PidFiles}). */
    static final String PID_KEY = "keycloak";

    private final Process process;
    private final String baseUrl;
    private final Path log;
    /** Where the admin password of the initialized database is kept until this start replaces it, if it must. */
    private final Path initialAdminPassword;
    private final String adminPassword;

    private KeycloakServer(Process process, String baseUrl, Path log) {
        this(process, baseUrl, log, null, null);
    }

    private KeycloakServer(Process process, String baseUrl, Path log, Path initialAdminPassword, String adminPassword) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
        this.initialAdminPassword = initialAdminPassword;
        this.adminPassword = adminPassword;
    }

    /**
     * Starts Keycloak from the distribution the build downloaded, on the launcher's ports, and
     * records its pid in {@code pids}, so that a launcher after one killed hard can stop it.
     */
    static KeycloakServer start(Path zip, String version, Path home, int port, String realmJson, LocalSecrets secrets,
            PidFiles pids) {
        return start(zip, version, home, port, port + 1, realmJson, secrets, Optional.of(pids));
    }

    /** Starts Keycloak from the distribution the build downloaded (see {@code launcher.properties}). */
    public static KeycloakServer start(Path home, int port, int managementPort, String realmJson, LocalSecrets secrets) {
        LauncherSettings settings = LauncherSettings.load();
        return start(settings.keycloakZip(), settings.keycloakVersion(), home, port, managementPort, realmJson, secrets,
                Optional.empty());
    }

    private static KeycloakServer start(Path zip, String version, Path home, int port, int managementPort, String realmJson,
            LocalSecrets secrets, Optional<PidFiles> pids) {
        Path installation = home.resolve("keycloak-" + version);
        try {
            prepare(zip, version, installation);
            Path imports = installation.resolve("data/import");
            Files.createDirectories(imports);
            Files.writeString(imports.resolve("realm-zhaoshang.json"), realmJson, StandardCharsets.UTF_8);
            Path log = home.resolve("logs/keycloak.log");
            Files.createDirectories(log.getParent());
            String baseUrl = "http://localhost:" + port;
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", installation.resolve("bin/kc.sh").toString(),
                    "start", "--optimized", "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + baseUrl,
                    "--import-realm", "--http-management-port=" + managementPort, "--cache=local"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            environment(builder);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.keycloakAdminPassword());
            Process process = builder.start();
            // kc.sh runs Keycloak's JVM as its child; both are stopped together
            pids.ifPresent(files -> files.record(PID_KEY, "Keycloak", process.toHandle(),
                    List.of(installation.resolve("bin/kc.sh").toString(), "--http-port=" + port)));
            return new KeycloakServer(process, baseUrl, log, installation.resolve(INITIAL_ADMIN_PASSWORD),
                    secrets.keycloakAdminPassword());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keycloak re-builds its Quarkus application whenever it starts in development mode: a minute
     * or two of CPU on every start. Instead the distribution is built once per machine with the
     * options the platform needs ({@link #BUILD_OPTIONS}), kept beside the Maven cache, and copied
     * into {@code home}, where it starts with {@code --optimized} and keeps its data (H2 file
     * database, the realm import). An installation left by an earlier launcher is built in place,
     * keeping its data.
     */
    private static void prepare(Path zip, String version, Path installation) throws IOException {
        if (Files.exists(installation.resolve(BUILT_MARKER))) {
            return;
        }
        if (Files.exists(installation.resolve("bin/kc.sh"))) {
            build(installation);
            return;
        }
        Path built = builtDistribution(zip, version);
        Path database = initializedDatabase(built);
        copyTree(built, installation);
        copyTree(database.resolve("h2"), installation.resolve("data/h2"));
        Files.copy(database.resolve(INITIAL_ADMIN_PASSWORD), installation.resolve(INITIAL_ADMIN_PASSWORD));
    }

    /**
     * A new Keycloak database takes Keycloak most of its first start: creating the schema (about
     * a hundred Liquibase change sets on H2) and the master realm, half a minute on an idle
     * machine of two cores and much more beside the services starting. That part is the same on
     * every first start, so it is done once per machine, like the build: the built distribution
     * is started once with no realm to import and no admin user, stopped, and its fresh database
     * kept with it. Every installation copied from it then starts with that empty database, and
     * still imports the {@code zhaoshang} realm from the repository's file and creates its admin
     * user from this launcher's secrets (Keycloak creates the bootstrap admin when the master
     * realm has no user, which it has not here).
     */
    private static Path initializedDatabase(Path built) throws IOException {
        // beside the build, not in it: launchers of older checkouts copy the build as it is
        Path database = built.resolveSibling(built.getFileName() + "-database");
        if (Files.exists(database.resolve(INITIALIZED_MARKER))) {
            return database;
        }
        Path work = Files.createTempDirectory(built.getParent(), "keycloak-initializing-");
        try {
            copyTree(built, work);
            int port = freePort();
            String baseUrl = "http://localhost:" + port;
            Path log = work.resolve("initialize.log");
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", work.resolve("bin/kc.sh").toString(),
                    "start", "--optimized", "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + baseUrl,
                    "--http-management-port=" + freePort(), "--cache=local"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            environment(builder);
            String initialPassword = LocalSecrets.generate();
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", initialPassword);
            Files.writeString(work.resolve(INITIAL_ADMIN_PASSWORD), initialPassword);
            KeycloakServer initializing = new KeycloakServer(builder.start(), baseUrl, log);
            try {
                initializing.awaitRealm("master");
            } finally {
                initializing.close();
            }
            Path result = work.resolve("database");
            Files.createDirectories(result);
            Files.move(work.resolve("data/h2"), result.resolve("h2"));
            Files.move(work.resolve(INITIAL_ADMIN_PASSWORD), result.resolve(INITIAL_ADMIN_PASSWORD));
            Files.writeString(result.resolve(INITIALIZED_MARKER), "schema, master realm and its admin user\n");
            try {
                Files.move(result, database, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException initializedMeanwhile) {
                // another launcher or test did the same at the same time: use theirs
                if (!Files.exists(database.resolve(INITIALIZED_MARKER))) {
                    throw initializedMeanwhile;
                }
            }
            return database;
        } finally {
            deleteTree(work);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path builtDistribution(Path zip, String version) throws IOException {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "zhaoshang-platform");
        Path built = cache.resolve("keycloak-" + version + "-" + Integer.toHexString(String.join(" ", BUILD_OPTIONS).hashCode()));
        if (Files.exists(built.resolve(BUILT_MARKER))) {
            return built;
        }
        Files.createDirectories(cache);
        Path work = Files.createTempDirectory(cache, "keycloak-building-");
        try {
            unzip(zip, work);
            Path unpacked = work.resolve("keycloak-" + version);
            build(unpacked);
            try {
                Files.move(unpacked, built, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException builtMeanwhile) {
                // another launcher or test built it at the same time: use theirs
                if (!Files.exists(built.resolve(BUILT_MARKER))) {
                    throw builtMeanwhile;
                }
            }
            return built;
        } finally {
            deleteTree(work);
        }
    }

    private static void build(Path installation) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", installation.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        Path log = installation.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        environment(builder);
        try {
            Process process = builder.start();
            if (!process.waitFor(BUILD_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new LauncherException("building Keycloak took longer than " + BUILD_DEADLINE + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new LauncherException("building Keycloak failed (exit " + process.exitValue() + "); see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while building Keycloak");
        }
        Files.writeString(installation.resolve(BUILT_MARKER), String.join(" ", BUILD_OPTIONS) + "\n");
    }

    private static void environment(ProcessBuilder builder) {
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
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

    /** Ready when the realm's discovery document answers (and the admin has this launcher's password). */
    public KeycloakServer awaitReady() {
        awaitRealm("zhaoshang");
        if (initialAdminPassword != null && Files.exists(initialAdminPassword)) {
            try {
                replaceAdminPassword(Files.readString(initialAdminPassword).strip());
                Files.delete(initialAdminPassword);
            } catch (IOException e) {
                throw new LauncherException("could not set Keycloak's admin password: " + e.getMessage() + "; see " + log);
            }
        }
        return this;
    }

    /** Through Keycloak's admin API, as the admin of the initialized database. */
    private void replaceAdminPassword(String initialPassword) throws IOException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String bearer = adminBearer(http, initialPassword, "the initial admin's token");
            resetPassword(http, bearer, "master", "admin", adminPassword);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /**
     * Gives the demo users, {@code agency-stats} and {@code zhaoshang-users} the secrets of this start. Keycloak imports the
     * realm file only into an installation that does not have the realm yet, so without this a
     * second start with another {@code DEMO_PASSWORD} or {@code AGENCY_STATS_SECRET} printed
     * secrets that Keycloak still refused.
     */
    public void applySecrets(LocalSecrets secrets) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String bearer = adminBearer(http, adminPassword, "the admin's token (if KEYCLOAK_ADMIN_PASSWORD changed since "
                    + "this installation was made, unset it or delete the installation under .run-local)");
            for (String user : LocalRealm.DEMO_USERS) {
                resetPassword(http, bearer, "zhaoshang", user, secrets.demoPassword());
            }
            setClientSecret(http, bearer, "agency-stats", secrets.agencyStatsSecret());
            setClientSecret(http, bearer, "zhaoshang-users", secrets.usersClientSecret());
        } catch (IOException e) {
            throw new LauncherException("could not give Keycloak this start's secrets: " + e.getMessage() + "; see " + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while giving Keycloak this start's secrets");
        }
    }

    /**
     * Brings a realm imported by an earlier launcher up to the repository's file where the file
     * has since gained something: roles, clients and users it did not have (the web console's client
     * with this start's redirect URIs, {@code user-admin}, the demo user administrators) are added,
     * existing ones are left alone but for the console's redirect URIs, and the login pages' languages are set. Keycloak imports the file only into an installation that lacks the realm.
     */
    public void alignRealm(String realmJson) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String bearer = adminBearer(http, adminPassword, "the admin's token");
            JsonNode realm = JSON.readTree(realmJson);
            Map<String, Object> additions = Map.of("ifResourceExists", "SKIP", "roles", realm.get("roles"), "clients", realm.get("clients"),
                    "users", realm.get("users"));
            send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/zhaoshang/partialImport"))
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(additions))),
                    "adding the realm's new roles, clients and users");
            // the console's redirect URIs as this start's file has them (the silent sign-in's page was added later)
            JsonNode console = LocalRealm.client((ArrayNode) realm.get("clients"), "zhaoshang-console");
            updateClient(http, bearer, "zhaoshang-console", Map.of("redirectUris", console.get("redirectUris")));
            Map<String, Object> languages = Map.of("internationalizationEnabled", realm.get("internationalizationEnabled"),
                    "supportedLocales", realm.get("supportedLocales"), "defaultLocale", realm.get("defaultLocale"));
            send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/zhaoshang"))
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(languages))), "setting the login pages' languages");
        } catch (IOException e) {
            throw new LauncherException("could not bring the realm up to date: " + e.getMessage() + "; see " + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while bringing the realm up to date");
        }
    }

    private void setClientSecret(HttpClient http, String bearer, String clientId, String secret) throws IOException, InterruptedException {
        updateClient(http, bearer, clientId, Map.of("secret", secret));
    }

    /** Changes the named fields of a client of the realm, leaving the others as they are. */
    private void updateClient(HttpClient http, String bearer, String clientId, Map<String, Object> fields)
            throws IOException, InterruptedException {
        String clients = send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/zhaoshang/clients?clientId=" + clientId))
                .header("Authorization", bearer), "looking up " + clientId);
        String id = JSON.readTree(clients).get(0).get("id").asString();
        send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/zhaoshang/clients/" + id))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields))),
                "updating " + clientId + " (" + String.join(", ", fields.keySet()) + ")");
    }

    private String adminBearer(HttpClient http, String password, String what) throws IOException, InterruptedException {
        String form = "client_id=admin-cli&grant_type=password&username=admin&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        String token = send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), what);
        return "Bearer " + JSON.readTree(token).get("access_token").asString();
    }

    private void resetPassword(HttpClient http, String bearer, String realm, String username, String password)
            throws IOException, InterruptedException {
        String users = send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).header("Authorization", bearer), "looking up " + username);
        String id = JSON.readTree(users).get(0).get("id").asString();
        String credential = JSON.writeValueAsString(Map.of("type", "password", "value", password, "temporary", false));
        send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + "/users/" + id + "/reset-password"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(credential)), "resetting " + username + "'s password");
    }

    /** @return the body of a 2xx answer; any other answer is an {@link IOException} naming {@code what} */
    private static String send(HttpClient http, HttpRequest.Builder request, String what) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(what + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private KeycloakServer awaitRealm(String realm) {
        try {
            Readiness.await("Keycloak ready", STARTUP_DEADLINE, () -> {
                if (!process.isAlive()) {
                    throw new LauncherException("Keycloak exited; see " + log);
                }
                return Readiness.answersOk(baseUrl + "/realms/" + realm + "/.well-known/openid-configuration");
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
