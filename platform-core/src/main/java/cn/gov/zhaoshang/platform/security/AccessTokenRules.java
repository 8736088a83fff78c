package cn.gov.zhaoshang.platform.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What an access token must say besides its signature, at the gateway and in every service, as
 * Spring Boot checks it from {@code spring.security.oauth2.resourceserver.jwt.*}: Spring Security's
 * defaults (type, certificate binding, expiry and not-before, the last with {@link #CLOCK_SKEW}
 * rather than its 60 s), the issuer when one is configured, and at least one of the audiences when
 * some are (the platform's defaults name {@code zhaoshang-api}).
 */
public final class AccessTokenRules {

    /**
     * How far the clocks of Keycloak and this machine may disagree when a token's {@code exp} and
     * {@code nbf} are checked. Spring Security's 60 s would keep a token of the realm's 5-minute
     * lifespan usable a fifth longer; NTP-synchronised hosts are within milliseconds (issue 25,
     * finding 5).
     */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(10);

    private AccessTokenRules() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, Collection<String> audiences) {
        List<OAuth2TokenValidator<Jwt>> explicit = new ArrayList<>(List.of(new JwtTimestampValidator(CLOCK_SKEW)));
        if (issuer != null) {
            explicit.add(new JwtIssuerValidator(issuer));
        }
        // the library adds its other defaults (type, certificate binding) to the ones given here
        OAuth2TokenValidator<Jwt> defaults = JwtValidators.createDefaultWithValidators(explicit);
        if (audiences == null || audiences.isEmpty()) {
            return defaults;
        }
        return new DelegatingOAuth2TokenValidator<>(defaults, new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                audience -> audience != null && !Collections.disjoint(audience, audiences)));
    }
}
