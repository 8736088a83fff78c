package cn.gov.zhaoshang.deploy;

import cn.gov.zhaoshang.contracts.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25, finding 6: with {@code authorization: simple} a client may do only what its KafkaUser
 * grants, so each service's grants are derived from its code ({@link KafkaUseInCode}) and compared
 * with deploy's KafkaUsers both ways: everything the code reads, writes or joins is granted, and
 * nothing else is.
 *
 * <p>What the code needs, per service:
 * <ul>
 *   <li>every topic of an active {@code @KafkaListener}, and every topic it replays outside a group:
 *       Read and Describe;</li>
 *   <li>every listener's consumer group: Read and Describe (literal names, no prefixes);</li>
 *   <li>its outbox's topics, and the dead-letter topic of every topic it consumes (the shared error
 *       handler writes there): Write and Describe;</li>
 *   <li>the re-drive of its own topics' dead letters ({@code POST /actuator/deadletters/{topic}}, run by
 *       the topic's publisher only): Read and Describe on its topics and their {@code .dlt} topics, and
 *       on the group {@code <service>-redrive}. It writes only the topics its outbox writes.</li>
 * </ul>
 */
class KafkaAclsMatchCodeTest {

    static final List<String> SERVICES = List.of("project-service", "enterprise-service", "targets-service", "reporting-service");

