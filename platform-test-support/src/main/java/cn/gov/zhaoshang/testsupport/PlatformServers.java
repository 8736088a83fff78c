package cn.gov.zhaoshang.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real servers of one test JVM: one PostgreSQL, one Kafka broker and one token issuer,
 * started on first use and stopped when the JVM exits.
 */
public final class PlatformServers {

    private static PostgresServer postgres;
    private static KafkaNode kafka;
    private static TestIdentityProvider identityProvider;

    private PlatformServers() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start();
            stopOnExit(postgres);
        }
        return postgres;
    }

    /**
     * The broker, in this JVM; in one of its own when the system property {@code platform.kafka.own-jvm}
     * is {@code true} (the propagation benchmark asks for that: a broker's pauses and compilations are
     * not a service's in a deployment).
     */
    public static synchronized KafkaNode kafka() {
        if (kafka == null) {
            kafka = Boolean.getBoolean("platform.kafka.own-jvm") ? KafkaNode.startInOwnJvm() : KafkaNode.start();
            stopOnExit(kafka);
        }
        return kafka;
    }

    public static synchronized TestIdentityProvider identityProvider() {
        if (identityProvider == null) {
            identityProvider = TestIdentityProvider.start();
            stopOnExit(identityProvider);
        }
        return identityProvider;
    }

    /**
     * The Spring properties that point a service at these servers, with its own database.
     * The same keys configure a service against production infrastructure.
     */
    public static Map<String, String> serviceProperties(String database) {
        return serviceProperties(database, kafka().bootstrapServers());
    }

    public static Map<String, String> serviceProperties(String database, String kafkaBootstrapServers) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres().database(database));
        properties.put("spring.datasource.username", PostgresServer.USER);
        properties.put("spring.datasource.password", PostgresServer.PASSWORD);
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        // a test JVM ends right after its tests: do not wait long for an outbox cycle still sending
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", "5s");
        properties.put("namastack.outbox.processing.shutdown-timeout", "5s");
        // a connection held this long is logged with the stack that took it: a test JVM that
        // waits for the pool at its exit says who holds the connection
        properties.put("spring.datasource.hikari.leak-detection-threshold", "20000");
        properties.putAll(tokenValidationProperties());
        return properties;
    }

    public static Map<String, String> tokenValidationProperties() {
        TestIdentityProvider idp = identityProvider();
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", idp.issuer(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", idp.jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.audiences", TestIdentityProvider.AUDIENCE);
    }

    /**
     * Stops the server when the JVM exits, but only after Spring has closed the application
     * contexts that use it: JVM shutdown hooks run concurrently, and a service still shutting down
     * would otherwise wait for a database or broker that is already gone.
     */
    private static void stopOnExit(AutoCloseable server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitSpringShutdown();
            try {
                server.close();
            } catch (Exception ignored) {
                // the JVM is going away; nothing left to clean up for
            }
        }, "platform-servers-shutdown"));
    }

    private static void awaitSpringShutdown() {
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("SpringApplicationShutdownHook"))
                .forEach(thread -> {
                    try {
                        thread.join(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }
}
