package cn.gov.zhaoshang.deploy;

import cn.gov.zhaoshang.contracts.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** What the production overlay promises beyond the generic rules: sizes, access and recovery. */
class ProductionOverlayTest {

    private static final List<String> DATABASE_OWNERS = List.of("project-service", "enterprise-service", "targets-service", "reporting-service");

    private static List<K8sObject> objects;

    @BeforeAll
    static void render() {
        objects = K8sObject.parseAll(Kustomize.render(ManifestValidator.OVERLAYS.resolve("production")));
    }

    @Test
    void kafkaRunsInKraftModeWithThreeBrokersAndThreeControllers() {
        assertThat(replicasWithRole("broker")).isEqualTo(3);
        assertThat(replicasWithRole("controller")).isEqualTo(3);
        JsonNode kafka = one("Kafka", "zhaoshang-kafka").spec().path("kafka");
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka.path("listeners")).allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean()).as("TLS on listener %s", listener.path("name")).isTrue();
            assertThat(listener.path("authentication").path("type").asText()).isIn("scram-sha-512", "tls");
        });
        assertThat(kafka.path("config").path("auto.create.topics.enable").asBoolean(true)).isFalse();
    }

    @Test
    void eachServiceHasAKafkaUserAndReadsItsCredentialsFromItsSecret() {
        for (String service : DATABASE_OWNERS) {
            K8sObject user = one("KafkaUser", service);
            assertThat(user.spec().path("authentication").path("type").asText()).isEqualTo("scram-sha-512");

            JsonNode container = one("Deployment", service).spec().path("template").path("spec").path("containers").get(0);
            JsonNode jaas = envNamed(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
            assertThat(jaas.path("valueFrom").path("secretKeyRef").path("name").asText()).isEqualTo(service);
            assertThat(jaas.path("valueFrom").path("secretKeyRef").path("key").asText()).isEqualTo("sasl.jaas.config");
        }
        assertThat(aclOf(one("KafkaUser", "project-service"), Topics.PROJECT)).contains("Write");
        assertThat(aclOf(one("KafkaUser", "reporting-service"), Topics.PROJECT)).contains("Read");
        assertThat(aclOf(one("KafkaUser", "project-service"), Topics.REPORT)).isEmpty();
    }

    @Test
    void agenciesReadThePublicTopicsOnlyAndNeverADeadLetterTopic() {
        List<K8sObject> agencies = objects.stream().filter(o -> o.is("KafkaUser"))
                .filter(o -> o.node().path("metadata").path("labels").path("zhaoshang.gov.cn/kafka-access").asText().equals("agency-reader"))
                .toList();

        assertThat(agencies).isNotEmpty();
        for (K8sObject agency : agencies) {
            for (JsonNode acl : agency.spec().path("authorization").path("acls")) {
                List<String> operations = texts(acl.path("operations"));
                assertThat(operations).as("operations of %s", agency.id()).isSubsetOf("Read", "Describe");
                if (acl.path("resource").path("type").asText().equals("topic")) {
                    assertThat(acl.path("resource").path("name").asText()).isIn(Topics.ALL);
                    assertThat(acl.path("resource").path("patternType").asText()).isEqualTo("literal");
                }
            }
            assertThat(Topics.ALL).allSatisfy(topic -> assertThat(aclOf(agency, topic)).contains("Read"));
        }
    }

    @Test
    void postgresHasThreeInstancesADatabaseAndOwnerPerServiceAndBackups() {
        K8sObject cluster = one("Cluster", "platform-db");
        assertThat(cluster.spec().path("instances").asInt()).isEqualTo(3);
        assertThat(cluster.spec().path("backup").path("barmanObjectStore").path("destinationPath").asText()).startsWith("s3://");
        List<String> hba = texts(cluster.spec().path("postgresql").path("pg_hba"));
        List<String> roles = new ArrayList<>();
        cluster.spec().path("managed").path("roles").forEach(role -> roles.add(role.path("name").asText()));

        for (String service : DATABASE_OWNERS) {
            String database = service.replace("-service", "");
            String owner = database + "_service";
            K8sObject db = one("Database", database);
            assertThat(db.spec().path("owner").asText()).isEqualTo(owner);
            assertThat(db.spec().path("cluster").path("name").asText()).isEqualTo("platform-db");
            assertThat(roles).contains(owner);
            // the owner, and nobody else, may connect to the service's database
            assertThat(hba).contains("hostssl " + database + " " + owner + " all scram-sha-256", "host " + database + " all all reject");
            assertThat(hba.indexOf("hostssl " + database + " " + owner + " all scram-sha-256"))
                    .isLessThan(hba.indexOf("host " + database + " all all reject"));
            assertThat(one("ConfigMap", service + "-config").node().path("data").path("SPRING_DATASOURCE_URL").asText())
                    .startsWith("jdbc:postgresql://platform-db-rw:5432/" + database);
        }
        assertThat(objects).anySatisfy(o -> {
            assertThat(o.kind()).isEqualTo("ScheduledBackup");
            assertThat(o.spec().path("cluster").path("name").asText()).isEqualTo("platform-db");
        });
    }

    @Test
    void theServicesConnectionPoolsFitIntoTheDatabaseEvenAtFullScaleDuringARollout() {
        int connections = 0;
        for (String service : DATABASE_OWNERS) {
            int maxPods = one("HorizontalPodAutoscaler", service).spec().path("maxReplicas").asInt()
                    + one("Deployment", service).spec().path("strategy").path("rollingUpdate").path("maxSurge").asInt();
            int pool = Integer.parseInt(one("ConfigMap", service + "-config").node().path("data")
                    .path("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE").asText());
            connections += maxPods * pool;
        }
        int maxConnections = Integer.parseInt(one("Cluster", "platform-db").spec().path("postgresql").path("parameters")
                .path("max_connections").asText());
        // CloudNativePG keeps a few for itself (superuser, replication, monitoring)
        assertThat(connections).isLessThanOrEqualTo(maxConnections - 20);
    }

    @Test
    void keycloakHasItsOwnDatabaseAndAProductionRealmWithoutPeople() {
        K8sObject keycloak = one("Keycloak", "keycloak");
        assertThat(keycloak.spec().path("db").path("host").asText()).isEqualTo("keycloak-db-rw");
        assertThat(one("Cluster", "keycloak-db").spec().path("instances").asInt()).isGreaterThanOrEqualTo(2);

        JsonNode realm = one("KeycloakRealmImport", "zhaoshang-realm").spec().path("realm");
        assertThat(realm.path("users")).as("users of the production realm: service accounts only, no people")
                .allSatisfy(user -> assertThat(user.path("serviceAccountClientId").asText()).isNotEmpty());
        List<String> roles = new ArrayList<>();
        realm.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asText()));
        assertThat(roles).contains("viewer", "officer", "leader", "target-admin", "contacts-reader", "auditor", "user-admin", "admin",
                "agency");
        assertThat(realm.path("clients").toString()).contains("zhaoshang-api", "org_unit");
    }

    @Test
    void alertsCoverOutboxLagDeadLettersConsumerLagAndServerErrors() {
        List<String> expressions = new ArrayList<>();
        objects.stream().filter(o -> o.is("PrometheusRule"))
                .forEach(rule -> rule.spec().path("groups").forEach(group -> group.path("rules")
                        .forEach(r -> expressions.add(r.path("expr").asText()))));

        assertThat(expressions).anySatisfy(e -> assertThat(e).contains("zhaoshang_outbox_publish_lag_seconds"));
        assertThat(expressions).anySatisfy(e -> assertThat(e).contains("zhaoshang_outbox_pending"));
        assertThat(expressions).anySatisfy(e -> assertThat(e).contains("kafka_topic_partition_current_offset").contains("\\.dlt"));
        assertThat(expressions).anySatisfy(e -> assertThat(e).contains("kafka_consumergroup_lag"));
        assertThat(expressions).anySatisfy(e -> assertThat(e).contains("http_server_requests_seconds_count{status=~\"5..\"}"));
    }

    @Test
    void onlyTheGatewayIsReachableFromTheIngressAndServicesOnlyFromTheGateway() {
        JsonNode gatewayPeers = one("NetworkPolicy", "gateway").spec().path("ingress");
        assertThat(gatewayPeers.toString()).contains("ingress-nginx").doesNotContain("podSelector");
        for (String service : DATABASE_OWNERS) {
            JsonNode rules = one("NetworkPolicy", service).spec().path("ingress");
            assertThat(rules.toString()).as("who reaches %s", service)
                    .contains("\"app.kubernetes.io/name\":\"gateway\"").doesNotContain("ingress-nginx");
        }
        assertThat(objects.stream().filter(o -> o.is("Ingress")).flatMap(i -> StreamSupport.stream(i.spec().path("rules").spliterator(), false))
                .map(rule -> rule.path("http").path("paths").get(0).path("backend").path("service").path("name").asText()))
                .containsOnly("gateway", "keycloak-service");
        assertThat(one("Ingress", "gateway").spec().path("tls")).isNotEmpty();
        // the web console at the public host: every path to the gateway, which serves it and the API
        JsonNode console = StreamSupport.stream(one("Ingress", "gateway").spec().path("rules").spliterator(), false)
                .filter(rule -> rule.path("host").asText().equals("zhaoshang.example.gov.cn")).findFirst().orElseThrow();
        assertThat(console.path("http").path("paths").get(0).path("path").asText()).isEqualTo("/");
        assertThat(console.path("http").path("paths").get(0).path("backend").path("service").path("name").asText()).isEqualTo("gateway");
        assertThat(one("Ingress", "gateway").spec().path("tls").get(0).path("hosts").toString()).contains("zhaoshang.example.gov.cn");
    }

    /**
     * Issue 25, finding 10: the Ingress forwards the public host to the gateway's {@code http} port,
     * and the actuator (probes, Prometheus) is on its {@code management} port, which only the
     * monitoring namespace reaches.
     */
    @Test
    void theGatewaysActuatorIsOnAManagementPortTheIngressNeverReaches() {
        JsonNode container = one("Deployment", "gateway").spec().path("template").path("spec").path("containers").get(0);
        assertThat(StreamSupport.stream(container.path("ports").spliterator(), false)
                .filter(port -> port.path("name").asText().equals("management"))
                .map(port -> port.path("containerPort").asInt())).containsExactly(9080);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.path(probe).path("httpGet").path("port").asText()).as(probe).isEqualTo("management");
        }
        assertThat(one("ConfigMap", "gateway-config").node().path("data").path("MANAGEMENT_ADDRESS").asText()).isEqualTo("0.0.0.0");
        assertThat(one("ServiceMonitor", "gateway").spec().path("endpoints").get(0).path("port").asText()).isEqualTo("management");
        JsonNode ingressBackend = StreamSupport.stream(one("Ingress", "gateway").spec().path("rules").spliterator(), false)
                .flatMap(rule -> StreamSupport.stream(rule.path("http").path("paths").spliterator(), false))
                .map(path -> path.path("backend").path("service").path("port")).findFirst().orElseThrow();
        assertThat(ingressBackend.path("name").asText(ingressBackend.path("number").asText())).isIn("http", "8080");
        for (JsonNode rule : one("NetworkPolicy", "gateway").spec().path("ingress")) {
            String ports = rule.path("ports").toString();
            if (rule.toString().contains("ingress-nginx")) {
                assertThat(ports).as("what the ingress controller reaches").contains("\"http\"").doesNotContain("management");
            } else {
                assertThat(rule.toString()).as("who reaches the management port").contains("monitoring");
                assertThat(ports).contains("management").doesNotContain("\"http\"");
            }
        }
    }

    private static int replicasWithRole(String role) {
        return objects.stream().filter(o -> o.is("KafkaNodePool"))
                .filter(pool -> texts(pool.spec().path("roles")).contains(role))
                .mapToInt(pool -> pool.spec().path("replicas").asInt()).sum();
    }

    private static List<String> aclOf(K8sObject user, String topic) {
        List<String> operations = new ArrayList<>();
        for (JsonNode acl : user.spec().path("authorization").path("acls")) {
            if (acl.path("resource").path("type").asText().equals("topic") && acl.path("resource").path("name").asText().equals(topic)) {
                operations.addAll(texts(acl.path("operations")));
            }
        }
        return operations;
    }

    private static JsonNode envNamed(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env;
            }
        }
        throw new AssertionError("no env " + name + " in " + container.path("name"));
    }

    private static K8sObject one(String kind, String name) {
        return objects.stream().filter(o -> o.is(kind) && o.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in the production overlay"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
