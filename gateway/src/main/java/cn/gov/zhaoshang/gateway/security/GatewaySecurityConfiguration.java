package cn.gov.zhaoshang.gateway.security;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Every API request must carry a valid access token: signature (Keycloak's JWKS, re-fetched when
 * an unknown key id appears, so key rotation needs no restart), issuer, audience and expiry, from
 * {@code spring.security.oauth2.resourceserver.jwt.*}. The token is forwarded unchanged, and each
 * service validates it again.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurityConfiguration {

    /**
     * Keycloak's keys (re-fetched on an unknown key id), issuer, audience and expiry, as Spring
     * Boot would configure them, behind a cache of tokens that already passed.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${spring.security.oauth2.resourceserver.jwt.audiences}") List<String> audiences,
            @Value("${zhaoshang.gateway.validated-token-cache-size:50000}") long cacheSize) {
        NimbusReactiveJwtDecoder keys = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
        keys.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.stream().anyMatch(audiences::contains))));
        return cacheSize > 0 ? new ValidatedTokenCache(keys, Clock.systemUTC(), cacheSize) : keys;
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http) {
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus").permitAll()
                        // API documentation is public: it describes the API, it holds no data
                        .pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**", "/api-docs/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> { }))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }
}
