package cn.gov.zhaoshang.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Every API request must carry a valid access token: signature (Keycloak's JWKS, re-fetched when
 * an unknown key id appears, so key rotation needs no restart), issuer, audience and expiry, from
 * {@code spring.security.oauth2.resourceserver.jwt.*}. The token is forwarded unchanged, and each
 * service validates it again.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurityConfiguration {

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
