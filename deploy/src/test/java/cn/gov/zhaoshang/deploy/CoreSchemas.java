package cn.gov.zhaoshang.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the Kubernetes core kinds strictly with the fabric8 {@code kubernetes-model}.
 *
 * <p>fabric8's classes keep unknown fields in an "additionalProperties" map through
 * {@code @JsonAnySetter}, which would accept any typo. This mapper ignores those any-setters, so an
 * unknown field fails the parse with its path, as {@code kubectl apply --validate=strict} would.
 */
final class CoreSchemas {

    private static final Map<String, Class<?>> MODEL_CLASSES = Map.ofEntries(
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("apps/v1/StatefulSet", io.fabric8.kubernetes.api.model.apps.StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", io.fabric8.openshift.api.model.monitoring.v1.PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class));

    private static final ObjectMapper STRICT = new ObjectMapper()
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private CoreSchemas() {
    }

    static boolean knows(K8sObject object) {
        return MODEL_CLASSES.containsKey(object.apiVersion() + "/" + object.kind());
    }

    /** The schema faults of {@code object}, or none. */
    static List<String> check(K8sObject object) {
        Class<?> type = MODEL_CLASSES.get(object.apiVersion() + "/" + object.kind());
        if (type == null) {
            return List.of(object.id() + ": no schema for " + object.apiVersion() + " " + object.kind());
        }
        try {
            STRICT.treeToValue(object.node(), type);
            return List.of();
        } catch (UnrecognizedPropertyException e) {
            return List.of(object.id() + ": unknown field " + path(e) + " (not in the schema of "
                    + object.apiVersion() + " " + object.kind() + ")");
        } catch (JsonMappingException e) {
            return List.of(object.id() + ": invalid value at " + path(e) + ": " + e.getOriginalMessage());
        } catch (Exception e) {
            return List.of(object.id() + ": cannot be read as " + object.kind() + ": " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return Optional.of(path.toString()).filter(p -> !p.isEmpty()).orElse("(root)");
    }
}
