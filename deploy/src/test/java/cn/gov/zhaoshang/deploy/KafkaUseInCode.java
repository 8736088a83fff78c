package cn.gov.zhaoshang.deploy;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's code does with Kafka, read from its sources and the shared library's as the
 * service runs them (issue 25, finding 6): the topics and consumer groups of every
 * {@code @KafkaListener} whose bean the service's settings switch on, the dead-letter topics the
 * shared error handler writes for them, the topics its outbox publishes on, and the topics it replays
 * outside any group. Constants come from event-contracts ({@link Topics}, {@link EventTypes}),
 * placeholders from the shared defaults, the service's application.yml and the environment its
 * Deployment gives it.
 *
 * <p>Anything it cannot resolve (an unknown attribute, a topic pattern, a Kafka client in a class it
 * does not know) fails with the file's name, so that the comparison with the KafkaUsers never rests on
 * a guess.
 */
final class KafkaUseInCode {

    /** The repository's root: deploy's parent. */
    static final Path ROOT = ManifestValidator.DEPLOY.getParent();
    static final Path SHARED = ROOT.resolve("platform-shared");

    /**
     * The re-drive of dead-lettered events (platform-shared): run by the publisher of a topic, it reads
     * {@code <topic>.dlt} in the group {@code <service>-redrive}, reads each original in {@code <topic>}
     * outside any group, and publishes it again on {@code <topic>} (which its outbox writes already).
     */
    static final String RE_DRIVE = "platform/consumption/DeadLetterRedriveEndpoint.java";

    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\s*\\(");
    private static final Pattern CLASS_NAME = Pattern.compile("\\bclass\\s+(\\w+)");
    private static final Pattern EVENT_TYPE = Pattern.compile("\\bEventTypes\\.([A-Z_]+)\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern BEAN_METHOD = Pattern.compile(
            "@Bean\\s+((?:@\\w+(?:\\s*\\([^)]*\\))?\\s+)*)(?:public\\s+|protected\\s+|private\\s+)?(\\w+)\\s+\\w+\\s*\\(");
    private static final Pattern CONDITIONAL_ON_PROPERTY = Pattern.compile("@ConditionalOnProperty\\s*\\(([^)]*)\\)");
    private static final Pattern KAFKA_CLIENT = Pattern.compile(
            "import\\s+(org\\.apache\\.kafka\\.clients\\.(?:consumer\\.KafkaConsumer|producer\\.KafkaProducer|admin\\.\\w+)"
                    + "|org\\.springframework\\.kafka\\.core\\.KafkaTemplate);");
    private static final Set<String> LISTENER_ATTRIBUTES = Set.of("id", "idIsGroup", "topics", "groupId", "batch", "concurrency", "autoStartup");

    /** One listener as the service runs it. */
    record Listener(String source, List<String> topics, String group) {
    }

    /** Everything one service does with Kafka. */
    record Use(String service, List<Listener> listeners, Set<String> consumedTopics, Set<String> groups,
            Set<String> producedTopics, Set<String> deadLetterTopics, Set<String> replayedTopics, Redrive redrive) {
    }

    /** What the re-drive reads: its topics' dead letters and originals, and its group. */
    record Redrive(Set<String> readTopics, String group) {
    }

    private final String service;
    private final Map<String, String> environment;
    private final Properties defaults = new Properties();
    private final Map<String, String> applicationYml = new LinkedHashMap<>();

    private KafkaUseInCode(String service, Map<String, String> environment) {
        this.service = service;
        this.environment = environment;
        try (InputStream in = Files.newInputStream(SHARED.resolve("src/main/resources/platform-defaults.properties"))) {
            defaults.load(in);
            flatten("", K8sObject.YAML.readTree(ROOT.resolve(service).resolve("src/main/resources/application.yml").toFile()), applicationYml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param environment the variables the service's Deployment sets (its ConfigMap and env values),
     *                    which override application.yml as Spring's relaxed binding does
     */
    static Use of(String service, Map<String, String> environment) {
        return new KafkaUseInCode(service, environment).read();
    }

    private Use read() {
        Path own = ROOT.resolve(service).resolve("src/main/java");
        boolean shared = read(ROOT.resolve(service).resolve("pom.xml")).contains("<artifactId>platform-shared</artifactId>");
        List<Path> ownSources = javaFiles(own);
        List<Path> sharedSources = shared ? javaFiles(SHARED.resolve("src/main/java")) : List.of();
        String sharedBeans = sharedSources.stream().filter(f -> f.getFileName().toString().endsWith("AutoConfiguration.java"))
                .map(KafkaUseInCode::read).reduce("", String::concat);

        List<Listener> listeners = new ArrayList<>();
        for (Path file : ownSources) {
            listeners.addAll(listeners(file, read(file), null));
        }
        for (Path file : sharedSources) {
            listeners.addAll(listeners(file, read(file), sharedBeans));
        }
        Set<String> consumed = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        listeners.forEach(listener -> {
            consumed.addAll(listener.topics());
            groups.add(listener.group());
        });

        Set<String> deadLetters = new TreeSet<>();
        if (!listeners.isEmpty()) {
            // the shared error handler (PlatformAutoConfiguration) sends a record that failed for good to <topic>.dlt
            require(sharedBeans.contains("DeadLetterPublishingRecoverer") && sharedBeans.contains("Topics.deadLetterTopicOf(record.topic())"),
                    "platform-shared's error handler no longer dead-letters to Topics.deadLetterTopicOf(record.topic()); teach KafkaUseInCode where it writes");
            consumed.forEach(topic -> deadLetters.add(Topics.deadLetterTopicOf(topic)));
        }

        Set<String> produced = new TreeSet<>();
        for (Path file : ownSources) {
            String text = read(file);
            if (text.contains("EventPublisher")) {
                Matcher type = EVENT_TYPE.matcher(text);
                while (type.find()) {
                    produced.add(EventTypes.topicOf((String) constant(EventTypes.class, type.group(1), file)));
                }
            }
        }
        if (!produced.isEmpty()) {
            require(read(SHARED.resolve("src/main/java/cn/gov/zhaoshang/platform/outbox/KafkaOutboxRelay.java"))
                            .contains("EventTypes.topicOf(message.type())"),
                    "the outbox relay no longer sends to EventTypes.topicOf(message.type()); teach KafkaUseInCode where it writes");
        }

        Set<String> replayed = replayedTopics(ownSources);
        checkEveryKafkaClientIsKnown(ownSources, sharedSources);
        return new Use(service, listeners, consumed, groups, produced, deadLetters, replayed, redrive(shared, sharedBeans, produced));
    }

    /**
     * The re-drive endpoint, a bean of the shared auto-configuration in every service: it re-drives
     * the topics {@link Topics#PUBLISHERS} names this service for, which must be what its outbox
     * publishes.
     */
    private Redrive redrive(boolean shared, String sharedBeans, Set<String> produced) {
        if (!shared) {
            return new Redrive(Set.of(), null);
        }
        String endpoint = read(SHARED.resolve("src/main/java/cn/gov/zhaoshang/" + RE_DRIVE));
        require(sharedBeans.contains("new DeadLetterRedriveEndpoint(") && endpoint.contains("Topics.PUBLISHERS.get(topic)")
                        && endpoint.contains("service + \"-redrive\""),
                "the re-drive no longer works on the topics Topics.PUBLISHERS gives the service, in the group <service>-redrive; teach KafkaUseInCode");
        Set<String> published = new TreeSet<>();
        Topics.PUBLISHERS.forEach((topic, publisher) -> {
            if (publisher.equals(property("spring.application.name"))) {
                published.add(topic);
            }
        });
        require(published.equals(produced) || produced.isEmpty(),
                service + " publishes " + produced + " but Topics.PUBLISHERS gives it " + published);
        Set<String> read = new TreeSet<>();
        published.forEach(topic -> {
            read.add(topic);
            read.add(Topics.deadLetterTopicOf(topic));
        });
        return new Redrive(read, property("spring.application.name") + "-redrive");
    }

    // --- listeners

    private List<Listener> listeners(Path file, String text, String sharedBeans) {
        List<Listener> found = new ArrayList<>();
        Matcher matcher = LISTENER.matcher(text);
        while (matcher.find()) {
            String body = balanced(text, matcher.end() - 1, file);
            if (!active(file, text, sharedBeans)) {
                continue;
            }
            Map<String, String> attributes = listenerAttributes(attributes(body, file), file);
            List<String> topics = new ArrayList<>();
            String topicsValue = attributes.get("topics");
            require(topicsValue != null, file + ": a @KafkaListener without topics (a pattern or partitions?); teach KafkaUseInCode");
            String list = topicsValue.startsWith("{") ? topicsValue.substring(1, topicsValue.length() - 1) : topicsValue;
            for (String topic : splitTopLevel(list)) {
                topics.add(value(topic, file));
            }
            String group;
            if (attributes.containsKey("groupId")) {
                group = value(attributes.get("groupId"), file);
            } else if ("false".equals(attributes.get("idIsGroup"))) {
                group = property("spring.kafka.consumer.group-id");
                require(group != null, file + ": a listener in the default consumer group, and spring.kafka.consumer.group-id is not set");
            } else {
                group = value(attributes.get("id"), file);
            }
            found.add(new Listener(relative(file), List.copyOf(topics), group));
        }
        return found;
    }

    /**
     * Whether the service runs the listener's bean: a {@code @Component} of its own (unless a
     * condition switches it off), or a bean method of the shared auto-configuration, with its
     * {@code @ConditionalOnProperty} evaluated against the service's settings.
     */
    private boolean active(Path file, String text, String sharedBeans) {
        Matcher name = CLASS_NAME.matcher(text);
        require(name.find(), file + ": no class declaration");
        String className = name.group(1);
        if (sharedBeans == null) {
            require(text.contains("@Component") || text.contains("@Service"),
                    file + ": a listener in a class that is not a @Component; teach KafkaUseInCode how the service makes it a bean");
            Matcher condition = CONDITIONAL_ON_PROPERTY.matcher(text.substring(0, name.start()));
            return !condition.find() || holds(condition.group(1), file);
        }
        Matcher bean = BEAN_METHOD.matcher(sharedBeans);
        while (bean.find()) {
            if (bean.group(2).equals(className)) {
                Matcher condition = CONDITIONAL_ON_PROPERTY.matcher(bean.group(1));
                return !condition.find() || holds(condition.group(1), file);
            }
        }
        throw new AssertionError(file + ": no bean method of platform-shared's auto-configuration returns " + className
                + "; teach KafkaUseInCode how services get this listener");
    }

    /** {@code @ConditionalOnProperty(name = "x", havingValue = "true", matchIfMissing = true)} against the service's settings. */
    private boolean holds(String condition, Path file) {
        Map<String, String> attributes = attributes(condition, file);
        String name = attributes.containsKey("name") ? attributes.get("name") : attributes.get("value");
        require(name != null && name.startsWith("\"") && !attributes.containsKey("prefix"),
                file + ": a @ConditionalOnProperty the test cannot read: " + condition);
        String actual = property(unquote(name));
        if (actual == null) {
            return "true".equals(attributes.get("matchIfMissing"));
        }
        return attributes.containsKey("havingValue") ? actual.equalsIgnoreCase(unquote(attributes.get("havingValue")))
                : !actual.equalsIgnoreCase("false");
    }

    // --- other clients

    /**
     * Reads outside any consumer group: {@code TopicReplay.replay(topics, ...)} in reporting-service
     * (the read models' rebuild and reconcile). The topics are those its callers pass.
     */
    private Set<String> replayedTopics(List<Path> ownSources) {
        Set<String> replayed = new TreeSet<>();
        Pattern call = Pattern.compile("\\breplay\\.replay\\(\\s*(List\\.of\\(([^)]*)\\)|(\\w+))\\s*,");
        for (Path file : ownSources) {
            String text = read(file);
            Matcher matcher = call.matcher(text);
            while (matcher.find()) {
                String list = matcher.group(2);
                if (list == null) {
                    Matcher constant = Pattern.compile("\\b" + matcher.group(3) + "\\s*=\\s*List\\.of\\(([^)]*)\\)").matcher(text);
                    require(constant.find(), file + ": replays " + matcher.group(3) + ", which the test cannot resolve");
                    list = constant.group(1);
                }
                for (String topic : splitTopLevel(list)) {
                    replayed.add(value(topic, file));
                }
            }
        }
        return replayed;
    }

    /**
     * Every class that opens a Kafka client itself is one whose use the test accounts for; a new one
     * fails here until the test learns what it reads or writes.
     */
    private void checkEveryKafkaClientIsKnown(List<Path> ownSources, List<Path> sharedSources) {
        Set<String> known = Set.of(
                // the outbox: each event to its type's topic (the producers above)
                "platform/outbox/KafkaOutboxRelay.java",
                // the listeners' error handler: <topic>.dlt (the dead-letter topics above)
                "platform/config/PlatformAutoConfiguration.java",
                // the re-drive: its publisher's own topics (redrive above)
                RE_DRIVE,
                // reads topics from their beginning without a group (the replayed topics above)
                "reporting/readmodel/infrastructure/TopicReplay.java");
        for (Path file : Stream.concat(ownSources.stream(), sharedSources.stream()).toList()) {
            Matcher client = KAFKA_CLIENT.matcher(read(file));
            if (client.find()) {
                String path = file.toString().replace('\\', '/');
                require(known.stream().anyMatch(path::endsWith),
                        relative(file) + " uses " + client.group(1) + " itself; teach KafkaUseInCode (and the KafkaUsers) what it reads or writes");
            }
        }
    }

    // --- values

    /** A topic or group expression: a constant of {@link Topics}, or a string literal with placeholders. */
    private String value(String expression, Path file) {
        String trimmed = expression.trim();
        if (trimmed.startsWith("\"")) {
            return resolve(unquote(trimmed), file);
        }
        if (trimmed.startsWith("Topics.")) {
            return (String) constant(Topics.class, trimmed.substring("Topics.".length()), file);
        }
        throw new AssertionError(file + ": a topic or group the test cannot resolve: " + trimmed);
    }

    private String resolve(String text, Path file) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String value = property(placeholder.group(1));
            if (value == null) {
                value = placeholder.group(2);
            }
            require(value != null, file + ": ${" + placeholder.group(1) + "} is set nowhere");
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(resolved);
        return resolved.toString();
    }

    /** The environment the Deployment sets, then application.yml, then the shared defaults. */
    String property(String name) {
        String variable = name.toUpperCase().replace(".", "_").replace("-", "");
        if (environment.containsKey(variable)) {
            return environment.get(variable);
        }
        if (applicationYml.containsKey(name)) {
            return applicationYml.get(name);
        }
        return defaults.getProperty(name);
    }

    private static Object constant(Class<?> type, String field, Path file) {
        try {
            return type.getField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(file + ": " + type.getSimpleName() + "." + field + " is not a constant of event-contracts", e);
        }
    }

    // --- parsing

    /** The text between the parenthesis at {@code open} and the one that closes it, minding strings and braces. */
    private static String balanced(String text, int open, Path file) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                depth--;
                if (depth == 0) {
                    return text.substring(open + 1, i);
                }
            }
        }
        throw new AssertionError(file + ": an annotation that never closes");
    }

    private static Map<String, String> attributes(String body, Path file) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String part : splitTopLevel(body)) {
            int equals = part.indexOf('=');
            require(equals > 0, file + ": an annotation attribute the test cannot read: " + part.trim());
            attributes.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
        }
        return attributes;
    }

    private Map<String, String> listenerAttributes(Map<String, String> attributes, Path file) {
        attributes.keySet().forEach(name -> require(LISTENER_ATTRIBUTES.contains(name),
                file + ": @KafkaListener's attribute " + name + " changes what it reads; teach KafkaUseInCode"));
        return attributes;
    }

    /** Splits at commas outside strings, braces and parentheses. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (!text.substring(start).isBlank()) {
            parts.add(text.substring(start));
        }
        return parts.stream().map(String::trim).filter(part -> !part.isEmpty()).toList();
    }

    private static String unquote(String literal) {
        String trimmed = literal.trim();
        require(trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\""), "not a string literal: " + trimmed);
        return trimmed.substring(1, trimmed.length() - 1);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isValueNode()) {
            into.put(prefix, node.asText());
        }
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path file) {
        return ROOT.relativize(file).toString().replace('\\', '/');
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
