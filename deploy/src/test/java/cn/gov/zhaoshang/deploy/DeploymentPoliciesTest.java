package cn.gov.zhaoshang.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of the validation can fail: the rendered production overlay, with one thing broken at a
 * time, is rejected with a message that names the object and the fault.
 */
class DeploymentPoliciesTest {

    private static List<K8sObject> production;
    private final ManifestValidator validator = new ManifestValidator();

    @BeforeAll
    static void render() {
        production = K8sObject.parseAll(Kustomize.render(ManifestValidator.OVERLAYS.resolve("production")));
    }

    @Test
    void theUnbrokenOverlayHasNoFault() {
        assertThat(validator.validate(production)).isEmpty();
    }

    @Test
    void aLivenessProbeOnTheWrongPathIsRejected() {
        assertThat(faultsAfter("Deployment", "targets-service", d -> container(d).with("livenessProbe").with("httpGet").put("path", "/")))
                .containsExactly("Deployment/targets-service container targets-service: livenessProbe is not an HTTP GET of /actuator/health/liveness (it is '/')");
    }

    @Test
    void aContainerWithoutResourcesIsRejected() {
        assertThat(faultsAfter("Deployment", "gateway", d -> container(d).remove("resources")))
                .containsExactly("Deployment/gateway container gateway: no resources.requests.cpu",
                        "Deployment/gateway container gateway: no resources.requests.memory",
                        "Deployment/gateway container gateway: no resources.limits.memory");
    }

    @Test
    void anUnpinnedImageIsRejected() {
        assertThat(faultsAfter("Deployment", "project-service", d -> container(d).put("image", "registry.zhaoshang.example.gov.cn/zhaoshang/project-service:latest")))
                .containsExactly("Deployment/project-service container project-service: image 'registry.zhaoshang.example.gov.cn/zhaoshang/project-service:latest' is not pinned to a tag or digest");
        assertThat(faultsAfter("Deployment", "project-service", d -> container(d).put("image", "registry.zhaoshang.example.gov.cn/zhaoshang/project-service")))
                .hasSize(1).first().asString().contains("is not pinned");
    }

    @Test
    void aWeakenedSecurityContextIsRejected() {
        List<String> faults = faultsAfter("Deployment", "reporting-service", d -> {
            ObjectNode security = container(d).with("securityContext");
            security.put("readOnlyRootFilesystem", false);
            security.put("allowPrivilegeEscalation", true);
            security.remove("capabilities");
            security.remove("runAsNonRoot");
            ObjectNode pod = (ObjectNode) d.with("spec").with("template").with("spec");
            pod.with("securityContext").remove("runAsNonRoot");
            pod.with("securityContext").remove("seccompProfile");
        });

        assertThat(faults).containsExactlyInAnyOrder(
                "Deployment/reporting-service container reporting-service: runAsNonRoot is not true",
                "Deployment/reporting-service container reporting-service: readOnlyRootFilesystem is not true",
                "Deployment/reporting-service container reporting-service: allowPrivilegeEscalation is not false",
                "Deployment/reporting-service container reporting-service: capabilities.drop does not contain ALL",
                "Deployment/reporting-service container reporting-service: no seccompProfile (RuntimeDefault or Localhost)");
    }

    @Test
    void aWorkloadWithoutTopologySpreadIsRejected() {
        assertThat(faultsAfter("Deployment", "enterprise-service", d -> d.with("spec").with("template").with("spec").remove("topologySpreadConstraints")))
                .containsExactly("Deployment/enterprise-service: no topologySpreadConstraints");
    }

    @Test
    void aWorkloadWithoutItsCompanionsIsRejected() {
        List<K8sObject> withoutThem = production.stream()
                .filter(o -> !(o.name().equals("targets-service") && List.of("PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy").contains(o.kind())))
                .toList();

        assertThat(validator.validate(withoutThem)).containsExactlyInAnyOrder(
                "Deployment/targets-service: no PodDisruptionBudget selects its pods",
                "Deployment/targets-service: no HorizontalPodAutoscaler scales it",
                "Deployment/targets-service: no NetworkPolicy of its own says who may reach it");
    }

