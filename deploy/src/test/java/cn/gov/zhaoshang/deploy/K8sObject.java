package cn.gov.zhaoshang.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** One rendered Kubernetes object, as the YAML tree kustomize produced. */
record K8sObject(JsonNode node) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<K8sObject> parseAll(String yaml) {
        List<K8sObject> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && document.isObject() && !document.isEmpty()) {
                    objects.add(new K8sObject(document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not valid YAML", e);
        }
        return objects;
    }

    String apiVersion() {
        return node.path("apiVersion").asText();
    }

    String kind() {
        return node.path("kind").asText();
    }

    String name() {
        return node.path("metadata").path("name").asText();
    }

    JsonNode spec() {
        return node.path("spec");
    }

    boolean is(String kind) {
        return kind().equals(kind);
    }

    /** How messages name the object: {@code Kind/name}. */
    String id() {
        return kind() + "/" + name();
    }
}
