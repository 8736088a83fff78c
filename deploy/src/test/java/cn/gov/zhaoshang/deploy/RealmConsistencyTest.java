package cn.gov.zhaoshang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final String DENY_ACCESS = "deny-access-authenticator";

    @Test
    void productionAndLocalRealmsHaveTheSameRolesUserProfileAndTokenClaims() throws Exception {
        JsonNode production = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(PRODUCTION)).get("spec").get("realm");
        JsonNode local = new ObjectMapper().readTree(Files.readString(LOCAL));

        assertThat(production.get("realm").asText()).isEqualTo(local.get("realm").asText());
        assertThat(roles(production)).isEqualTo(roles(local))
                .containsExactlyInAnyOrder("viewer", "officer", "leader", "target-admin", "contacts-reader", "auditor", "user-admin", "admin",
                        "agency");
        assertThat(userProfile(production)).isEqualTo(userProfile(local)).contains("\"name\":\"org_unit\"");
        for (JsonNode realm : List.of(production, local)) {
            for (JsonNode client : realm.get("clients")) {
                if (client.has("protocolMappers")) {
                    assertThat(mapperTypes(client)).as(client.get("clientId").asText())
                            .contains("oidc-usermodel-attribute-mapper", "oidc-audience-mapper");
                }
            }
        }
        assertThat(production.get("users")).as("the production realm has no people, only service accounts")
                .allSatisfy(user -> assertThat(user.path("serviceAccountClientId").asText()).isNotEmpty());
    }

    /**
     * Issue 22: targets-service manages the org tree's users through Keycloak's Admin REST API as the
     * service account of the confidential client {@code zhaoshang-users}, which holds
     * {@code manage-users} and {@code view-users} of the realm and nothing else, in both realms.
     */
    @Test
    void bothRealmsLetTargetsServiceManageUsersWithNothingButManageUsersAndViewUsers() throws Exception {
        JsonNode production = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(PRODUCTION)).get("spec").get("realm");
        JsonNode local = new ObjectMapper().readTree(Files.readString(LOCAL));
        for (JsonNode realm : List.of(production, local)) {
            JsonNode client = StreamSupport.stream(realm.get("clients").spliterator(), false)
                    .filter(candidate -> candidate.get("clientId").asText().equals("zhaoshang-users")).findFirst().orElseThrow();
            assertThat(client.get("publicClient").asBoolean()).isFalse();
            assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
            assertThat(client.get("secret").asText()).as("the secret comes from the environment").isEqualTo("${USERS_CLIENT_SECRET}");
            JsonNode account = StreamSupport.stream(realm.get("users").spliterator(), false)
                    .filter(user -> user.path("serviceAccountClientId").asText().equals("zhaoshang-users")).findFirst().orElseThrow();
            assertThat(account.path("realmRoles")).as("no realm roles: it calls no platform API").isEmpty();
            assertThat(account.get("clientRoles").properties()).hasSize(1);
            assertThat(account.get("clientRoles").get("realm-management")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("manage-users", "view-users");
        }
        JsonNode placeholders = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(PRODUCTION)).get("spec").get("placeholders");
        assertThat(placeholders.get("USERS_CLIENT_SECRET").get("secret").get("name").asText()).isEqualTo("keycloak-users-client");
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
            // the console's root, and the page the hidden frame of the silent sign-in is sent back to
            assertThat(console.get("redirectUris")).hasSize(2);
            String redirect = console.get("redirectUris").get(0).asText();
            assertThat(redirect).doesNotContain("*").endsWith("/");
            assertThat(console.get("redirectUris").get(1).asText()).isEqualTo(redirect + "silent-check-sso.html");
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

    /**
     * Issue 25, finding 5: the production realm asks for long passwords that are not reused, locks an
     * account for a while after repeated failures, demands a one-time password of every user with the
     * realm role admin at the browser sign-in, and refuses admins the direct grant. The flows are
     * followed as Keycloak runs them (a CONDITIONAL sub-flow runs when all its conditions hold), for an
     * admin and a viewer, each with and without a one-time password set up.
     */
    @Test
    void theProductionRealmHasAPasswordPolicyABruteForceLockoutAndOneTimePasswordsForAdmins() throws Exception {
        JsonNode production = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(PRODUCTION)).get("spec").get("realm");

        Map<String, String> policy = passwordPolicy(production.path("passwordPolicy").asText());
        assertThat(policy).containsKeys("length", "passwordHistory", "notUsername", "notEmail");
        assertThat(Integer.parseInt(policy.get("length"))).as("minimum password length").isGreaterThanOrEqualTo(12);
        assertThat(Integer.parseInt(policy.get("passwordHistory"))).as("passwords remembered").isGreaterThanOrEqualTo(5);

        assertThat(production.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(production.path("failureFactor").asInt()).as("failures before the lockout").isBetween(3, 10);
        assertThat(production.path("waitIncrementSeconds").asInt()).as("lockout step").isGreaterThanOrEqualTo(60);
        assertThat(production.path("maxFailureWaitSeconds").asInt()).as("longest lockout")
                .isGreaterThanOrEqualTo(production.path("waitIncrementSeconds").asInt());
        assertThat(production.path("maxDeltaTimeSeconds").asInt()).as("time after which failures are forgotten").isPositive();

        assertThat(production.path("otpPolicyType").asText("totp")).isEqualTo("totp");
        for (JsonNode action : production.path("requiredActions")) {
            if (action.path("alias").asText().equals("CONFIGURE_TOTP")) {
                assertThat(action.path("enabled").asBoolean()).as("the required action CONFIGURE_TOTP").isTrue();
            }
        }
        String browser = production.path("browserFlow").asText();
        assertThat(requiredSteps(production, browser, Set.of("admin"), false)).as("browser sign-in of an admin without OTP")
                .containsOnlyOnce("auth-otp-form");
        assertThat(requiredSteps(production, browser, Set.of("admin", "viewer"), true)).as("browser sign-in of an admin with OTP")
                .containsOnlyOnce("auth-otp-form");
        assertThat(requiredSteps(production, browser, Set.of("viewer"), false)).as("browser sign-in of a viewer without OTP")
                .contains("auth-username-password-form").doesNotContain("auth-otp-form");
        assertThat(requiredSteps(production, browser, Set.of("viewer"), true)).as("browser sign-in of a viewer with OTP")
                .containsOnlyOnce("auth-otp-form");

        // a password grant cannot set up a one-time password, so it refuses admins altogether
        String directGrant = production.path("directGrantFlow").asText();
        for (boolean otpConfigured : List.of(false, true)) {
            assertThat(requiredSteps(production, directGrant, Set.of("admin"), otpConfigured))
                    .as("direct grant of an admin (OTP set up: %s)", otpConfigured).endsWith(DENY_ACCESS);
        }
        assertThat(requiredSteps(production, directGrant, Set.of("viewer"), false)).as("direct grant of a viewer without OTP")
                .contains("direct-grant-validate-password").doesNotContain("direct-grant-validate-otp", DENY_ACCESS);
        assertThat(requiredSteps(production, directGrant, Set.of("viewer"), true)).as("direct grant of a viewer with OTP")
                .containsOnlyOnce("direct-grant-validate-otp").doesNotContain(DENY_ACCESS);
    }

    /** {@code length(12) and notUsername} → {length=12, notUsername=""}. */
    private static Map<String, String> passwordPolicy(String policy) {
        Map<String, String> parts = new HashMap<>();
        Matcher matcher = Pattern.compile("([A-Za-z]+)(?:\\(([^)]*)\\))?").matcher(policy);
        for (String part : policy.split("\\s+and\\s+")) {
            if (matcher.reset(part.trim()).matches()) {
                parts.put(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
            }
        }
        return parts;
    }

    /**
     * The authenticators a user with these realm roles, with or without a one-time password set up,
     * passes through on the way in by the form (not by an existing session's cookie), as Keycloak runs
     * a flow: REQUIRED steps in order, ALTERNATIVE sub-flows (the form, not the cookie), a CONDITIONAL
     * sub-flow only when every condition in it holds, and nothing after access is denied.
     */
    private static List<String> requiredSteps(JsonNode realm, String flowAlias, Set<String> roles, boolean otpConfigured) {
        Map<String, JsonNode> flows = new HashMap<>();
        realm.path("authenticationFlows").forEach(flow -> flows.put(flow.path("alias").asText(), flow));
        Map<String, JsonNode> configs = new HashMap<>();
        realm.path("authenticatorConfig").forEach(config -> configs.put(config.path("alias").asText(), config.path("config")));
        assertThat(flows).as("flows of the realm").containsKey(flowAlias);
        List<String> steps = new ArrayList<>();
        walk(flows, configs, flows.get(flowAlias), roles, otpConfigured, steps);
        // access denied ends the flow
        return steps.contains(DENY_ACCESS) ? steps.subList(0, steps.indexOf(DENY_ACCESS) + 1) : steps;
    }

    private static void walk(Map<String, JsonNode> flows, Map<String, JsonNode> configs, JsonNode flow, Set<String> roles,
            boolean otpConfigured, List<String> steps) {
        for (JsonNode execution : flow.path("authenticationExecutions")) {
            String requirement = execution.path("requirement").asText();
            if (execution.path("authenticatorFlow").asBoolean()) {
                JsonNode subFlow = flows.get(execution.path("flowAlias").asText());
                assertThat(subFlow).as("sub-flow %s", execution.path("flowAlias").asText()).isNotNull();
                boolean runs = switch (requirement) {
                    case "REQUIRED", "ALTERNATIVE" -> true;
                    case "CONDITIONAL" -> conditionsHold(configs, subFlow, roles, otpConfigured);
                    default -> false;
                };
                if (runs) {
                    walk(flows, configs, subFlow, roles, otpConfigured, steps);
                }
            } else if (requirement.equals("REQUIRED") && !execution.path("authenticator").asText().startsWith("conditional-")) {
                steps.add(execution.path("authenticator").asText());
            }
        }
    }

    private static boolean conditionsHold(Map<String, JsonNode> configs, JsonNode subFlow, Set<String> roles, boolean otpConfigured) {
        for (JsonNode execution : subFlow.path("authenticationExecutions")) {
            String authenticator = execution.path("authenticator").asText();
            if (authenticator.equals("conditional-user-role")) {
                JsonNode config = configs.get(execution.path("authenticatorConfig").asText());
                assertThat(config).as("config %s", execution.path("authenticatorConfig").asText()).isNotNull();
                boolean hasRole = roles.contains(config.path("condUserRole").asText());
                if (hasRole == config.path("negate").asBoolean()) {
                    return false;
                }
            } else if (authenticator.equals("conditional-user-configured")) {
                // the sub-flow's only credential step is the one-time password
                if (!otpConfigured) {
                    return false;
                }
            } else if (authenticator.startsWith("conditional-")) {
                throw new AssertionError("a condition the test does not know: " + authenticator);
            }
        }
        return true;
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
