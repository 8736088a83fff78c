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
