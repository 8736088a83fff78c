package cn.gov.zhaoshang.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;

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
     * contexts that use it: as a handler of Spring Boot's own shutdown hook, which runs its handlers
     * once it has closed every context of the JVM.
     *
     * <p>A JVM shutdown hook of its own ran concurrently with Spring's and could not reliably wait
     * for it (Spring's hook thread may not have started when this one looked for it): a context
     * closing after PostgreSQL had stopped waited in its outbox's last status update
     * (namastack's {@code OutboxInstanceRegistry.stop}) for a connection the pool could no longer
     * open, until surefire killed the JVM 30 s after its exit began.
     *
     * <p>Spring adds its JVM hook only once an application asked for it, and the servers start
     * before the first context (and in JVMs without one, such as the end-to-end tests'), so the
     * hook is asked for here. If that is not possible, a JVM hook of our own is the fallback.
     */
    private static void stopOnExit(AutoCloseable server) {
        Runnable stop = () -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // the JVM is going away; nothing left to clean up for
            }
        };
        if (enableSpringShutdownHook()) {
            SpringApplication.getShutdownHandlers().add(stop);
        } else {
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "platform-servers-shutdown"));
        }
    }

    /** What {@code SpringApplication.run} does when it registers its shutdown hook; not public API. */
    private static boolean enableSpringShutdownHook() {
        try {
            java.lang.reflect.Field field = SpringApplication.class.getDeclaredField("shutdownHook");
            field.setAccessible(true);
            Object hook = field.get(null);
            java.lang.reflect.Method enable = hook.getClass().getDeclaredMethod("enableShutdownHookAddition");
            enable.setAccessible(true);
            enable.invoke(hook);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
