package cn.gov.zhaoshang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The realm is kept twice: as the production KeycloakRealmImport here and as the import file the
 * local launcher and the Keycloak end-to-end test use. They must grant the same roles and put the
 * same claims in tokens, or what is tested locally is not what runs in production.
 */
class RealmConsistencyTest {

    static final Path PRODUCTION = Path.of("base/infrastructure/keycloak/realm-import.yaml");
    static final Path LOCAL = Path.of("../local-launcher/src/main/resources/keycloak/realm-zhaoshang.json");

    @Test
    void productionAndLocalRealmsHaveTheSameRolesUserProfileAndTokenClaims() throws Exception {
        JsonNode production = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(PRODUCTION)).get("spec").get("realm");
        JsonNode local = new ObjectMapper().readTree(Files.readString(LOCAL));

        assertThat(production.get("realm").asText()).isEqualTo(local.get("realm").asText());
        assertThat(roles(production)).isEqualTo(roles(local))
                .containsExactlyInAnyOrder("viewer", "officer", "leader", "target-admin", "contacts-reader", "auditor", "admin", "agency");
        assertThat(userProfile(production)).isEqualTo(userProfile(local)).contains("\"name\":\"org_unit\"");
        for (JsonNode realm : List.of(production, local)) {
            for (JsonNode client : realm.get("clients")) {
                if (client.has("protocolMappers")) {
                    assertThat(mapperTypes(client)).as(client.get("clientId").asText())
                            .contains("oidc-usermodel-attribute-mapper", "oidc-audience-mapper");
                }
            }
        }
        assertThat(production.get("users")).isEmpty();
    }

    /**
     * The web console signs in with the authorization code flow and PKCE through the public client
     * {@code zhaoshang-console}: standard flow only, redirect URIs exact (no wildcard), its own origin
     * for CORS, and the login page in Chinese unless the user picks English.
     */
    @Test
    void bothRealmsHaveTheConsolesPublicClientWithPkceAndExactRedirectsAndChineseLoginPages() throws Exception {
        JsonNode production = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(PRODUCTION)).get("spec").get("realm");
        JsonNode local = new ObjectMapper().readTree(Files.readString(LOCAL));
        for (JsonNode realm : List.of(production, local)) {
            JsonNode console = StreamSupport.stream(realm.get("clients").spliterator(), false)
                    .filter(client -> client.get("clientId").asText().equals("zhaoshang-console")).findFirst().orElseThrow();
            assertThat(console.get("publicClient").asBoolean()).isTrue();
            assertThat(console.get("standardFlowEnabled").asBoolean()).isTrue();
            assertThat(console.get("implicitFlowEnabled").asBoolean()).isFalse();
            assertThat(console.get("directAccessGrantsEnabled").asBoolean()).isFalse();
            assertThat(console.get("attributes").get("pkce.code.challenge.method").asText()).isEqualTo("S256");
            assertThat(console.get("redirectUris")).hasSize(1);
            String redirect = console.get("redirectUris").get(0).asText();
            assertThat(redirect).doesNotContain("*").endsWith("/");
            assertThat(console.get("attributes").get("post.logout.redirect.uris").asText()).isEqualTo(redirect);
            assertThat(console.get("webOrigins")).extracting(JsonNode::asText).containsExactly("+");
            assertThat(mapperTypes(console)).contains("oidc-usermodel-attribute-mapper", "oidc-audience-mapper");
            assertThat(realm.get("internationalizationEnabled").asBoolean()).isTrue();
            assertThat(realm.get("defaultLocale").asText()).isEqualTo("zh-CN");
            assertThat(realm.get("supportedLocales")).extracting(JsonNode::asText).contains("zh-CN", "en");
        }
        assertThat(StreamSupport.stream(production.get("clients").spliterator(), false)
                .map(client -> client.get("clientId").asText())).doesNotContain("zhaoshang-web");
    }

    private static Set<String> roles(JsonNode realm) {
        return StreamSupport.stream(realm.get("roles").get("realm").spliterator(), false)
                .map(role -> role.get("name").asText()).collect(Collectors.toSet());
    }

    private static String userProfile(JsonNode realm) {
        return realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0)
                .get("config").get("kc.user.profile.config").get(0).asText();
    }

    private static Set<String> mapperTypes(JsonNode client) {
        return StreamSupport.stream(client.get("protocolMappers").spliterator(), false)
                .map(mapper -> mapper.get("protocolMapper").asText()).collect(Collectors.toSet());
    }
}
