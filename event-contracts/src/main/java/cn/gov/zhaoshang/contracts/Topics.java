package cn.gov.zhaoshang.contracts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kafka topics of the platform: one per owning service and contract version.
 *
 * <p>Names are chosen here on purpose and never derived from Java class names. Each topic has an
 * internal dead-letter topic, see {@link #deadLetterTopicOf(String)}; dead-letter topics are not
 * offered to subscribers.
 */
public final class Topics {

    public static final String PROJECT = "zhaoshang.project.v1";
    public static final String ENTERPRISE = "zhaoshang.enterprise.v1";
    public static final String TARGETS = "zhaoshang.targets.v1";
    public static final String REPORT = "zhaoshang.report.v1";

    /** The published topics, in a fixed order. Dead-letter topics are not included. */
    public static final List<String> ALL = List.of(PROJECT, ENTERPRISE, TARGETS, REPORT);

    /**
     * The service that publishes each topic, by its {@code spring.application.name}: the only one
     * that writes it, through its outbox and when it re-drives the topic's dead letters.
     */
    public static final Map<String, String> PUBLISHERS = Map.of(
            PROJECT, "project-service",
            ENTERPRISE, "enterprise-service",
            TARGETS, "targets-service",
            REPORT, "reporting-service");

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /**
     * The internal dead-letter topic of {@code topic}: {@code topic + ".dlt"}.
     *
     * @throws IllegalArgumentException if {@code topic} is itself a dead-letter topic
     */
    public static String deadLetterTopicOf(String topic) {
        Objects.requireNonNull(topic, "topic");
        if (topic.endsWith(DEAD_LETTER_SUFFIX)) {
            throw new IllegalArgumentException("A dead-letter topic has no dead-letter topic: " + topic);
        }
        return topic + DEAD_LETTER_SUFFIX;
    }
}
