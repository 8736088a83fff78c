package cn.gov.zhaoshang.platform.config;

import java.net.URI;
import java.time.Clock;

import cn.gov.zhaoshang.platform.security.IdentityProviderOutage;
import cn.gov.zhaoshang.platform.security.IdentityProviderOutageFilter;
import cn.gov.zhaoshang.platform.security.KeycloakRealmRoles;
import cn.gov.zhaoshang.platform.security.Roles;
import cn.gov.zhaoshang.platform.security.VerifiedTokenCache;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RequestCallback;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.ResponseExtractor;
import org.springframework.web.client.RestTemplate;

/**
 * Zero trust inside the cluster: every service validates the caller's token again (issuer,
 * audience, signature, expiry, from {@code spring.security.oauth2.resourceserver.jwt.*}), and only
 * health probes and metrics are open. Runs before Spring Boot's resource-server configuration, whose
 * default filter chain and decoder give way to these.
 */
@AutoConfiguration(before = {OAuth2ResourceServerAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
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
                        // before a request body is even read
                        .requestMatchers(HttpMethod.GET, "/api/reports/**").authenticated()
                        .requestMatchers("/api/**").hasAnyRole(Roles.VIEWER, Roles.OFFICER, Roles.LEADER,
                                Roles.TARGET_ADMIN, Roles.CONTACTS_READER, Roles.AUDITOR, Roles.ADMIN)
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
     * The identity provider's keys are fetched with time-outs ({@code zhaoshang.security.key-fetch-timeout},
     * 5 s by default) for connecting and for the answer: without them a silent identity provider held
     * the request until the operating system gave up.
     */
    @Bean
    @ConditionalOnMissingBean(name = "keyFetchTimeouts")
    JwkSetUriJwtDecoderBuilderCustomizer keyFetchTimeouts(PlatformSecurityProperties properties) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(properties.keyFetchTimeout());
        timeouts.setReadTimeout(properties.keyFetchTimeout());
        RestTemplate keyFetches = new RestTemplate(timeouts) {
            @Override
            protected <T> T doExecute(URI url, String uriTemplate, HttpMethod method, RequestCallback requestCallback,
                    ResponseExtractor<T> responseExtractor) {
                try {
                    return super.doExecute(url, uriTemplate, method, requestCallback, responseExtractor);
                } catch (ResourceAccessException unreachable) {
                    throw new IdentityProviderOutage.UnreachableException(
                            "the identity provider's keys could not be fetched from " + url, unreachable);
                }
            }
        };
        return builder -> builder.restOperations(keyFetches);
    }

    /**
     * Puts the decoder Spring Boot configures (issuer, audience, signature, expiry) behind
     * {@link VerifiedTokenCache}, so a token is verified once per instance rather than on every
     * request. {@code zhaoshang.security.verified-token-cache-size=0} turns the cache off.
     */
    @Bean
    static BeanPostProcessor verifiedTokenCache(Environment environment) {
        long size = Binder.get(environment).bind("zhaoshang.security", PlatformSecurityProperties.class)
                .orElseGet(() -> new PlatformSecurityProperties(null, null))
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
