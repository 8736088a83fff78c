package cn.gov.zhaoshang.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The topics of the event contracts, read from the AsyncAPI document the event-contracts module ships. */
final class Contracts {

    private Contracts() {
    }

    static List<String> asyncApiTopics() {
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream("contracts/asyncapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("contracts/asyncapi.yaml is not on the test classpath (event-contracts)");
            }
            JsonNode document = K8sObject.YAML.readTree(in);
            List<String> topics = new ArrayList<>();
            document.path("channels").forEach(channel -> topics.add(channel.path("address").asText()));
            return topics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
