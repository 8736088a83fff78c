package cn.gov.zhaoshang.platform.config;

import java.time.Clock;

import cn.gov.zhaoshang.platform.security.AccessTokenRules;
import cn.gov.zhaoshang.platform.security.IdentityProviderKeys;
import cn.gov.zhaoshang.platform.security.IdentityProviderOutageFilter;
import cn.gov.zhaoshang.platform.security.KeycloakRealmRoles;
import cn.gov.zhaoshang.platform.security.Roles;
import cn.gov.zhaoshang.platform.security.RolesBeforeTheBody;
import cn.gov.zhaoshang.platform.security.VerifiedTokenCache;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Zero trust inside the cluster: every service validates the caller's token again (issuer,
 * audience, signature, expiry, from {@code spring.security.oauth2.resourceserver.jwt.*}), and only
 * health probes and metrics are open. Runs before Spring Boot's resource-server configuration, whose
 * default filter chain and decoder give way to these.
 */
@AutoConfiguration(before = {OAuth2ResourceServerAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
@EnableConfigurationProperties({PlatformSecurityProperties.class, OAuth2ResourceServerProperties.class})
public class PlatformSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/v3/api-docs/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // other agencies (role agency) read reports and nothing else; refused here,
                        // before a request body is even read (each operation's own role annotation is
                        // checked before its body too: RolesBeforeTheBody)
                        .requestMatchers(HttpMethod.GET, "/api/reports/**").authenticated()
                        .requestMatchers("/api/**").hasAnyRole(Roles.VIEWER, Roles.OFFICER, Roles.LEADER,
                                Roles.TARGET_ADMIN, Roles.CONTACTS_READER, Roles.AUDITOR, Roles.ADMIN, Roles.USER_ADMIN)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakRealmRoles())))
                // a token that cannot be checked because the identity provider is unreachable: 503, not 500
                .addFilterBefore(new IdentityProviderOutageFilter(), BearerTokenAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * The decoder Spring Boot would configure from {@code spring.security.oauth2.resourceserver.jwt.*}
     * (issuer, audience, signature, expiry), with the identity provider's keys fetched as the gateway
     * fetches them ({@link IdentityProviderKeys}): with time-outs ({@code zhaoshang.security.key-fetch-timeout},
     * 5 s by default, for connecting and for the answer; without them a silent identity provider held
     * the request until the operating system gave up), kept for {@code zhaoshang.security.key-cache-time-to-live},
     * and fetched again on an unknown key id at most twice per {@code zhaoshang.security.key-refetch-cooldown}.
     * Spring Boot's own decoder fetched them again on every token with an unknown key id.
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, PlatformSecurityProperties properties) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(IdentityProviderKeys.fetchedFrom(jwt.getJwkSetUri(),
                properties.keyFetchTimeout(), properties.keyCacheTimeToLive(), properties.keyRefetchCooldown())).build();
        decoder.setJwtValidator(AccessTokenRules.validator(jwt.getIssuerUri(), jwt.getAudiences()));
        return decoder;
    }

    /**
     * Operations' role annotations are checked before their arguments, so before the request body
     * is read ({@link RolesBeforeTheBody}): a caller without the role gets 403 whatever the body.
     */
    @Bean
    WebMvcConfigurer rolesBeforeTheBody() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RolesBeforeTheBody()).order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }

    /**
     * Puts the decoder Spring Boot configures (issuer, audience, signature, expiry) behind
     * {@link VerifiedTokenCache}, so a token is verified once per instance rather than on every
     * request. {@code zhaoshang.security.verified-token-cache-size=0} turns the cache off.
     */
    @Bean
    static BeanPostProcessor verifiedTokenCache(Environment environment) {
        long size = Binder.get(environment).bind("zhaoshang.security", PlatformSecurityProperties.class)
                .orElseGet(() -> new PlatformSecurityProperties(null, null, null, null))
                .verifiedTokenCacheSize();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache) && size > 0
                        ? new VerifiedTokenCache(decoder, Clock.systemUTC(), size)
                        : bean;
            }
        };
    }
}