    /**
     * Grants a KafkaUser may hold although the code does not account for them, by service, each with a
     * comment saying why. None today.
     */
    static final Map<String, Set<String>> GRANTED_BEYOND_THE_CODE = Map.of();

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyTopicAndGroupTheCodeUsesIsGrantedToItsService(String overlay) {
        List<K8sObject> objects = render(overlay);
        for (String service : SERVICES) {
            Set<String> needed = needed(use(service, objects));
            assertThat(granted(kafkaUser(objects, service))).as("ACLs of KafkaUser %s missing for what its code does", service)
                    .containsAll(needed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyGrantOfAServiceIsUsedByItsCode(String overlay) {
        List<K8sObject> objects = render(overlay);
        for (String service : SERVICES) {
            Set<String> allowed = new TreeSet<>(needed(use(service, objects)));
            allowed.addAll(GRANTED_BEYOND_THE_CODE.getOrDefault(service, Set.of()));
            Set<String> unused = new TreeSet<>(granted(kafkaUser(objects, service)));
            unused.removeAll(allowed);
            assertThat(unused).as("ACLs of KafkaUser %s that its code does not use", service).isEmpty();
        }
    }

    /**
     * The derivation itself, pinned to what the finding states, so that a parser that found nothing
     * could not make both comparisons above pass with empty KafkaUsers: every service but the tree's
     * owner follows the org tree on the targets topic, project-service also the resident teams and
     * the enterprises, reporting-service all three source topics for its read models.
     */
    @Test
    void theCodesUseIsWhatTheServicesDo() {
        List<K8sObject> objects = render("production");
        Map<String, KafkaUseInCode.Use> uses = new HashMap<>();
        SERVICES.forEach(service -> uses.put(service, use(service, objects)));

        for (String follower : List.of("project-service", "enterprise-service", "reporting-service")) {
            assertThat(uses.get(follower).listeners()).as("listeners of %s", follower)
                    .contains(new KafkaUseInCode.Listener("platform-shared/src/main/java/cn/gov/zhaoshang/platform/orgunits/OrgUnitEventsListener.java",
                            List.of(Topics.TARGETS), follower + ".org-units"));
        }
        assertThat(uses.get("targets-service").consumedTopics()).as("targets-service owns the tree and the teams").isEmpty();
        assertThat(uses.get("project-service").groups())
                .containsExactlyInAnyOrder("project-service.org-units", "project-service.teams", "project-service.enterprises");
        assertThat(uses.get("project-service").consumedTopics()).containsExactlyInAnyOrder(Topics.TARGETS, Topics.ENTERPRISE);
        assertThat(uses.get("reporting-service").consumedTopics()).containsExactlyInAnyOrder(Topics.PROJECT, Topics.ENTERPRISE, Topics.TARGETS);
        assertThat(uses.get("reporting-service").groups())
                .containsExactlyInAnyOrder("reporting-service", "reporting-service.org-units", "reporting-service.definitions");
        assertThat(uses.get("reporting-service").replayedTopics()).containsExactlyInAnyOrder(Topics.PROJECT, Topics.ENTERPRISE, Topics.TARGETS);
        Map<String, String> ownTopics = Map.of("project-service", Topics.PROJECT, "enterprise-service", Topics.ENTERPRISE,
                "targets-service", Topics.TARGETS, "reporting-service", Topics.REPORT);
        ownTopics.forEach((service, topic) -> {
            assertThat(uses.get(service).producedTopics()).as("what %s's outbox publishes", service).containsExactly(topic);
            assertThat(uses.get(service).redrive()).as("what %s's re-drive reads", service)
                    .isEqualTo(new KafkaUseInCode.Redrive(Set.of(topic, Topics.deadLetterTopicOf(topic)), service + "-redrive"));
        });
    }

    /**
     * No service may write a topic its outbox does not publish, nor read a dead-letter topic or join a
     * re-drive group but its own topics' and its own.
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void noServiceMayWriteAnotherServicesTopicOrReadADeadLetterTopic(String overlay) {
        List<K8sObject> objects = render(overlay);
        for (String service : SERVICES) {
            KafkaUseInCode.Use use = use(service, objects);
            for (String acl : granted(kafkaUser(objects, service))) {
                String[] parts = acl.split(" ");
                if (parts[0].equals("topic") && parts[3].equals("Write") && !parts[1].endsWith(".dlt")) {
                    assertThat(use.producedTopics()).as("%s may write %s", service, parts[1]).contains(parts[1]);
                }
                if (parts[0].equals("topic") && parts[3].equals("Read") && parts[1].endsWith(".dlt")) {
                    assertThat(Topics.PUBLISHERS.get(parts[1].substring(0, parts[1].length() - ".dlt".length())))
                            .as("%s may read %s", service, parts[1]).isEqualTo(service);
                }
                if (parts[0].equals("group") && parts[1].endsWith("-redrive")) {
                    assertThat(parts[1]).as("%s may join", service).isEqualTo(service + "-redrive");
                }
            }
        }
    }

    /** The ACLs the code needs, as {@code "<type> <name> <patternType> <operation>"}. */
    static Set<String> needed(KafkaUseInCode.Use use) {
        Set<String> acls = new TreeSet<>();
        for (String topic : union(use.consumedTopics(), use.replayedTopics())) {
            acls.add("topic " + topic + " literal Read");
            acls.add("topic " + topic + " literal Describe");
        }
        for (String group : use.groups()) {
            acls.add("group " + group + " literal Read");
            acls.add("group " + group + " literal Describe");
        }
        for (String topic : union(use.producedTopics(), use.deadLetterTopics())) {
            acls.add("topic " + topic + " literal Write");
            acls.add("topic " + topic + " literal Describe");
        }
        for (String topic : use.redrive().readTopics()) {
            acls.add("topic " + topic + " literal Read");
            acls.add("topic " + topic + " literal Describe");
        }
        if (use.redrive().group() != null) {
            acls.add("group " + use.redrive().group() + " literal Read");
            acls.add("group " + use.redrive().group() + " literal Describe");
        }
        return acls;
    }

    /** The ACLs a KafkaUser grants, in the same form; a deny rule or a host restriction fails, as nothing here expects one. */
    static Set<String> granted(K8sObject user) {
        JsonNode authorization = user.spec().path("authorization");
        assertThat(authorization.path("type").asText()).as("authorization of %s", user.id()).isEqualTo("simple");
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : authorization.path("acls")) {
            assertThat(acl.path("type").asText("allow")).as("an ACL of %s", user.id()).isEqualTo("allow");
            JsonNode resource = acl.path("resource");
            String name = resource.path("type").asText().equals("cluster") ? "kafka-cluster" : resource.path("name").asText();
            String pattern = resource.path("patternType").asText("literal");
            List<String> operations = new ArrayList<>();
            acl.path("operations").forEach(operation -> operations.add(operation.asText()));
            if (acl.has("operation")) {
                operations.add(acl.path("operation").asText());
            }
            operations.forEach(operation -> acls.add(resource.path("type").asText() + " " + name + " " + pattern + " " + operation));
        }
        return acls;
    }

    private static KafkaUseInCode.Use use(String service, List<K8sObject> objects) {
        Map<String, String> environment = new HashMap<>();
        objects.stream().filter(o -> o.is("ConfigMap") && o.name().equals(service + "-config")).findFirst()
                .ifPresent(config -> config.node().path("data").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText())));
        objects.stream().filter(o -> o.is("Deployment") && o.name().equals(service)).findFirst()
                .ifPresent(deployment -> deployment.spec().path("template").path("spec").path("containers").forEach(container ->
                        container.path("env").forEach(env -> {
                            if (env.has("value")) {
                                environment.put(env.path("name").asText(), env.path("value").asText());
                            }
                        })));
        return KafkaUseInCode.of(service, environment);
    }

    private static K8sObject kafkaUser(List<K8sObject> objects, String service) {
        return objects.stream().filter(o -> o.is("KafkaUser") && o.name().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaUser " + service));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<K8sObject> render(String overlay) {
        return K8sObject.parseAll(Kustomize.render(ManifestValidator.OVERLAYS.resolve(overlay)));
    }
}
