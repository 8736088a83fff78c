package cn.gov.zhaoshang.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every overlay renders with kubectl kustomize and passes the whole validation. */
class OverlaysValidationTest {

    static final List<String> SERVICES = List.of("gateway", "project-service", "enterprise-service", "targets-service", "reporting-service");

    private final ManifestValidator validator = new ManifestValidator();

    @Test
    void theOverlaysAreLocalAndProduction() {
        assertThat(ManifestValidator.OVERLAYS.toFile().list()).containsExactlyInAnyOrder("local", "production");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theOverlayRendersAndPassesTheValidation(String overlay) {
        ManifestValidator.Result result = validator.validate(ManifestValidator.OVERLAYS.resolve(overlay));

        assertThat(result.faults()).as("faults in overlay %s", overlay).isEmpty();
        assertThat(result.objects()).allSatisfy(o -> assertThat(o.node().path("metadata").path("namespace").asText())
                .as("namespace of %s", o.id()).isEqualTo("zhaoshang"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceHasItsWorkloadResources(String overlay) {
        Map<String, List<String>> names = kindsToNames(overlay);

        for (String service : SERVICES) {
            assertThat(names.get("Deployment")).as("Deployments").contains(service);
            assertThat(names.get("Service")).as("Services").contains(service);
            assertThat(names.get("PodDisruptionBudget")).as("PodDisruptionBudgets").contains(service);
            assertThat(names.get("HorizontalPodAutoscaler")).as("HorizontalPodAutoscalers").contains(service);
            assertThat(names.get("ServiceMonitor")).as("ServiceMonitors").contains(service);
            assertThat(names.get("NetworkPolicy")).as("NetworkPolicies").contains(service);
            assertThat(names.get("ConfigMap")).as("ConfigMaps").contains(service + "-config");
            if (!service.equals("gateway")) {
                assertThat(names.get("KafkaUser")).as("KafkaUsers").contains(service);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theInfrastructureIsRunByItsOperators(String overlay) {
        Map<String, List<String>> names = kindsToNames(overlay);

        assertThat(names.get("Kafka")).containsExactly("zhaoshang-kafka");
        assertThat(names.get("KafkaNodePool")).isNotEmpty();
        assertThat(names.get("Cluster")).containsExactlyInAnyOrder("platform-db", "keycloak-db");
        assertThat(names.get("Database")).containsExactlyInAnyOrder("project", "enterprise", "targets", "reporting");
        assertThat(names.get("ScheduledBackup")).containsExactlyInAnyOrder("platform-db-daily", "keycloak-db-daily");
        assertThat(names.get("Keycloak")).containsExactly("keycloak");
        assertThat(names.get("KeycloakRealmImport")).containsExactly("zhaoshang-realm");
        assertThat(names.get("PrometheusRule")).containsExactly("zhaoshang-platform");
        assertThat(names.get("Ingress")).contains("gateway");
        assertThat(names.get("NetworkPolicy")).contains("default-deny-ingress", "platform-db", "keycloak-db");
        assertThat(names).doesNotContainKey("Secret");
    }

    private Map<String, List<String>> kindsToNames(String overlay) {
        return K8sObject.parseAll(Kustomize.render(ManifestValidator.OVERLAYS.resolve(overlay))).stream()
                .collect(Collectors.groupingBy(K8sObject::kind, Collectors.mapping(K8sObject::name, Collectors.toList())));
    }
}
