package cn.gov.zhaoshang.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky embedded binaries) with a UTF-8 character type, so that
 * {@code pg_trgm} and text search treat Chinese characters as letters.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    /** System property: {@code true} loads pg_stat_statements into the server (for benchmarks). */
    public static final String STATEMENT_STATISTICS = "zhaoshang.postgres.statement-statistics";

    private final EmbeddedPostgres postgres;
    private final Set<String> databases = ConcurrentHashMap.newKeySet();

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start() {
        TestLane.refuseServerInFastLane("PostgreSQL");
        try {
            return new PostgresServer(utf8().start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server on a fixed port whose data stays in {@code dataDirectory} between starts. */
    public static PostgresServer start(Path dataDirectory, int port) {
        TestLane.refuseServerInFastLane("PostgreSQL");
        try {
            return new PostgresServer(utf8()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server on a fixed port whose data stays in {@code dataDirectory} between starts, and whose
     * superuser must give {@code superuserPassword} on every connection (the local platform's:
     * zonky's initdb trusts every local connection, so any user of the machine could otherwise
     * connect as the superuser). The password is set, and {@code pg_hba.conf} rewritten to ask for
     * it, on every start: a data directory from before keeps working, and is hardened by its next start.
     */
    public static PostgresServer start(Path dataDirectory, int port, String superuserPassword) {
        TestLane.refuseServerInFastLane("PostgreSQL");
        try {
            PostgresServer server = new PostgresServer(utf8()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // zonky's own connections (its readiness check, database()) give it too
                    .setConnectConfig("password", superuserPassword)
                    .start());
            server.requirePassword(dataDirectory, superuserPassword);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requirePassword(Path dataDirectory, String password) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                java.sql.PreparedStatement quote = connection.prepareStatement("SELECT quote_literal(?)")) {
            quote.setString(1, password);
            java.sql.ResultSet quoted = quote.executeQuery();
            quoted.next();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET password_encryption = 'scram-sha-256'");
                statement.execute("ALTER ROLE " + USER + " PASSWORD " + quoted.getString(1));
                java.nio.file.Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                        # Written by the local platform on every start (PostgresServer): every connection
                        # gives the superuser's password, kept in .run-local/secrets.properties.
                        local   all   all                  scram-sha-256
                        host    all   all   127.0.0.1/32   scram-sha-256
                        host    all   all   ::1/128        scram-sha-256
                        """);
                statement.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not require a password of PostgreSQL's superuser", e);
        }
    }

    private static EmbeddedPostgres.Builder utf8() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                // stopped by its owner (PlatformServers, the launcher) once the services are gone
                .setRegisterShutdownHook(false);
        if (Boolean.getBoolean(STATEMENT_STATISTICS)) {
            // benchmarks print PostgreSQL's costliest statements (the extension ships with the binaries)
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        return builder;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates the database once and returns its JDBC URL. */
    public String database(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database names are lower-case identifiers: " + name);
        }
        if (databases.add(name)) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                if (statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next()) {
                    return jdbcUrl(name);
                }
                statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
            } catch (SQLException e) {
                databases.remove(name);
                throw new IllegalStateException("could not create database " + name, e);
            }
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
