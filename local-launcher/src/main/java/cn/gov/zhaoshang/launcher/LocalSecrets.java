package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The local platform's secrets: taken from the environment ({@code DEMO_PASSWORD},
 * {@code AGENCY_STATS_SECRET}, {@code KEYCLOAK_ADMIN_PASSWORD}, {@code POSTGRES_PASSWORD}, {@code USERS_CLIENT_SECRET}) or generated on first start and
 * kept in {@code .run-local/secrets.properties}, readable only by the owner, so that a second start
 * matches the realm Keycloak already imported. Never committed.
 */
public final class LocalSecrets {

    private final Properties values = new Properties();

    private LocalSecrets() {
    }

    /** Secrets given explicitly, for tests. */
    public static LocalSecrets of(String demoPassword, String agencyStatsSecret, String keycloakAdminPassword) {
        LocalSecrets secrets = new LocalSecrets();
        secrets.values.setProperty("DEMO_PASSWORD", demoPassword);
        secrets.values.setProperty("AGENCY_STATS_SECRET", agencyStatsSecret);
        secrets.values.setProperty("KEYCLOAK_ADMIN_PASSWORD", keycloakAdminPassword);
        secrets.values.setProperty("USERS_CLIENT_SECRET", generate());
        return secrets;
    }

    static LocalSecrets in(Path home) {
        LocalSecrets secrets = new LocalSecrets();
        Path file = home.resolve("secrets.properties");
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    secrets.values.load(reader);
                }
            }
            for (String name : new String[] {"DEMO_PASSWORD", "AGENCY_STATS_SECRET", "KEYCLOAK_ADMIN_PASSWORD", "POSTGRES_PASSWORD",
                    "USERS_CLIENT_SECRET"}) {
                String fromEnvironment = System.getenv(name);
                if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                    secrets.values.setProperty(name, fromEnvironment);
                } else if (!secrets.values.containsKey(name)) {
                    secrets.values.setProperty(name, generate());
                }
            }
            Files.createDirectories(home);
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                secrets.values.store(writer, "local platform secrets; generated unless set in the environment");
            }
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets;
    }

    public String demoPassword() {
        return values.getProperty("DEMO_PASSWORD");
    }

    public String agencyStatsSecret() {
        return values.getProperty("AGENCY_STATS_SECRET");
    }

    /** The secret of the client zhaoshang-users, with which targets-service manages users in Keycloak. */
    public String usersClientSecret() {
        return values.getProperty("USERS_CLIENT_SECRET");
    }

    public String keycloakAdminPassword() {
        return values.getProperty("KEYCLOAK_ADMIN_PASSWORD");
    }

    /** The local PostgreSQL's superuser password (the services connect with it). */
    public String postgresPassword() {
        return values.getProperty("POSTGRES_PASSWORD");
    }

    /** A random secret of 120 bits, URL-safe. */
    static String generate() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
