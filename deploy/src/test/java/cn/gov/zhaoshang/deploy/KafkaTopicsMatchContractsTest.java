package cn.gov.zhaoshang.deploy;

import cn.gov.zhaoshang.contracts.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The KafkaTopics are exactly the AsyncAPI topics plus their dead-letter topics, with the agreed retention. */
class KafkaTopicsMatchContractsTest {

    private static final long THIRTY_DAYS_MS = 30L * 24 * 60 * 60 * 1000;

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theKafkaTopicsAreTheAsyncApiTopicsAndTheirDeadLetterTopics(String overlay) {
        List<String> asyncApi = Contracts.asyncApiTopics();
        List<String> expected = new ArrayList<>(asyncApi);
        asyncApi.forEach(topic -> expected.add(Topics.deadLetterTopicOf(topic)));

        assertThat(asyncApi).as("the AsyncAPI channels and Topics.ALL agree").containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(topics(overlay).keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void sourceTopicsKeepEveryEventAndDeadLetterTopicsThirtyDays(String overlay) {
        topics(overlay).forEach((topic, spec) -> {
            JsonNode config = spec.path("config");
            long expectedRetention = topic.endsWith(".dlt") ? THIRTY_DAYS_MS : -1;
            assertThat(config.path("retention.ms").asLong()).as("retention.ms of %s", topic).isEqualTo(expectedRetention);
            assertThat(config.path("cleanup.policy").asText()).as("cleanup.policy of %s", topic).isEqualTo("delete");
            assertThat(config.path("retention.bytes").asLong()).as("retention.bytes of %s", topic).isEqualTo(-1);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"production"})
    void productionTopicsAreReplicatedThreeTimesAndNeedTwoInSyncCopies(String overlay) {
        topics(overlay).forEach((topic, spec) -> {
            assertThat(spec.path("replicas").asInt()).as("replicas of %s", topic).isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as("min.insync.replicas of %s", topic).isEqualTo(2);
            assertThat(spec.path("partitions").asInt()).as("partitions of %s", topic).isPositive();
        });
    }

    private static Map<String, JsonNode> topics(String overlay) {
        return K8sObject.parseAll(Kustomize.render(ManifestValidator.OVERLAYS.resolve(overlay))).stream()
                .filter(o -> o.is("KafkaTopic"))
                .collect(Collectors.toMap(o -> o.spec().path("topicName").asText(o.name()), K8sObject::spec));
    }
}
