package cn.gov.zhaoshang.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25, finding 11: a pod of the platform may open connections only to what its configuration
 * connects to, and to DNS. What it connects to is read from its ConfigMap (the JDBC URL, the Kafka
 * bootstrap servers, the JWK set URI, the gateway's service URLs), followed through the Services and
 * the operators' naming to the pods behind them; what it may connect to is read from the egress rules
 * of every NetworkPolicy that selects it. The two must be the same set of pods and ports.
 */
class EgressPoliciesTest {

    private static final Pattern URL = Pattern.compile("//([a-z0-9.-]+):(\\d+)");

    /** The issuer is what tokens carry and is never fetched: the services take the keys from the JWK set URI. */
    private static final Set<String> NOT_CONNECTED_TO = Set.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");

    private static final String DNS = "kube-system/kube-dns";

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyPodOfThePlatformReachesExactlyWhatItsConfigurationConnectsToAndDns(String overlay) {
        List<K8sObject> objects = K8sObject.parseAll(Kustomize.render(ManifestValidator.OVERLAYS.resolve(overlay)));
        Map<String, Map<String, String>> pods = pods(objects);

        for (String service : OverlaysValidationTest.SERVICES) {
            K8sObject deployment = one(objects, "Deployment", service);
            Map<String, String> labels = DeploymentPolicies.labels(deployment.spec().path("template").path("metadata").path("labels"));
            List<K8sObject> egressPolicies = objects.stream().filter(o -> o.is("NetworkPolicy"))
                    .filter(policy -> DeploymentPolicies.selects(policy.spec().path("podSelector"), labels))
                    .filter(policy -> texts(policy.spec().path("policyTypes")).contains("Egress"))
                    .toList();
            assertThat(egressPolicies).as("NetworkPolicies restricting what %s's pods reach", service).isNotEmpty();

            Set<String> allowed = new TreeSet<>();
            egressPolicies.forEach(policy -> allowed.addAll(allowedBy(policy, objects, pods)));
            Set<String> connected = connectedTo(one(objects, "ConfigMap", service + "-config"), objects, pods);
            connected.add(DNS + ":53/UDP");
            connected.add(DNS + ":53/TCP");

            assertThat(allowed).as("what %s may reach (expected: what its ConfigMap connects to, and DNS)", service)
                    .containsExactlyInAnyOrderElementsOf(connected);
        }
    }

    /** Every pod and port an egress rule allows, as {@code Kind/name:port/protocol}; any wider rule fails. */
    private static Set<String> allowedBy(K8sObject policy, List<K8sObject> objects, Map<String, Map<String, String>> pods) {
        Set<String> allowed = new TreeSet<>();
        for (JsonNode rule : policy.spec().path("egress")) {
            assertThat(rule.path("to")).as("%s: an egress rule without 'to' allows every destination", policy.id()).isNotEmpty();
            assertThat(rule.path("ports")).as("%s: an egress rule without ports allows every port", policy.id()).isNotEmpty();
            for (JsonNode peer : rule.path("to")) {
                assertThat(peer.has("ipBlock")).as("%s: an ipBlock in an egress rule", policy.id()).isFalse();
                List<String> destinations;
                if (peer.has("namespaceSelector")) {
                    // only the cluster's DNS lies outside the namespace
                    assertThat(DeploymentPolicies.labels(peer.path("namespaceSelector").path("matchLabels")))
                            .as("%s: a namespace it may reach", policy.id()).isEqualTo(Map.of("kubernetes.io/metadata.name", "kube-system"));
                    assertThat(DeploymentPolicies.labels(peer.path("podSelector").path("matchLabels")))
                            .as("%s: pods of kube-system it may reach", policy.id()).isEqualTo(Map.of("k8s-app", "kube-dns"));
                    destinations = List.of(DNS);
                } else {
                    assertThat(peer.path("podSelector")).as("%s: a peer selecting every pod", policy.id()).isNotEmpty();
                    destinations = pods.entrySet().stream()
                            .filter(pod -> DeploymentPolicies.selects(peer.path("podSelector"), pod.getValue()))
                            .map(Map.Entry::getKey).toList();
                    assertThat(destinations).as("%s: pods selected by %s", policy.id(), peer.path("podSelector")).isNotEmpty();
                }
                for (String destination : destinations) {
                    for (JsonNode port : rule.path("ports")) {
                        allowed.add(destination + ":" + portNumber(destination, port.path("port"), objects) + "/"
                                + port.path("protocol").asText("TCP"));
                    }
                }
            }
        }
        return allowed;
    }

    /** The pods behind every host:port in the ConfigMap's values, as {@code Kind/name:port/TCP}. */
    private static Set<String> connectedTo(K8sObject configMap, List<K8sObject> objects, Map<String, Map<String, String>> pods) {
        Set<String> connected = new TreeSet<>();
        configMap.node().path("data").fields().forEachRemaining(entry -> {
            if (NOT_CONNECTED_TO.contains(entry.getKey())) {
                return;
            }
            String value = entry.getValue().asText();
            if (entry.getKey().equals("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
                for (String server : value.split(",")) {
                    String[] hostPort = server.trim().split(":");
                    connected.add(podsOf(hostPort[0], Integer.parseInt(hostPort[1]), objects, pods));
                }
            }
            Matcher url = URL.matcher(value);
            while (url.find()) {
                connected.add(podsOf(url.group(1), Integer.parseInt(url.group(2)), objects, pods));
            }
        });
        return connected;
    }

    /**
     * The pods a host name of the namespace leads to: a Service of the overlay (its port to the
     * container's), or one the operators name after their resource: {@code <cluster>-rw|-ro|-r}
     * (CloudNativePG), {@code <kafka>-kafka-bootstrap} (Strimzi), {@code <keycloak>-service}.
     */
    private static String podsOf(String host, int port, List<K8sObject> objects, Map<String, Map<String, String>> pods) {
        for (K8sObject service : objects) {
            if (service.is("Service") && service.name().equals(host)) {
                for (JsonNode servicePort : service.spec().path("ports")) {
                    if (servicePort.path("port").asInt() == port) {
                        Map<String, String> selector = DeploymentPolicies.labels(service.spec().path("selector"));
                        List<String> selected = pods.entrySet().stream()
                                .filter(pod -> pod.getValue().entrySet().containsAll(selector.entrySet()))
                                .map(Map.Entry::getKey).toList();
                        assertThat(selected).as("pods of Service %s", host).hasSize(1);
                        return selected.get(0) + ":" + portNumber(selected.get(0), servicePort.path("targetPort"), objects) + "/TCP";
                    }
                }
                throw new AssertionError("Service " + host + " has no port " + port);
            }
        }
        for (K8sObject operated : objects) {
            String name = operated.name();
            boolean named = switch (operated.kind()) {
                case "Cluster" -> host.equals(name + "-rw") || host.equals(name + "-ro") || host.equals(name + "-r");
                case "Kafka" -> host.equals(name + "-kafka-bootstrap");
                case "Keycloak" -> host.equals(name + "-service");
                default -> false;
            };
            if (named) {
                assertThat(pods).containsKey(operated.id());
                return operated.id() + ":" + port + "/TCP";
            }
        }
        throw new AssertionError("a ConfigMap connects to " + host + ", which is neither a Service of the overlay nor one an operator makes");
    }

    /** A port of a NetworkPolicy or a Service: a number, or the name of a container port of the destination's pods. */
    private static int portNumber(String destination, JsonNode port, List<K8sObject> objects) {
        if (port.isInt()) {
            return port.asInt();
        }
        assertThat(destination).as("a named port (%s) of pods that no Deployment of the overlay defines", port.asText())
                .startsWith("Deployment/");
        K8sObject deployment = one(objects, "Deployment", destination.substring("Deployment/".length()));
        for (JsonNode container : deployment.spec().path("template").path("spec").path("containers")) {
            for (JsonNode containerPort : container.path("ports")) {
                if (containerPort.path("name").asText().equals(port.asText())) {
                    return containerPort.path("containerPort").asInt();
                }
            }
        }
        throw new AssertionError(destination + " has no container port named " + port.asText());
    }

    /** The pods of the overlay, by the object that makes them, with the labels they carry (the operators' as they set them). */
    private static Map<String, Map<String, String>> pods(List<K8sObject> objects) {
        Map<String, Map<String, String>> pods = new LinkedHashMap<>();
        for (K8sObject object : objects) {
            switch (object.kind()) {
                case "Deployment" -> pods.put(object.id(), DeploymentPolicies.labels(object.spec().path("template").path("metadata").path("labels")));
                case "Cluster" -> pods.put(object.id(), Map.of("cnpg.io/cluster", object.name()));
                case "Kafka" -> pods.put(object.id(), Map.of("strimzi.io/cluster", object.name(), "strimzi.io/kind", "Kafka"));
                case "Keycloak" -> pods.put(object.id(), Map.of("app", "keycloak", "app.kubernetes.io/instance", object.name(),
                        "app.kubernetes.io/managed-by", "keycloak-operator"));
                default -> {
                }
            }
        }
        return pods;
    }

    private static K8sObject one(List<K8sObject> objects, String kind, String name) {
        return objects.stream().filter(o -> o.is(kind) && o.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
