package cn.gov.zhaoshang.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The platform's own deployment rules, over one rendered overlay: probes on the actuator health
 * groups, resources, a locked-down security context, topology spread, pinned images, selectors that
 * select something, the companions every workload needs (Service, PodDisruptionBudget,
 * HorizontalPodAutoscaler, ServiceMonitor, NetworkPolicy), and every referenced Secret and
 * ConfigMap defined, templated or written by an operator.
 */
final class DeploymentPolicies {

    /** Names that say a value is a credential: such values come from Secrets, never from plain env or ConfigMaps. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|JAAS|CREDENTIAL|PRIVATE_KEY).*");

    private static final Pattern PINNED_IMAGE = Pattern.compile(".+(@sha256:[0-9a-f]{64}|:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})$");

    private final List<K8sObject> objects;
    private final Set<String> templatedSecrets;
    private final List<String> faults = new ArrayList<>();
    /** Labels of every pod the overlay makes, directly (Deployments) or through an operator. */
    private final Map<String, Map<String, String>> pods = new LinkedHashMap<>();

    private DeploymentPolicies(List<K8sObject> objects, Set<String> templatedSecrets) {
        this.objects = objects;
        this.templatedSecrets = templatedSecrets;
    }

    static List<String> check(List<K8sObject> objects, Set<String> templatedSecrets) {
        DeploymentPolicies policies = new DeploymentPolicies(objects, templatedSecrets);
        policies.collectPods();
        policies.checkWorkloads();
        policies.checkSelectors();
        policies.checkReferences();
        return policies.faults;
    }

    private void collectPods() {
        for (K8sObject object : objects) {
            switch (object.kind()) {
                case "Deployment", "StatefulSet" -> pods.put(object.id(), labels(object.spec().path("template").path("metadata").path("labels")));
                // pods the operators create, with the labels they give them
                case "Cluster" -> pods.put(object.id(), Map.of("cnpg.io/cluster", object.name()));
                case "Kafka" -> {
                    pods.put(object.id(), Map.of("strimzi.io/cluster", object.name(), "strimzi.io/kind", "Kafka"));
                    if (object.spec().has("kafkaExporter")) {
                        pods.put(object.id() + " exporter", Map.of("strimzi.io/cluster", object.name(), "strimzi.io/kind", "Kafka",
                                "strimzi.io/name", object.name() + "-kafka-exporter"));
                    }
                }
                case "Keycloak" -> pods.put(object.id(), Map.of("app", "keycloak", "app.kubernetes.io/instance", object.name(),
                        "app.kubernetes.io/managed-by", "keycloak-operator"));
                default -> {
                }
            }
        }
    }

    private void checkWorkloads() {
        for (K8sObject workload : of("Deployment", "StatefulSet")) {
            String id = workload.id();
            JsonNode template = workload.spec().path("template");
            Map<String, String> podLabels = labels(template.path("metadata").path("labels"));
            JsonNode selector = workload.spec().path("selector");
            if (selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty()) {
                faults.add(id + ": spec.selector is empty");
            } else if (!selects(selector, podLabels)) {
                faults.add(id + ": spec.selector " + selector + " matches no pod of its own template " + podLabels);
            }
            JsonNode pod = template.path("spec");
            if (pod.path("topologySpreadConstraints").isEmpty()) {
                faults.add(id + ": no topologySpreadConstraints");
            }
            for (JsonNode constraint : pod.path("topologySpreadConstraints")) {
                if (!selects(constraint.path("labelSelector"), podLabels)) {
                    faults.add(id + ": a topology spread constraint's labelSelector does not select the workload's own pods");
                }
            }
            JsonNode podSecurity = pod.path("securityContext");
            for (JsonNode container : pod.path("containers")) {
                checkContainer(id + " container " + container.path("name").asText(), container, podSecurity);
            }
            requireCompanions(workload, podLabels);
        }
    }

