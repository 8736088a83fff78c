package cn.gov.zhaoshang.targets.users.infrastructure;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.DependencyUnavailableException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.targets.users.model.ManagedUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The realm's users, through Keycloak's Admin REST API, as the service account of the confidential
 * client {@code zhaoshang-users} (client credentials, its token kept and renewed by Spring
 * Security's OAuth2 client). Keycloak's admin client library was not used: it brings RESTEasy and
 * Jackson 2 into a service built on Spring's HTTP client and Jackson 3 (docs/decisions/0013).
 *
 * <p>Every failure to reach Keycloak is a {@link DependencyUnavailableException} (503); Keycloak's
 * refusal of a value (an e-mail address it does not accept) is a 400 naming the field.
 */
@Component
public class KeycloakUserDirectory {

    private static final int PAGE = 200;
    private static final String REGISTRATION = "keycloak-users";

    private final UsersProperties properties;
    private final RestClient http;

    public KeycloakUserDirectory(UsersProperties properties, ObjectProvider<RestClient.Builder> builders) {
        this.properties = properties;
        if (!properties.configured()) {
            this.http = null;
            return;
        }
        UsersProperties.Keycloak keycloak = properties.keycloak();
        String realmBase = keycloak.url().toString().replaceAll("/+$", "");
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .tokenUri(realmBase + "/realms/" + keycloak.realm() + "/protocol/openid-connect/token")
                .clientId(keycloak.clientId()).clientSecret(keycloak.clientSecret())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        AuthorizedClientServiceOAuth2AuthorizedClientManager clients = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
        clients.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(clients);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        this.http = builders.getIfAvailable(RestClient::builder).baseUrl(realmBase + "/admin/realms/" + keycloak.realm()).requestInterceptor(bearer).build();
    }

    /** Every user of the realm but the clients' service accounts, without roles. */
    public List<ManagedUser> all() {
        List<ManagedUser> users = new ArrayList<>();
        for (int first = 0;; first += PAGE) {
            int from = first;
            JsonNode page = call(() -> http().get().uri("/users?briefRepresentation=false&first={first}&max={max}", from, PAGE)
                    .retrieve().body(JsonNode.class));
            for (JsonNode user : page) {
                if (!user.path("username").asString("").startsWith("service-account-")) {
                    users.add(user(user, Set.of()));
                }
            }
            if (page.size() < PAGE) {
                return users;
            }
        }
    }

    /** The user, without roles. */
    public Optional<ManagedUser> find(UUID id) {
        try {
            JsonNode user = call(() -> http().get().uri("/users/{id}", id).retrieve().body(JsonNode.class));
            return Optional.of(user(user, Set.of()));
        } catch (NotInKeycloak absent) {
            return Optional.empty();
        }
    }

    /** The user's realm roles, Keycloak's own (default-roles-…, offline_access) among them. */
    public Set<String> realmRoles(UUID id) {
        JsonNode mapped = call(() -> http().get().uri("/users/{id}/role-mappings/realm", id).retrieve().body(JsonNode.class));
        Set<String> roles = new TreeSet<>();
        mapped.forEach(role -> roles.add(role.path("name").asString()));
        return roles;
    }

    /** Creates the user, enabled, without roles or password; 409 naming {@code username} when it is taken. */
    public UUID create(String username, String firstName, String lastName, String email, String orgUnit) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", firstName);
        user.put("lastName", lastName);
        if (email != null) {
            user.put("email", email);
        }
        user.put("attributes", Map.of("org_unit", List.of(orgUnit)));
        try {
            URI location = call(() -> http().post().uri("/users").contentType(MediaType.APPLICATION_JSON).body(user)
                    .retrieve().toBodilessEntity().getHeaders().getLocation());
            String path = location.getPath();
            return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        } catch (Conflict taken) {
            throw new ConflictException("username or e-mail address " + username + " is already taken",
                    Map.of("errors", List.of(new FieldViolation(taken.getMessage().contains("email") ? "email" : "username", "Unique",
                            "is already taken by another user"))));
        }
    }

    /** Changes names, e-mail address, unit and whether the user may sign in; the rest stays as Keycloak has it. */
    public void update(UUID id, String firstName, String lastName, String email, String orgUnit, boolean enabled) {
        ObjectNode user = (ObjectNode) call(() -> http().get().uri("/users/{id}", id).retrieve().body(JsonNode.class));
        user.put("firstName", firstName);
        user.put("lastName", lastName);
        if (email == null) {
            user.remove("email");
        } else if (!email.equals(user.path("email").asString(null))) {
            user.put("email", email);
            user.put("emailVerified", false);
        }
        ObjectNode attributes = user.has("attributes") ? (ObjectNode) user.get("attributes") : user.putObject("attributes");
        attributes.putArray("org_unit").add(orgUnit);
        user.put("enabled", enabled);
        try {
            call(() -> http().put().uri("/users/{id}", id).contentType(MediaType.APPLICATION_JSON).body(user).retrieve().toBodilessEntity());
        } catch (Conflict taken) {
            throw new ConflictException("e-mail address " + email + " is already taken",
                    Map.of("errors", List.of(new FieldViolation("email", "Unique", "is already taken by another user"))));
        }
    }

    /** Grants {@code add} and takes away {@code remove}, realm roles by name. */
    public void changeRoles(UUID id, Set<String> add, Set<String> remove) {
        if (!remove.isEmpty()) {
            JsonNode held = call(() -> http().get().uri("/users/{id}/role-mappings/realm", id).retrieve().body(JsonNode.class));
            List<JsonNode> removed = named(held, remove);
            call(() -> http().method(HttpMethod.DELETE).uri("/users/{id}/role-mappings/realm", id)
                    .contentType(MediaType.APPLICATION_JSON).body(removed).retrieve().toBodilessEntity());
        }
        if (!add.isEmpty()) {
            JsonNode available = call(() -> http().get().uri("/users/{id}/role-mappings/realm/available", id).retrieve()
                    .body(JsonNode.class));
            List<JsonNode> added = named(available, add);
            if (added.size() != add.size()) {
                throw new IllegalStateException("Keycloak's realm lacks one of the roles " + add);
            }
            call(() -> http().post().uri("/users/{id}/role-mappings/realm", id).contentType(MediaType.APPLICATION_JSON).body(added)
                    .retrieve().toBodilessEntity());
        }
    }

    /** A password the user must change at their next sign-in. */
    public void setTemporaryPassword(UUID id, String password) {
        call(() -> http().put().uri("/users/{id}/reset-password", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("type", "password", "value", password, "temporary", true)).retrieve().toBodilessEntity());
    }

    /** Keycloak e-mails the user a link to set their password (the realm's SMTP settings). */
    public void sendSetPasswordEmail(UUID id) {
        call(() -> http().put().uri("/users/{id}/execute-actions-email", id).contentType(MediaType.APPLICATION_JSON)
                .body(List.of("UPDATE_PASSWORD")).retrieve().toBodilessEntity());
    }

    /** Ends the user's sessions, so that a disabled user's refresh token stops working at once. */
    public void endSessions(UUID id) {
        call(() -> http().post().uri("/users/{id}/logout", id).retrieve().toBodilessEntity());
    }

    /** Undoes a creation whose later steps failed, so that no half-made user is left behind. */
    public void delete(UUID id) {
        call(() -> http().delete().uri("/users/{id}", id).retrieve().toBodilessEntity());
    }

    private static List<JsonNode> named(JsonNode roles, Set<String> names) {
        List<JsonNode> found = new ArrayList<>();
        roles.forEach(role -> {
            if (names.contains(role.path("name").asString())) {
                found.add(role);
            }
        });
        return found;
    }

    private static ManagedUser user(JsonNode user, Set<String> roles) {
        JsonNode unit = user.path("attributes").path("org_unit");
        return new ManagedUser(UUID.fromString(user.get("id").asString()), user.path("username").asString(),
                user.path("firstName").asString(null), user.path("lastName").asString(null), user.path("email").asString(null),
                unit.isArray() && !unit.isEmpty() ? unit.get(0).asString() : null, roles, user.path("enabled").asBoolean(),
                user.has("createdTimestamp") ? Instant.ofEpochMilli(user.get("createdTimestamp").asLong()) : null);
    }

    private RestClient http() {
        if (http == null) {
            throw new DependencyUnavailableException("user management is not configured: set zhaoshang.users.keycloak.url and "
                    + "USERS_CLIENT_SECRET (the confidential client zhaoshang-users)");
        }
        return http;
    }

    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (HttpClientErrorException.NotFound notFound) {
            throw new NotInKeycloak();
        } catch (HttpClientErrorException.Conflict conflict) {
            throw new Conflict(conflict.getResponseBodyAsString());
        } catch (HttpClientErrorException.BadRequest refused) {
            throw refusedValue(refused);
        } catch (HttpClientErrorException.Unauthorized | HttpClientErrorException.Forbidden denied) {
            throw new DependencyUnavailableException("Keycloak refused the client " + properties.keycloak().clientId()
                    + " (" + denied.getStatusCode().value() + "): its service account needs manage-users and view-users of the realm",
                    denied);
        } catch (HttpServerErrorException | ResourceAccessException unavailable) {
            throw new DependencyUnavailableException("Keycloak's admin API did not answer: " + unavailable.getMessage(), unavailable);
        } catch (ClientAuthorizationException noToken) {
            throw new DependencyUnavailableException("no token for the client " + properties.keycloak().clientId()
                    + " from Keycloak: " + noToken.getMessage(), noToken);
        }
    }

    /** Keycloak's own check of a value ({@code {"field":"email","errorMessage":"invalid-email"}}), as a 400 naming the field. */
    private static RuntimeException refusedValue(RestClientResponseException refused) {
        JsonNode body;
        try {
            body = refused.getResponseBodyAs(JsonNode.class);
        } catch (RuntimeException unreadable) {
            body = null;
        }
        List<FieldViolation> violations = new ArrayList<>();
        if (body != null) {
            List<JsonNode> errors = body.has("errors") ? toList(body.get("errors")) : List.of(body);
            for (JsonNode error : errors) {
                if (error.hasNonNull("field")) {
                    violations.add(new FieldViolation(error.get("field").asString(), "Keycloak",
                            "is refused by Keycloak: " + error.path("errorMessage").asString("invalid")));
                }
            }
        }
        if (violations.isEmpty()) {
            return new IllegalStateException("Keycloak refused a request (" + refused.getStatusCode().value() + "): "
                    + refused.getResponseBodyAsString());
        }
        return new RequestValidationException(violations);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /** Keycloak answered 404: the caller decides what that means. */
    static final class NotInKeycloak extends RuntimeException {
        NotInKeycloak() {
            super(null, null, false, false);
        }
    }

    /** Keycloak answered 409 (a username or e-mail address already taken). */
    static final class Conflict extends RuntimeException {
        Conflict(String body) {
            super(body, null, false, false);
        }
    }
}
