package cn.gov.zhaoshang.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Checks operator kinds (Strimzi, CloudNativePG, Keycloak) against the {@code openAPIV3Schema} of
 * their CustomResourceDefinitions in {@code deploy/crds}, as the API server does for a structural
 * schema: types, enums, required fields, bounds, and no field the schema does not declare unless
 * {@code x-kubernetes-preserve-unknown-fields} allows it.
 */
final class CrdSchemas {

    private final Map<String, JsonNode> schemas;

    private CrdSchemas(Map<String, JsonNode> schemas) {
        this.schemas = schemas;
    }

    /** Every served version of every CRD under {@code dir}, keyed {@code group/version/Kind}. */
    static CrdSchemas load(Path dir) {
        Map<String, JsonNode> schemas = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList()) {
                for (K8sObject crd : K8sObject.parseAll(Files.readString(file))) {
                    if (!crd.is("CustomResourceDefinition")) {
                        continue;
                    }
                    String group = crd.spec().path("group").asText();
                    String kind = crd.spec().path("names").path("kind").asText();
                    for (JsonNode version : crd.spec().path("versions")) {
                        if (version.path("served").asBoolean()) {
                            schemas.put(group + "/" + version.path("name").asText() + "/" + kind,
                                    version.path("schema").path("openAPIV3Schema"));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CrdSchemas(schemas);
    }

    boolean knows(K8sObject object) {
        return schemas.containsKey(object.apiVersion() + "/" + object.kind());
    }

    Set<String> kinds() {
        return schemas.keySet();
    }

    List<String> check(K8sObject object) {
        JsonNode schema = schemas.get(object.apiVersion() + "/" + object.kind());
        if (schema == null) {
            return List.of(object.id() + ": no CRD schema for " + object.apiVersion() + " " + object.kind());
        }
        List<String> faults = new ArrayList<>();
        if (object.name().isEmpty()) {
            faults.add(object.id() + ": metadata.name is missing");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.node().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            // the API server validates metadata as ObjectMeta, not against the CRD's schema
            if (field.getKey().equals("metadata") || field.getKey().equals("apiVersion") || field.getKey().equals("kind")) {
                continue;
            }
            JsonNode property = schema.path("properties").get(field.getKey());
            if (property == null) {
                faults.add(object.id() + ": unknown field " + field.getKey());
            } else {
                validate(field.getValue(), property, field.getKey(), true, faults, object.id());
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!object.node().has(required.asText())) {
                faults.add(object.id() + ": missing required field " + required.asText());
            }
        }
        return faults;
    }

    /**
     * @param structural whether unknown fields are faults here; sub-schemas of allOf/anyOf/oneOf only
     *                   constrain values (a structural schema declares its fields outside them)
     */
    static void validate(JsonNode value, JsonNode schema, String path, boolean structural, List<String> faults, String id) {
        if (value == null || value.isNull()) {
            if (!schema.path("nullable").asBoolean(false) && schema.has("type")) {
                faults.add(id + ": " + path + " must not be null");
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                faults.add(id + ": " + path + " must be an integer or a string");
            }
        } else {
            switch (schema.path("type").asText("")) {
                case "object" -> validateObject(value, schema, path, structural, faults, id);
                case "array" -> {
                    if (!value.isArray()) {
                        faults.add(id + ": " + path + " must be an array");
                    } else {
                        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                            faults.add(id + ": " + path + " needs at least " + schema.get("minItems").asInt() + " items");
                        }
                        JsonNode items = schema.get("items");
                        for (int i = 0; items != null && i < value.size(); i++) {
                            validate(value.get(i), items, path + "[" + i + "]", structural, faults, id);
                        }
                    }
                }
                case "string" -> {
                    if (!value.isTextual()) {
                        faults.add(id + ": " + path + " must be a string");
                    } else if (schema.has("pattern") && !matches(schema.get("pattern").asText(), value.asText())) {
                        faults.add(id + ": " + path + " does not match " + schema.get("pattern").asText());
                    }
                }
                case "integer" -> {
                    if (!value.isIntegralNumber()) {
                        faults.add(id + ": " + path + " must be an integer");
                    } else {
                        checkBounds(value, schema, path, faults, id);
                    }
                }
                case "number" -> {
                    if (!value.isNumber()) {
                        faults.add(id + ": " + path + " must be a number");
                    } else {
                        checkBounds(value, schema, path, faults, id);
                    }
                }
                case "boolean" -> {
                    if (!value.isBoolean()) {
                        faults.add(id + ": " + path + " must be true or false");
                    }
                }
                default -> {
                    // no type: any value (the schema may still constrain it below)
                }
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value) || (allowed.isTextual() && value.isTextual() && allowed.asText().equals(value.asText()));
            }
            if (!listed) {
                faults.add(id + ": " + path + " is " + value + ", not one of " + schema.get("enum"));
            }
        }
        for (JsonNode sub : schema.path("allOf")) {
            validate(value, sub, path, false, faults, id);
        }
        if (schema.has("anyOf") && countValid(value, schema.get("anyOf"), path, id) == 0) {
            faults.add(id + ": " + path + " matches none of the alternatives its schema allows (anyOf)");
        }
        if (schema.has("oneOf") && countValid(value, schema.get("oneOf"), path, id) != 1) {
            faults.add(id + ": " + path + " must match exactly one of the alternatives its schema allows (oneOf)");
        }
    }

    private static void validateObject(JsonNode value, JsonNode schema, String path, boolean structural, List<String> faults, String id) {
        if (!value.isObject()) {
            faults.add(id + ": " + path + " must be an object");
            return;
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                validate(field.getValue(), properties.get(field.getKey()), fieldPath, structural, faults, id);
            } else if (additional != null && additional.isObject()) {
                validate(field.getValue(), additional, fieldPath, structural, faults, id);
            } else if (preserveUnknown || (additional != null && additional.asBoolean(false))) {
                // kept as given
            } else if (structural) {
                faults.add(id + ": unknown field " + fieldPath);
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                faults.add(id + ": missing required field " + path + "." + required.asText());
            }
        }
    }

    private static int countValid(JsonNode value, JsonNode alternatives, String path, String id) {
        int valid = 0;
        for (JsonNode alternative : alternatives) {
            List<String> faults = new ArrayList<>();
            validate(value, alternative, path, false, faults, id);
            if (faults.isEmpty()) {
                valid++;
            }
        }
        return valid;
    }

    private static void checkBounds(JsonNode value, JsonNode schema, String path, List<String> faults, String id) {
        if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            faults.add(id + ": " + path + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            faults.add(id + ": " + path + " is above the maximum " + schema.get("maximum"));
        }
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).find();
        } catch (PatternSyntaxException e) {
            // an ECMA-262 pattern Java cannot read is not the manifest's fault
            return true;
        }
    }
}
