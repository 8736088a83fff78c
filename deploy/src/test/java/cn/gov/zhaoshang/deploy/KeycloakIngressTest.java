package cn.gov.zhaoshang.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25, finding 5: from outside, Keycloak answers only for the platform's realm and the
 * resources its pages load; its admin console, the master realm and its welcome page are not
 * published by any Ingress. The paths are matched as the Ingress API defines them (Prefix by whole
 * path elements, Exact as it is), so a request path either reaches Keycloak or it does not.
 */
class KeycloakIngressTest {

    private static final String KEYCLOAK = "keycloak-service";

    /** Annotations of ingress-nginx with which a path could match more than the Ingress API says. */
    private static final List<String> WIDENING_ANNOTATIONS = List.of("nginx.ingress.kubernetes.io/use-regex",
            "nginx.ingress.kubernetes.io/rewrite-target", "nginx.ingress.kubernetes.io/configuration-snippet",
            "nginx.ingress.kubernetes.io/server-snippet", "nginx.ingress.kubernetes.io/app-root");

    private record Route(String ingress, String host, String path, String pathType) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void noPathReachesKeycloaksAdminConsoleTheMasterRealmOrItsRoot(String overlay) {
        List<Route> routes = routesToKeycloak(overlay);

        assertThat(routes).as("routes to Keycloak").isNotEmpty();
        for (String outside : List.of("/", "/admin", "/admin/", "/admin/master/console/", "/admin/realms/zhaoshang/users",
                "/admin/zhaoshang/console/", "/realms/master", "/realms/master/protocol/openid-connect/token",
                "/realms/master/.well-known/openid-configuration", "/realms", "/realms/zhaoshang-other/account",
                "/welcome", "/js/keycloak.js", "/metrics", "/health")) {
            assertThat(reachingKeycloak(routes, outside)).as("routes that send %s to Keycloak", outside).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void thePlatformsRealmAndTheResourcesOfItsPagesReachKeycloak(String overlay) {
        List<Route> routes = routesToKeycloak(overlay);

        for (String published : List.of("/realms/zhaoshang/protocol/openid-connect/auth",
                "/realms/zhaoshang/protocol/openid-connect/token", "/realms/zhaoshang/protocol/openid-connect/certs",
                "/realms/zhaoshang/.well-known/openid-configuration", "/realms/zhaoshang/login-actions/authenticate",
                "/realms/zhaoshang/account/", "/resources/abc12/login/keycloak.v2/css/styles.css")) {
            assertThat(reachingKeycloak(routes, published)).as("routes that send %s to Keycloak", published).isNotEmpty();
        }
        assertThat(routes).allSatisfy(route -> {
            assertThat(route.pathType()).as("pathType of %s", route).isIn("Prefix", "Exact");
            assertThat(route.host()).as("host of %s", route).isEqualTo("auth.zhaoshang.example.gov.cn");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void noIngressWidensItsPathsOrSendsEverythingElseToKeycloak(String overlay) {
        for (K8sObject ingress : ingresses(overlay)) {
            assertThat(ingress.spec().path("defaultBackend").path("service").path("name").asText())
                    .as("defaultBackend of %s", ingress.id()).isNotEqualTo(KEYCLOAK);
            if (!routes(ingress).isEmpty()) {
                JsonNode annotations = ingress.node().path("metadata").path("annotations");
                for (String annotation : WIDENING_ANNOTATIONS) {
                    assertThat(annotations.has(annotation)).as("%s on %s", annotation, ingress.id()).isFalse();
                }
            }
        }
    }

    /**
     * The admin console is opened through {@code kubectl port-forward}, so its address is the local
     * end of the forward, never the public host (where the console would load and then fail).
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theAdminConsolesAddressIsTheLocalEndOfAPortForward(String overlay) {
        K8sObject keycloak = K8sObject.parseAll(Kustomize.render(ManifestValidator.OVERLAYS.resolve(overlay))).stream()
                .filter(o -> o.is("Keycloak")).findFirst().orElseThrow();
        assertThat(keycloak.spec().path("hostname").path("admin").asText()).isEqualTo("http://localhost:8080");
        assertThat(keycloak.spec().path("http").path("httpPort").asInt()).as("the port the forward reaches").isEqualTo(8080);
    }

    /** The routes whose path would take {@code requestPath} to Keycloak, by the Ingress API's matching rules. */
    private static List<Route> reachingKeycloak(List<Route> routes, String requestPath) {
        return routes.stream().filter(route -> matches(route, requestPath)).toList();
    }

    private static boolean matches(Route route, String requestPath) {
        if (route.pathType().equals("Exact")) {
            return route.path().equals(requestPath);
        }
        // Prefix: the request's path elements begin with all of the route's (a trailing slash is ignored)
        List<String> prefix = elements(route.path());
        List<String> request = elements(requestPath);
        return request.size() >= prefix.size() && request.subList(0, prefix.size()).equals(prefix);
    }

    private static List<String> elements(String path) {
        return Arrays.stream(path.split("/")).filter(element -> !element.isEmpty()).toList();
    }

    private static List<Route> routesToKeycloak(String overlay) {
        return ingresses(overlay).stream().flatMap(ingress -> routes(ingress).stream()).toList();
    }

    private static List<Route> routes(K8sObject ingress) {
        List<Route> routes = new ArrayList<>();
        for (JsonNode rule : ingress.spec().path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                if (path.path("backend").path("service").path("name").asText().equals(KEYCLOAK)) {
                    routes.add(new Route(ingress.id(), rule.path("host").asText(), path.path("path").asText("/"),
                            path.path("pathType").asText()));
                }
            }
        }
        return routes;
    }

    private static List<K8sObject> ingresses(String overlay) {
        return K8sObject.parseAll(Kustomize.render(ManifestValidator.OVERLAYS.resolve(overlay))).stream()
                .filter(o -> o.is("Ingress")).toList();
    }
}
