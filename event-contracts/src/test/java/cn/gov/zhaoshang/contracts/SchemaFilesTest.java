package cn.gov.zhaoshang.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every schema file is itself a valid JSON Schema 2020-12 document. */
class SchemaFilesTest {

    private static final String DIALECT = SpecificationVersion.DRAFT_2020_12.getDialectId();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    // With format assertions the meta-schema also checks that every "pattern" is a regex.
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    // Resolved from the copy bundled in the validator jar, not over the network.
    private static final Schema META_SCHEMA = REGISTRY.getSchema(SchemaLocation.of(DIALECT));

    static List<String> schemaFiles() throws IOException, URISyntaxException {
        URL root = SchemaFilesTest.class.getClassLoader().getResource(EventSchemaValidator.SCHEMA_ROOT);
        assertThat(root).as("schema folder on the classpath").isNotNull();
        Path rootPath = Path.of(root.toURI());
        try (Stream<Path> files = Files.walk(rootPath)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> EventSchemaValidator.SCHEMA_ROOT
                            + rootPath.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theSchemaFilesAreExactlyTheEnvelopeAndOneDataSchemaPerEventType() throws Exception {
        List<String> expected = Stream.concat(
                        Stream.of(EventSchemaValidator.SCHEMA_ROOT + EventSchemaValidator.ENVELOPE_SCHEMA),
                        EventTypes.ALL.stream().map(EventSchemaValidator::dataSchemaResourceOf))
                .toList();

        assertThat(schemaFiles()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void isAValidDraft202012Schema(String resource) throws IOException {
        JsonNode schema = read(resource);

        assertThat(schema.path("$schema").asString()).isEqualTo(DIALECT);
        assertThat(META_SCHEMA.validate(schema)).isEmpty();
        assertThatCode(() -> REGISTRY.getSchema(schema).initializeValidators()).doesNotThrowAnyException();
    }

    @Test
    void theMetaSchemaCheckCatchesABrokenSchema() {
        JsonNode broken = MAPPER.readTree("""
                {"$schema": "%s", "type": "strnig", "required": "name", "pattern": "([a-z"}
                """.formatted(DIALECT));

        assertThat(META_SCHEMA.validate(broken))
                .extracting(error -> error.getInstanceLocation().toString())
                .contains("/type", "/required", "/pattern");
    }

    private static JsonNode read(String resource) throws IOException {
        try (var in = SchemaFilesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return MAPPER.readTree(in);
        }
    }
}
