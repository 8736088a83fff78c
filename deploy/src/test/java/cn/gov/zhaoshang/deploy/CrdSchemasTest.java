package cn.gov.zhaoshang.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The structural checks against the operators' real CRDs, one fault at a time. */
class CrdSchemasTest {

    private static final CrdSchemas CRDS = CrdSchemas.load(ManifestValidator.CRDS);

    @Test
    void theThreeOperatorsApisAreLoaded() {
        assertThat(CRDS.kinds()).contains(
                "kafka.strimzi.io/v1/Kafka", "kafka.strimzi.io/v1/KafkaNodePool", "kafka.strimzi.io/v1/KafkaTopic", "kafka.strimzi.io/v1/KafkaUser",
                "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io/v1/ScheduledBackup",
                "k8s.keycloak.org/v2alpha1/Keycloak", "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");
    }

    @Test
    void aValidTopicPassesAndFreeFormConfigIsKept() {
        assertThat(check("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec:
                  partitions: 3
                  replicas: 3
                  config: {retention.ms: -1, any.broker.setting: x}
                """)).isEmpty();
    }

    @Test
    void aWrongTypeIsRejected() {
        assertThat(check("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec:
                  partitions: "three"
                """)).containsExactly("KafkaTopic/t: spec.partitions must be an integer");
    }

    @Test
    void aValueOutsideItsEnumIsRejected() {
        assertThat(check("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: u}
                spec:
                  authentication: {type: plain}
                """)).containsExactly("KafkaUser/u: spec.authentication.type is \"plain\", not one of [\"tls\",\"tls-external\",\"scram-sha-512\"]");
    }

    @Test
    void aMissingRequiredFieldIsRejected() {
        assertThat(check("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Database
                metadata: {name: d}
                spec:
                  cluster: {name: platform-db}
                  name: d
                """)).containsExactly("Database/d: missing required field spec.owner");
    }

    @Test
    void anUnknownTopLevelFieldIsRejected() {
        assertThat(check("""
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: Keycloak
                metadata: {name: k}
                spec: {instances: 1}
                status2: {}
                """)).containsExactly("Keycloak/k: unknown field status2");
    }

    private static List<String> check(String yaml) {
        return CRDS.check(K8sObject.parseAll(yaml).getFirst());
    }
}
