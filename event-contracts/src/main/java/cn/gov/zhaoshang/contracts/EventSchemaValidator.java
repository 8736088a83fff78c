package cn.gov.zhaoshang.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a CloudEvent, in structured-mode JSON, against the published contracts: the envelope
 * against {@code contracts/schemas/cloudevent.v1.json}, and its {@code data} against the schema
 * registered for its {@code type}.
 *
 * <p>Schemas are read from the classpath once, when {@link #shared()} is first called. The instance
 * is immutable and safe to use from many threads.
 */
public final class EventSchemaValidator {

    /** Classpath folder of the schema files. */
    public static final String SCHEMA_ROOT = "contracts/schemas/";

    /** The envelope schema, relative to {@link #SCHEMA_ROOT}. */
    public static final String ENVELOPE_SCHEMA = "cloudevent.v1.json";

    // Event type -> schema of its data, relative to SCHEMA_ROOT. A new event type is added here
    // together with its schema file and its EventTypes constant.
    // Map.ofEntries: Map.of stops at ten pairs.
    private static final Map<String, String> DATA_SCHEMAS = Map.ofEntries(
            Map.entry(EventTypes.PROJECT_REGISTERED, "project/registered.v1.json"),
            Map.entry(EventTypes.TARGETS_ORG_UNIT_DEFINED, "targets/org-unit-defined.v1.json"),
            Map.entry(EventTypes.TARGETS_ORG_UNIT_CHANGED, "targets/org-unit-changed.v1.json"),
            Map.entry(EventTypes.TARGETS_TARGET_SET, "targets/target-set.v1.json"),
            Map.entry(EventTypes.TARGETS_DEFINITION_PUBLISHED, "targets/definition-published.v1.json"),
            Map.entry(EventTypes.TARGETS_TEAM_DEFINED, "targets/team-defined.v1.json"),
            Map.entry(EventTypes.TARGETS_TEAM_CHANGED, "targets/team-changed.v1.json"),
            Map.entry(EventTypes.ENTERPRISE_REGISTERED, "enterprise/registered.v1.json"),
            Map.entry(EventTypes.ENTERPRISE_CLASSIFIED, "enterprise/classified.v1.json"),
            Map.entry(EventTypes.ENGAGEMENT_RECORDED, "enterprise/engagement-recorded.v1.json"),
            Map.entry(EventTypes.ENTERPRISE_CHANGED, "enterprise/changed.v1.json"),
            Map.entry(EventTypes.ENTERPRISE_MERGED, "enterprise/merged.v1.json"),
            Map.entry(EventTypes.PROJECT_STAGE_CHANGED, "project/stage-changed.v1.json"),
            Map.entry(EventTypes.PROJECT_TERMINATED, "project/terminated.v1.json"),
            Map.entry(EventTypes.PROJECT_FUNDS_REPORTED, "project/funds-reported.v1.json"),
            Map.entry(EventTypes.PROJECT_FUNDS_CORRECTED, "project/funds-corrected.v1.json"),
            Map.entry(EventTypes.PROJECT_TRANSFERRED, "project/transferred.v1.json"),
            Map.entry(EventTypes.PROJECT_SIGNING_CONFIRMED, "project/signing-confirmed.v1.json"),
            Map.entry(EventTypes.PROJECT_AMENDED, "project/amended.v1.json"),
            Map.entry(EventTypes.PROJECT_DETAILS_CHANGED, "project/details-changed.v1.json"),
            Map.entry(EventTypes.PROJECT_KEY_PROJECT_CHANGED, "project/key-project-changed.v1.json"),
            Map.entry(EventTypes.PROJECT_WARNING_RAISED, "project/warning-raised.v1.json"),
            Map.entry(EventTypes.PROJECT_WARNING_CLEARED, "project/warning-cleared.v1.json"),
            Map.entry(EventTypes.PROJECT_PROBLEM_LOGGED, "project/problem-logged.v1.json"),
            Map.entry(EventTypes.PROJECT_PROBLEM_CHANGED, "project/problem-changed.v1.json"),
            Map.entry(EventTypes.REPORT_PUBLISHED, "report/published.v1.json"));

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final JsonMapper jsonMapper;
    private final Schema envelopeSchema;
    private final Map<String, Schema> dataSchemas;

    private EventSchemaValidator() {
        // Duplicate keys would let a producer and a subscriber read different values.
        this.jsonMapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        // In 2020-12 "format" is only an annotation unless asserted; the contract
                        // relies on uuid, date and date-time being checked.
                        .formatAssertionsEnabled(true)
                        // Violations are read by people and matched in tests: keep them in one language.
                        .locale(Locale.ENGLISH)
                        .build()));
        this.envelopeSchema = load(registry, ENVELOPE_SCHEMA);
        Map<String, Schema> loaded = new LinkedHashMap<>();
        DATA_SCHEMAS.forEach((type, path) -> loaded.put(type, load(registry, path)));
        this.dataSchemas = Map.copyOf(loaded);
    }

    /** The validator of this platform's contracts; schemas are loaded on the first call. */
    public static EventSchemaValidator shared() {
        return Holder.INSTANCE;
    }

    /** Event types that have a registered data schema. */
    public Set<String> eventTypes() {
        return dataSchemas.keySet();
    }

    /**
     * The classpath resource of the data schema of {@code eventType}, e.g.
     * {@code contracts/schemas/project/registered.v1.json}.
     *
     * @throws IllegalArgumentException if no schema is registered for the type
     */
    public static String dataSchemaResourceOf(String eventType) {
        String path = DATA_SCHEMAS.get(Objects.requireNonNull(eventType, "eventType"));
        if (path == null) {
            throw new IllegalArgumentException("No data schema is registered for event type " + eventType);
        }
        return SCHEMA_ROOT + path;
    }

    /**
     * Validates a complete CloudEvent given as structured-mode JSON.
     *
     * @return human-readable violations, each starting with the JSON path of the offending value
     *     (for example {@code $.data.contractAmount: ...}); empty when the event is valid
     */
    public List<String> validate(String cloudEventJson) {
        Objects.requireNonNull(cloudEventJson, "cloudEventJson");
        JsonNode event;
        try {
            event = jsonMapper.readTree(cloudEventJson);
        } catch (JacksonException e) {
            return List.of("$: not valid JSON: " + e.getOriginalMessage());
        }
        if (event == null || event.isMissingNode()) {
            return List.of("$: empty input, expected a CloudEvent JSON object");
        }

        List<String> violations = new ArrayList<>();
        envelopeSchema.validate(event).forEach(error -> violations.add(describe(error, null)));

        JsonNode type = event.get("type");
        JsonNode data = event.get("data");
        boolean typeIsWellFormed = type != null && type.isString()
                && violations.stream().noneMatch(violation -> violation.startsWith("$.type: "));
        if (typeIsWellFormed) {
            Schema dataSchema = dataSchemas.get(type.asString());
            if (dataSchema == null) {
                violations.add("$.type: unknown event type '" + type.asString()
                        + "', no data schema is registered for it");
            } else if (data != null && data.isObject()) {
                dataSchema.validate(data).forEach(error -> violations.add(describe(error, "data")));
            }
        }
        return List.copyOf(violations);
    }

    private static Schema load(SchemaRegistry registry, String path) {
        String resource = SCHEMA_ROOT + path;
        if (EventSchemaValidator.class.getClassLoader().getResource(resource) == null) {
            throw new IllegalStateException("Schema not found on the classpath: " + resource);
        }
        Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + resource));
        // Build every validator now, so that concurrent validate calls share no lazy state.
        schema.initializeValidators();
        return schema;
    }

    private static String describe(Error error, String parentProperty) {
        StringBuilder path = new StringBuilder("$");
        if (parentProperty != null) {
            appendName(path, parentProperty);
        }
        NodePath location = error.getInstanceLocation();
        if (location != null) {
            for (int i = 0; i < location.getNameCount(); i++) {
                Object element = location.getElement(i);
                if (element instanceof Integer index) {
                    path.append('[').append(index).append(']');
                } else {
                    appendName(path, String.valueOf(element));
                }
            }
        }
        return path + ": " + error.getMessage();
    }

    private static void appendName(StringBuilder path, String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            path.append('.').append(name);
        } else {
            path.append("['").append(name.replace("'", "\\'")).append("']");
        }
    }

    private static final class Holder {
        private static final EventSchemaValidator INSTANCE = new EventSchemaValidator();
    }
}
