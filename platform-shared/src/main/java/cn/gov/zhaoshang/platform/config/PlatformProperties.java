package cn.gov.zhaoshang.platform.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's own settings under {@code zhaoshang}.
 *
 * @param events how this service publishes and consumes events
 */
@ConfigurationProperties("zhaoshang")
public record PlatformProperties(Events events) {

    public PlatformProperties {
        events = events == null ? new Events(null, null) : events;
    }

    /**
     * @param source   the CloudEvents {@code source} of this service's events, e.g. {@code /zhaoshang/project-service}
     * @param consumer retry settings before an event is dead-lettered
     */
    public record Events(String source, Consumer consumer) {
        public Events {
            consumer = consumer == null ? new Consumer(3, Duration.ofMillis(500)) : consumer;
        }
    }

    /**
     * @param maxAttempts   attempts at applying one event before it goes to {@code <topic>.dlt}
     * @param retryInterval pause between attempts
     */
    public record Consumer(int maxAttempts, Duration retryInterval) {
    }
}
