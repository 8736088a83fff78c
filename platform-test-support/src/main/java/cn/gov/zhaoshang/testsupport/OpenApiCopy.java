package cn.gov.zhaoshang.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web console generates its TypeScript request and response types from a copy of each
 * service's OpenAPI document ({@code console/openapi/<service>.json}), so that it cannot drift from
 * the API unnoticed. A service test compares the document the running service serves with that
 * copy; with {@code -Dopenapi.write=true} it writes the copy instead, to be committed.
 */
public final class OpenApiCopy {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private OpenApiCopy() {
    }

    /**
     * @param serviceBaseUrl the running service, e.g. {@code http://127.0.0.1:54321}
     * @param service        the module name, which names the copy and the command that refreshes it
     */
    public static void assertConsoleCopyMatches(String serviceBaseUrl, String service) {
        ApiClient.Response served = ApiClient.at(serviceBaseUrl).get("/v3/api-docs");
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        String document = normalised(served.body());
        Path copy = Path.of("..", "console", "openapi", service + ".json");
        try {
            if (Boolean.getBoolean("openapi.write")) {
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, document, StandardCharsets.UTF_8);
                return;
            }
            assertThat(Files.exists(copy)).as("the console's copy " + copy.toAbsolutePath() + " exists").isTrue();
            assertThat(Files.readString(copy, StandardCharsets.UTF_8))
                    .as("The console's copy of %s's OpenAPI document is out of date. Refresh it with "
                            + "./mvnw -B -pl %s -am verify -Dit.test=OpenApiDocumentIT -Dfailsafe.failIfNoSpecifiedTests=false "
                            + "-Dopenapi.write=true and commit console/openapi/%s.json (the console's build then checks "
                            + "its screens against the new types).", service, service, service)
                    .isEqualTo(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys sorted and the test server's address left out, so that the copy changes only when the API does. */
    static String normalised(String json) {
        Map<String, Object> document = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        document.remove("servers");
        return JSON.writeValueAsString(sorted(document)) + "\n";
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> keys = new TreeMap<>();
            map.forEach((key, value) -> keys.put((String) key, sorted(value)));
            return keys;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(OpenApiCopy::sorted).toList();
        }
        return node;
    }
}
