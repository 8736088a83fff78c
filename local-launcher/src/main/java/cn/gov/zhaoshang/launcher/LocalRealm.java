package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local realm: the production import file ({@code keycloak/realm-zhaoshang.json}) plus what
 * only a developer's machine has: the public client {@code zhaoshang-cli} with direct access grants
 * and the demo users, all with their secrets filled in, and the web console's client pointed at the
 * local gateway.
 */
public final class LocalRealm {

    public static final List<String> DEMO_USERS = List.of("gx-admin", "gx-viewer", "gx-officer", "gg-officer", "gp-officer", "gb-officer",
            "qt-leader", "auditor", "gg-admin", "gx-useradmin");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalRealm() {
    }

    /** The realm for a console served at {@code http://localhost:8080}, as the launcher serves it. */
    public static String build(LocalSecrets secrets) {
        return build(secrets, "http://localhost:" + LocalPlatform.GATEWAY_PORT);
    }

    /**
     * @param consoleOrigin where the gateway serves the web console ({@code http://localhost:<port>}): Keycloak
     *                      redirects there, exactly, after sign-in and logout
     */
    public static String build(LocalSecrets secrets, String consoleOrigin) {
        ObjectNode realm = (ObjectNode) read("/keycloak/realm-zhaoshang.json");
        JsonNode additions = read("/keycloak/realm-local-additions.json");
        ArrayNode clients = (ArrayNode) realm.get("clients");
        JsonNode mappers = client(clients, "agency-stats").get("protocolMappers");
        ObjectNode console = client(clients, "zhaoshang-console");
        console.put("rootUrl", consoleOrigin);
        console.putArray("redirectUris").add(consoleOrigin + "/").add(consoleOrigin + "/silent-check-sso.html");
        ((ObjectNode) console.get("attributes")).put("post.logout.redirect.uris", consoleOrigin + "/");
        for (JsonNode client : additions.get("clients")) {
            ObjectNode copy = ((ObjectNode) client).deepCopy();
            copy.set("protocolMappers", mappers.deepCopy());
            clients.add(copy);
        }
        for (JsonNode client : clients) {
            switch (client.path("secret").asString("")) {
                case "${AGENCY_STATS_SECRET}" -> ((ObjectNode) client).put("secret", secrets.agencyStatsSecret());
                case "${USERS_CLIENT_SECRET}" -> ((ObjectNode) client).put("secret", secrets.usersClientSecret());
                default -> {
                }
            }
        }
        ArrayNode users = (ArrayNode) realm.get("users");
        for (JsonNode demo : additions.get("users")) {
            ObjectNode user = users.addObject();
            String username = demo.get("username").asString();
            user.put("username", username);
            user.put("enabled", true);
            user.put("email", username + "@demo.zhaoshang.local");
            user.put("emailVerified", true);
            user.put("firstName", demo.get("firstName").asString());
            user.put("lastName", demo.get("lastName").asString());
            user.putObject("attributes").putArray("org_unit").add(demo.get("orgUnit").asString());
            user.set("realmRoles", demo.get("realmRoles").deepCopy());
            ObjectNode credential = user.putArray("credentials").addObject();
            credential.put("type", "password");
            credential.put("value", secrets.demoPassword());
            credential.put("temporary", false);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
    }

    /** The client of that id in a realm's {@code clients}. */
    static ObjectNode client(ArrayNode clients, String clientId) {
        for (JsonNode client : clients) {
            if (client.path("clientId").asString("").equals(clientId)) {
                return (ObjectNode) client;
            }
        }
        throw new IllegalStateException("realm-zhaoshang.json has no client " + clientId);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = LocalRealm.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
