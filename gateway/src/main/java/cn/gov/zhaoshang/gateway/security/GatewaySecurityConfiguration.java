package cn.gov.zhaoshang.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import cn.gov.zhaoshang.gateway.ratelimit.UnauthenticatedRateLimit;
import cn.gov.zhaoshang.platform.security.AccessTokenRules;
import cn.gov.zhaoshang.platform.security.IdentityProviderKeys;
import cn.gov.zhaoshang.platform.security.IdentityProviderOutage;
import cn.gov.zhaoshang.platform.security.ReactiveVerifiedTokenCache;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every API request must carry a valid access token: signature (Keycloak's JWKS, re-fetched when
 * an unknown key id appears, so key rotation needs no restart, at most twice per cooldown), issuer,
 * audience and expiry, from
 * {@code spring.security.oauth2.resourceserver.jwt.*}. The token is forwarded unchanged, and each
 * service validates it again.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurityConfiguration {

    /**
     * Keycloak's keys, issuer, audience and expiry, as Spring Boot would check them, behind a cache
     * of tokens that already passed. The keys are fetched as every service fetches them
     * ({@link IdentityProviderKeys}): with time-outs ({@code zhaoshang.security.key-fetch-timeout}, 5 s
     * by default, for connecting and for the answer), kept for {@code zhaoshang.security.key-cache-time-to-live}
     * (5 min), and fetched again on an unknown key id at most twice per
     * {@code zhaoshang.security.key-refetch-cooldown} (10 s), so that made-up key ids cannot make the
     * gateway call Keycloak on every request. Keys that cannot be fetched are an
     * {@link IdentityProviderOutage}: 503 with {@code Retry-After} ({@code GatewayErrorHandler}), as in
     * the services.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${spring.security.oauth2.resourceserver.jwt.audiences}") List<String> audiences,
            @Value("${zhaoshang.gateway.validated-token-cache-size:50000}") long cacheSize,
            @Value("${zhaoshang.security.key-fetch-timeout:5s}") Duration keyFetchTimeout,
            @Value("${zhaoshang.security.key-cache-time-to-live:5m}") Duration keyCacheTimeToLive,
            @Value("${zhaoshang.security.key-refetch-cooldown:10s}") Duration keyRefetchCooldown) {
        JWKSource<SecurityContext> keys = IdentityProviderKeys.fetchedFrom(jwkSetUri, keyFetchTimeout, keyCacheTimeToLive,
                keyRefetchCooldown);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(token -> keysFor(keys, token)).build();
        decoder.setJwtValidator(AccessTokenRules.validator(issuer, audiences));
        return cacheSize > 0 ? new ReactiveVerifiedTokenCache(decoder, Clock.systemUTC(), cacheSize) : decoder;
    }

    /**
     * The keys a token's header asks for. Nimbus' key source blocks while it fetches (and while
     * another request's fetch is under way), so it is asked off the event loop; with validated
     * tokens cached, that is once per new token, not per request.
     */
    private static Flux<JWK> keysFor(JWKSource<SecurityContext> keys, SignedJWT token) {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(token.getHeader());
        if (matcher == null) {
            return Flux.empty(); // an algorithm no key of ours is for: no key, refused
        }
        JWKSelector selector = new JWKSelector(matcher);
        return Mono.fromCallable(() -> keys.get(selector, null))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapIterable(found -> found);
    }

    /**
     * No observation per security filter and phase: Spring Security would otherwise start several
     * observations (each a timer and, when sampled, a span) on every request, which cost more than
     * the checks themselves. The request as a whole is still observed (`http.server.requests`, and
     * the call to the service with its trace context), and refusals show there by status.
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Stateless: the security context comes from the bearer token on every request and is never
     * kept. Spring Security's defaults would look it up in a {@code WebSession}, and creating that
     * (an in-memory session with a random id) moves each request onto two other thread pools and
     * back; the request cache, logout, form and basic login are for browser sessions the API
     * does not have. A request refused for want of a valid token counts against its client address
     * ({@link UnauthenticatedRateLimit}): 401 up to the limit, 429 beyond it.
     */
    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, UnauthenticatedRateLimit unauthenticated) {
        return http
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        // the API first: almost every request is one, and one pattern decides it
                        // instead of the nine public ones below, each tried in turn
                        .pathMatchers("/api/**").authenticated()
                        // the actuator answers on the management port (application.yml); on this, the
                        // public one, its paths are 404 (docs/security.md, finding 10)
                        .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus").permitAll()
                        // API documentation is public: it describes the API, it holds no data
                        .pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**", "/api-docs/**").permitAll()
                        .pathMatchers("/actuator/**").authenticated()
                        // the web console's files and client-side routes hold no data: the sign-in happens
                        // in the page, and every API call it makes carries the token
                        .pathMatchers(HttpMethod.GET, "/**").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyExchange().authenticated())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(unauthenticated)
                        .bearerTokenConverter(new BearerTokenHeader())
                        .jwt(jwt -> { }))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }
}
