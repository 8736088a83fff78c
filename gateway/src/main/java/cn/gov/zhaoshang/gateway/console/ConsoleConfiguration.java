package cn.gov.zhaoshang.gateway.console;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Serves the web console on the API's own origin (docs/decisions/0008-console-served-by-the-gateway.md):
 * hashed assets cached for a year, index.html never cached, client-side routes answered with
 * index.html, and a Content-Security-Policy that allows scripts from this origin only.
 * The API's routes, the actuator and the API documentation are matched before this.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleConfiguration {

    /** Paths that belong to the API, the actuator or the API documentation, never to the console. */
    static final List<String> NOT_CONSOLE = List.of("/api/", "/actuator", "/v3/", "/swagger-ui", "/webjars/", "/api-docs/");
    /**
     * The page Keycloak sends the console's hidden sign-in frame to (keycloak-js's silent check-sso): the
     * one page the console itself may frame.
     */
    static final String SILENT_CHECK_PAGE = "silent-check-sso.html";
    private static final CacheControl HASHED = CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable();

    @Bean
    RouterFunction<ServerResponse> consoleRoutes(ConsoleProperties properties,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String keyEndpoint,
            @Value("${zhaoshang.gateway.console.keycloak-check-timeout:2s}") Duration checkTimeout,
            @Value("${zhaoshang.gateway.console.keycloak-check-remembered:5s}") Duration checkRemembered) {
        if (!ConsoleFiles.present()) {
            return RouterFunctions.route(request -> false, request -> ServerResponse.notFound().build());
        }
        SignInSettings signIn = SignInSettings.of(properties, issuer);
        ConsoleFiles files = new ConsoleFiles(signIn);
        KeycloakAvailability keycloak = new KeycloakAvailability(keyEndpoint, checkTimeout, checkRemembered);
        String policy = contentSecurityPolicy(signIn.keycloakOrigin());
        RequestPredicate consolePath = request -> NOT_CONSOLE.stream().noneMatch(request.path()::startsWith);
        RequestPredicate read = RequestPredicates.method(HttpMethod.GET).or(RequestPredicates.method(HttpMethod.HEAD));
        return RouterFunctions.route(read.and(consolePath), request -> serve(request, files, keycloak, policy));
    }

    private static Mono<ServerResponse> serve(ServerRequest request, ConsoleFiles files, KeycloakAvailability keycloak,
            String policy) {
        String path = request.path().substring(1);
        if (path.isEmpty() || path.equals("index.html")) {
            return index(files, keycloak, policy);
        }
        Optional<Resource> file = files.file(path);
        if (file.isEmpty()) {
            // a client-side route (no file extension) gets the page; a missing file is a 404
            return lastSegment(path).contains(".") ? ServerResponse.notFound().build() : index(files, keycloak, policy);
        }
        MediaType type = MediaTypeFactory.getMediaType(file.get()).orElse(MediaType.APPLICATION_OCTET_STREAM);
        CacheControl caching = path.startsWith("assets/") ? HASHED : CacheControl.noCache();
        Optional<ConsoleFiles.Encoded> encoded = files.encoded(path, acceptedEncodings(request));
        Resource body = encoded.map(ConsoleFiles.Encoded::resource).orElse(file.get());
        ServerResponse.BodyBuilder response = ServerResponse.ok().contentType(type).cacheControl(caching)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .headers(headers -> securityHeaders(headers, policy, path.equals(SILENT_CHECK_PAGE)));
        encoded.ifPresent(copy -> response.header(HttpHeaders.CONTENT_ENCODING, copy.encoding()));
        return response.body(BodyInserters.fromResource(body));
    }

    private static Mono<ServerResponse> index(ConsoleFiles files, KeycloakAvailability keycloak, String policy) {
        // no-store: never cached, and a page left by logging out is not restored from the back-forward cache
        return keycloak.answers().flatMap(answers -> ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .headers(headers -> securityHeaders(headers, policy, false))
                .bodyValue(files.indexHtml(answers)));
    }

    /** @param framedBySelf the silent check's page: framed by this origin's console, by nothing else */
    private static void securityHeaders(HttpHeaders headers, String policy, boolean framedBySelf) {
        headers.set("Content-Security-Policy", framedBySelf ? policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'") : policy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Frame-Options", framedBySelf ? "SAMEORIGIN" : "DENY");
    }

    /**
     * Scripts and styles from this origin only (no inline script, no eval); the API on this origin;
     * Keycloak for the token requests of the sign-in, and in frames for the silent sign-in (Keycloak's
     * pages, which send the frame back to this origin's silent check page); never framed itself.
     */
    static String contentSecurityPolicy(String keycloakOrigin) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self' " + keycloakOrigin,
                "form-action 'self' " + keycloakOrigin,
                "frame-src 'self' " + keycloakOrigin,
                "frame-ancestors 'none'",
                "object-src 'none'",
                "base-uri 'self'");
    }

    private static List<String> acceptedEncodings(ServerRequest request) {
        String header = request.headers().firstHeader(HttpHeaders.ACCEPT_ENCODING);
        return header == null ? List.of()
                : Arrays.stream(header.split(",")).map(encoding -> encoding.split(";")[0].trim()).toList();
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