    private void checkContainer(String where, JsonNode container, JsonNode podSecurity) {
        checkProbe(where, container, "readinessProbe", "/actuator/health/readiness");
        checkProbe(where, container, "livenessProbe", "/actuator/health/liveness");
        JsonNode resources = container.path("resources");
        for (String required : List.of("requests.cpu", "requests.memory", "limits.memory")) {
            String[] parts = required.split("\\.");
            if (resources.path(parts[0]).path(parts[1]).asText("").isEmpty()) {
                faults.add(where + ": no resources." + required);
            }
        }
        String image = container.path("image").asText("");
        if (!PINNED_IMAGE.matcher(image).matches() || image.endsWith(":latest")) {
            faults.add(where + ": image '" + image + "' is not pinned to a tag or digest");
        }
        for (JsonNode env : container.path("env")) {
            if (env.has("value") && SECRET_NAME.matcher(env.path("name").asText()).matches()) {
                faults.add(where + ": env " + env.path("name").asText() + " carries a credential as plain text; read it from a Secret");
            }
        }
        JsonNode security = container.path("securityContext");
        if (!security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false))) {
            faults.add(where + ": runAsNonRoot is not true");
        }
        if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
            faults.add(where + ": readOnlyRootFilesystem is not true");
        }
        if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
            faults.add(where + ": allowPrivilegeEscalation is not false");
        }
        boolean dropsAll = false;
        for (JsonNode capability : security.path("capabilities").path("drop")) {
            dropsAll |= capability.asText().equals("ALL");
        }
        if (!dropsAll) {
            faults.add(where + ": capabilities.drop does not contain ALL");
        }
        String seccomp = security.path("seccompProfile").path("type").asText(podSecurity.path("seccompProfile").path("type").asText(""));
        if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
            faults.add(where + ": no seccompProfile (RuntimeDefault or Localhost)");
        }
    }

    private void checkProbe(String where, JsonNode container, String probe, String path) {
        JsonNode probeNode = container.get(probe);
        if (probeNode == null || probeNode.isNull()) {
            faults.add(where + ": no " + probe);
            return;
        }
        String actual = probeNode.path("httpGet").path("path").asText("");
        if (!actual.equals(path)) {
            faults.add(where + ": " + probe + " is not an HTTP GET of " + path + " (it is '" + actual + "')");
        }
    }

    private void requireCompanions(K8sObject workload, Map<String, String> podLabels) {
        String id = workload.id();
        List<K8sObject> services = of("Service").stream()
                .filter(s -> !s.spec().path("selector").isEmpty() && subset(labels(s.spec().path("selector")), podLabels)).toList();
        if (services.isEmpty()) {
            faults.add(id + ": no Service selects its pods");
        }
        if (of("PodDisruptionBudget").stream().noneMatch(p -> selects(p.spec().path("selector"), podLabels))) {
            faults.add(id + ": no PodDisruptionBudget selects its pods");
        }
        if (of("HorizontalPodAutoscaler").stream().noneMatch(h -> h.spec().path("scaleTargetRef").path("kind").asText().equals(workload.kind())
                && h.spec().path("scaleTargetRef").path("name").asText().equals(workload.name()))) {
            faults.add(id + ": no HorizontalPodAutoscaler scales it");
        }
        if (of("ServiceMonitor").stream().noneMatch(m -> services.stream().anyMatch(s -> selects(m.spec().path("selector"), labels(s.node().path("metadata").path("labels")))))) {
            faults.add(id + ": no ServiceMonitor scrapes its Service");
        }
        if (of("NetworkPolicy").stream().noneMatch(n -> !n.spec().path("podSelector").isEmpty() && selects(n.spec().path("podSelector"), podLabels))) {
            faults.add(id + ": no NetworkPolicy of its own says who may reach it");
        }
    }

    private void checkSelectors() {
        for (K8sObject service : of("Service")) {
            JsonNode selector = service.spec().path("selector");
            if (!selector.isEmpty() && pods.values().stream().noneMatch(pod -> subset(labels(selector), pod))) {
                faults.add(service.id() + ": selector " + labels(selector) + " matches no pod");
            }
        }
        for (K8sObject monitor : of("PodMonitor")) {
            requireSomePod(monitor.id() + ": selector", monitor.spec().path("selector"));
        }
        for (K8sObject budget : of("PodDisruptionBudget")) {
            requireSomePod(budget.id() + ": selector", budget.spec().path("selector"));
        }
        for (K8sObject policy : of("NetworkPolicy")) {
            JsonNode podSelector = policy.spec().path("podSelector");
            if (!podSelector.isEmpty()) {
                requireSomePod(policy.id() + ": podSelector", podSelector);
            }
            for (JsonNode rule : policy.spec().path("ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    if (peer.has("podSelector") && !peer.has("namespaceSelector") && !peer.path("podSelector").isEmpty()) {
                        requireSomePod(policy.id() + ": ingress peer podSelector", peer.path("podSelector"));
                    }
                }
            }
            for (JsonNode rule : policy.spec().path("egress")) {
                for (JsonNode peer : rule.path("to")) {
                    if (peer.has("podSelector") && !peer.has("namespaceSelector") && !peer.path("podSelector").isEmpty()) {
                        requireSomePod(policy.id() + ": egress peer podSelector", peer.path("podSelector"));
                    }
                }
            }
        }
        for (K8sObject monitor : of("ServiceMonitor")) {
            List<K8sObject> scraped = of("Service").stream()
                    .filter(s -> selects(monitor.spec().path("selector"), labels(s.node().path("metadata").path("labels")))).toList();
            if (scraped.isEmpty()) {
                faults.add(monitor.id() + ": selector matches no Service");
            }
            for (JsonNode endpoint : monitor.spec().path("endpoints")) {
                String port = endpoint.path("port").asText();
                boolean named = scraped.stream().anyMatch(s -> hasPort(s, port));
                if (!scraped.isEmpty() && !named) {
                    faults.add(monitor.id() + ": endpoint port '" + port + "' is not a port of the Services it selects");
                }
            }
        }
        Set<String> deployments = names("Deployment");
        for (K8sObject autoscaler : of("HorizontalPodAutoscaler")) {
            String target = autoscaler.spec().path("scaleTargetRef").path("name").asText();
            if (!deployments.contains(target)) {
                faults.add(autoscaler.id() + ": scaleTargetRef names Deployment " + target + ", which does not exist");
            }
        }
        Set<String> services = names("Service");
        of("Keycloak").forEach(k -> services.add(k.name() + "-service"));
        for (K8sObject ingress : of("Ingress")) {
            for (JsonNode rule : ingress.spec().path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String backend = path.path("backend").path("service").path("name").asText();
                    if (!services.contains(backend)) {
                        faults.add(ingress.id() + ": backend Service " + backend + " does not exist");
                    }
                }
            }
            if (ingress.spec().path("tls").isEmpty()) {
                faults.add(ingress.id() + ": no TLS");
            }
        }
    }

    private void checkReferences() {
        Set<String> secrets = new HashSet<>(templatedSecrets);
        secrets.addAll(names("Secret"));
        // written by the operators
        secrets.addAll(names("KafkaUser"));
        names("Kafka").forEach(kafka -> secrets.add(kafka + "-cluster-ca-cert"));
        names("Cluster").forEach(cluster -> secrets.add(cluster + "-app"));
        Set<String> configMaps = names("ConfigMap");
        for (K8sObject configMap : of("ConfigMap")) {
            configMap.node().path("data").fieldNames().forEachRemaining(key -> {
                if (SECRET_NAME.matcher(key).matches()) {
                    faults.add(configMap.id() + ": key " + key + " looks like a credential; it belongs in a Secret");
                }
            });
        }
        for (K8sObject object : objects) {
            Map<String, Set<String>> references = new HashMap<>();
            collectReferences(object.spec(), "", references);
            if (object.is("Ingress")) {
                object.spec().path("tls").forEach(tls -> references.computeIfAbsent("Secret", k -> new HashSet<>()).add(tls.path("secretName").asText()));
            }
            if (object.is("Keycloak")) {
                String tlsSecret = object.spec().path("http").path("tlsSecret").asText("");
                if (!tlsSecret.isEmpty()) {
                    references.computeIfAbsent("Secret", k -> new HashSet<>()).add(tlsSecret);
                }
            }
            for (String secret : references.getOrDefault("Secret", Set.of())) {
                if (!secrets.contains(secret)) {
                    faults.add(object.id() + ": references Secret " + secret
                            + ", which is neither in the overlay, templated in deploy/base/secrets, nor written by an operator");
                }
            }
            for (String configMap : references.getOrDefault("ConfigMap", Set.of())) {
                if (!configMaps.contains(configMap)) {
                    faults.add(object.id() + ": references ConfigMap " + configMap + ", which the overlay does not define");
                }
            }
        }
    }

    /** Finds secretKeyRef/secretRef/secret volumes, configMapKeyRef/configMapRef/configMap volumes and
     *  operator-style {@code *Secret: {name}} references anywhere under {@code node}. */
    private static void collectReferences(JsonNode node, String field, Map<String, Set<String>> references) {
        if (node.isObject()) {
            String kind = switch (field) {
                case "secretKeyRef", "secretRef", "passwordSecret", "usernameSecret", "accessKeyId", "secretAccessKey",
                     "region", "sessionToken", "superuserSecret" -> "Secret";
                case "configMapKeyRef", "configMapRef" -> "ConfigMap";
                default -> null;
            };
            if (kind != null && node.path("name").isTextual()) {
                references.computeIfAbsent(kind, k -> new HashSet<>()).add(node.path("name").asText());
            }
            if (field.equals("secret") && node.path("secretName").isTextual()) {
                references.computeIfAbsent("Secret", k -> new HashSet<>()).add(node.path("secretName").asText());
            }
            if (field.equals("configMap") && node.path("name").isTextual()) {
                references.computeIfAbsent("ConfigMap", k -> new HashSet<>()).add(node.path("name").asText());
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> child = fields.next();
                collectReferences(child.getValue(), child.getKey(), references);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collectReferences(item, field, references);
            }
        }
    }

    private void requireSomePod(String what, JsonNode selector) {
        if (pods.values().stream().noneMatch(pod -> selects(selector, pod))) {
            faults.add(what + " " + selector + " matches no pod");
        }
    }

    private static boolean hasPort(K8sObject service, String name) {
        for (JsonNode port : service.spec().path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A metav1.LabelSelector (matchLabels and matchExpressions) against a pod's labels. */
    static boolean selects(JsonNode selector, Map<String, String> podLabels) {
        if (!subset(labels(selector.path("matchLabels")), podLabels)) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            Set<String> values = new HashSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> podLabels.containsKey(key) && values.contains(podLabels.get(key));
                case "NotIn" -> !podLabels.containsKey(key) || !values.contains(podLabels.get(key));
                case "Exists" -> podLabels.containsKey(key);
                case "DoesNotExist" -> !podLabels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean subset(Map<String, String> wanted, Map<String, String> labels) {
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            labels.put(field.getKey(), field.getValue().asText());
        }
        return labels;
    }

    private List<K8sObject> of(String... kinds) {
        Set<String> wanted = Set.of(kinds);
        return objects.stream().filter(o -> wanted.contains(o.kind())).toList();
    }

    private Set<String> names(String kind) {
        Set<String> names = new HashSet<>();
        of(kind).forEach(o -> names.add(o.name()));
        return names;
    }
}