    @Test
    void aReferenceToASecretNobodyProvidesIsRejected() {
        assertThat(faultsAfter("Deployment", "project-service", d -> {
            ObjectNode ref = ((ArrayNode) container(d).withArray("env")).addObject().put("name", "SPRING_DATASOURCE_PASSWORD_OLD")
                    .putObject("valueFrom").putObject("secretKeyRef");
            ref.put("name", "project-db-typo").put("key", "password");
        })).containsExactly("Deployment/project-service: references Secret project-db-typo, which is neither in the overlay, templated in deploy/base/secrets, nor written by an operator");
    }

    @Test
    void aCredentialInPlainEnvOrInAConfigMapIsRejected() {
        assertThat(faultsAfter("Deployment", "gateway", d -> container(d).withArray("env").addObject()
                .put("name", "SPRING_DATASOURCE_PASSWORD").put("value", "secret")))
                .containsExactly("Deployment/gateway container gateway: env SPRING_DATASOURCE_PASSWORD carries a credential as plain text; read it from a Secret");
        assertThat(faultsAfter("ConfigMap", "gateway-config", c -> c.with("data").put("KEYCLOAK_CLIENT_SECRET", "x")))
                .containsExactly("ConfigMap/gateway-config: key KEYCLOAK_CLIENT_SECRET looks like a credential; it belongs in a Secret");
    }

    @Test
    void aNetworkPolicyOrMonitorThatSelectsNothingIsRejected() {
        assertThat(faultsAfter("NetworkPolicy", "platform-db", n -> n.with("spec").with("podSelector").with("matchLabels").put("cnpg.io/cluster", "platform-db-old")))
                .containsExactly("NetworkPolicy/platform-db: podSelector {\"matchLabels\":{\"cnpg.io/cluster\":\"platform-db-old\"}} matches no pod");
        assertThat(faultsAfter("NetworkPolicy", "reporting-service", n -> ((ObjectNode) n.with("spec").withArray("egress").get(0))
                .withArray("to").addObject().putObject("podSelector").putObject("matchLabels").put("cnpg.io/cluster", "reporting-db")))
                .containsExactly("NetworkPolicy/reporting-service: egress peer podSelector {\"matchLabels\":{\"cnpg.io/cluster\":\"reporting-db\"}} matches no pod");
        assertThat(faultsAfter("ServiceMonitor", "gateway", m -> ((ObjectNode) m.with("spec").withArray("endpoints").get(0)).put("port", "metrics")))
                .containsExactly("ServiceMonitor/gateway: endpoint port 'metrics' is not a port of the Services it selects");
    }

    @Test
    void anUnknownFieldInAMonitoringKindIsRejected() {
        assertThat(faultsAfter("PrometheusRule", "zhaoshang-platform", r -> r.with("spec").put("interval", "1m")))
                .containsExactly("PrometheusRule/zhaoshang-platform: unknown field spec.interval (not in the schema of monitoring.coreos.com/v1 PrometheusRule)");
    }

    private List<String> faultsAfter(String kind, String name, Consumer<ObjectNode> breakIt) {
        List<K8sObject> objects = new ArrayList<>();
        boolean found = false;
        for (K8sObject object : production) {
            if (object.is(kind) && object.name().equals(name)) {
                ObjectNode copy = object.node().deepCopy();
                breakIt.accept(copy);
                objects.add(new K8sObject(copy));
                found = true;
            } else {
                objects.add(object);
            }
        }
        assertThat(found).as("%s/%s in the production overlay", kind, name).isTrue();
        return validator.validate(objects);
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.with("spec").with("template").with("spec").withArray("containers").get(0);
    }
}
