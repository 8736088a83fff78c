package cn.gov.zhaoshang.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The AsyncAPI document offered to subscribers agrees with the topics, types and schemas. */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "contracts/asyncapi.yaml";
    private static final URI DOCUMENT_URI = URI.create("classpath:/" + DOCUMENT);

    private static JsonNode asyncApi;

    @BeforeAll
    static void readDocument() throws IOException {
        try (InputStream in = resource(DOCUMENT)) {
            assertThat(in).as(DOCUMENT).isNotNull();
            asyncApi = YAMLMapper.builder().build().readTree(in);
        }
    }

    @Test
    void isAnAsyncApi300Document() {
        assertThat(asyncApi.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(asyncApi.path("info").path("title").asString()).isNotBlank();
        assertThat(asyncApi.path("info").path("version").asString()).isNotBlank();
        assertThat(asyncApi.path("servers").path("kafka").path("protocol").asString()).isEqualTo("kafka");
    }

    @Test
    void channelsAreExactlyTheFourTopics() {
        List<String> addresses = new ArrayList<>();
        asyncApi.path("channels").forEach(channel -> addresses.add(channel.path("address").asString()));

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void deadLetterTopicsAreDescribedAsInternal() {
        assertThat(asyncApi.path("info").path("description").asString())
                .contains("<topic>.dlt")
                .contains("internal");
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(asyncApi, refs);

        List<String> fileRefs = refs.stream().filter(ref -> !ref.startsWith("#")).toList();
        assertThat(fileRefs).as("references to schema files")
                .contains("./schemas/cloudevent.v1.json", "./schemas/project/registered.v1.json");
        assertThat(refs).allSatisfy(ref -> assertThat(resolve(ref)).as(ref).isNotNull());
        assertThat(fileRefs).allSatisfy(ref -> assertThat(classpathResourceOf(ref))
                .as(ref).startsWith(EventSchemaValidator.SCHEMA_ROOT));
    }

    @Test
    void everyEventTypeIsAMessageOnItsTopicWithItsRegisteredSchemas() {
        Map<String, String> topicByType = new HashMap<>();
        Map<String, String> dataSchemaByType = new HashMap<>();
        asyncApi.path("channels").forEach(channel -> channel.path("messages").forEach(ref -> {
            JsonNode message = resolve(ref.path("$ref").asString());
            JsonNode typeSpecific = message.path("payload").path("allOf").get(1);
            String type = typeSpecific.path("properties").path("type").path("const").asString();
            topicByType.put(type, channel.path("address").asString());
            dataSchemaByType.put(type, classpathResourceOf(
                    typeSpecific.path("properties").path("data").path("$ref").asString()));
            assertThat(classpathResourceOf(message.path("payload").path("allOf").get(0).path("$ref").asString()))
                    .isEqualTo(EventSchemaValidator.SCHEMA_ROOT + EventSchemaValidator.ENVELOPE_SCHEMA);
        }));

        assertThat(topicByType.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
        EventTypes.ALL.forEach(type -> {
            assertThat(topicByType.get(type)).as(type).isEqualTo(EventTypes.topicOf(type));
            assertThat(dataSchemaByType.get(type)).as(type)
                    .isEqualTo(EventSchemaValidator.dataSchemaResourceOf(type));
        });
    }

    @Test
    void messagesAreStructuredCloudEventsKeyedByAggregateId() {
        JsonNode messages = asyncApi.path("components").path("messages");
        assertThat(messages.size()).isEqualTo(EventTypes.ALL.size());
        messages.forEach(message -> {
            assertThat(message.path("contentType").asString()).isEqualTo("application/cloudevents+json");
            JsonNode key = message.path("bindings").path("kafka").path("key");
            assertThat(key.path("type").asString()).isEqualTo("string");
            assertThat(key.path("description").asString()).contains("aggregate id");
        });
    }

    @Test
    void channelsWithMessagesHaveAReceiveOperationAndTheOthersSayNothingIsPublished() {
        Map<String, List<String>> receivedMessagesByChannel = new HashMap<>();
        asyncApi.path("operations").forEach(operation -> {
            assertThat(operation.path("action").asString()).isEqualTo("receive");
            List<String> messageRefs = new ArrayList<>();
            operation.path("messages").forEach(ref -> messageRefs.add(ref.path("$ref").asString()));
            receivedMessagesByChannel.put(operation.path("channel").path("$ref").asString(), messageRefs);
        });

        asyncApi.path("channels").forEachEntry((name, channel) -> {
            String channelRef = "#/channels/" + name;
            if (channel.path("messages").isEmpty()) {
                assertThat(channel.path("description").asString()).containsIgnoringCase("no event types published yet");
                assertThat(receivedMessagesByChannel).doesNotContainKey(channelRef);
            } else {
                List<String> expected = new ArrayList<>();
                channel.path("messages").propertyNames()
                        .forEach(message -> expected.add(channelRef + "/messages/" + message));
                assertThat(receivedMessagesByChannel.get(channelRef)).as(channelRef)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        });
    }

    @Test
    void messageExamplesAreValidEvents() {
        EventSchemaValidator validator = EventSchemaValidator.shared();
        List<JsonNode> examples = new ArrayList<>();
        asyncApi.path("components").path("messages")
                .forEach(message -> message.path("examples").forEach(example -> examples.add(example.path("payload"))));

        assertThat(examples).isNotEmpty().allSatisfy(example ->
                assertThat(validator.validate(ContractFixtures.json(example))).isEmpty());
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.forEachEntry((name, value) -> {
                if (name.equals("$ref")) {
                    refs.add(value.asString());
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }

    /** The referenced node, or null if the reference does not resolve. */
    private static JsonNode resolve(String ref) {
        if (ref.startsWith("#")) {
            JsonNode target = asyncApi.at(ref.substring(1));
            return target.isMissingNode() ? null : target;
        }
        String resource = classpathResourceOf(ref);
        try (InputStream in = resource(resource)) {
            return in == null ? null : ContractFixtures.DEFAULT_MAPPER.readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A relative reference resolved against the document's own location. */
    private static String classpathResourceOf(String ref) {
        return DOCUMENT_URI.resolve(ref).getPath().substring(1);
    }

    private static InputStream resource(String name) {
        return AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(name);
    }
}
