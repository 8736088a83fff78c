package cn.gov.zhaoshang.platform.security;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What an access token must say besides its signature, at the gateway and in every service, as
 * Spring Boot checks it from {@code spring.security.oauth2.resourceserver.jwt.*}: Spring Security's
 * defaults (expiry, not-before), the issuer when one is configured, and at least one of the
 * audiences when some are (the platform's defaults name {@code zhaoshang-api}).
 */
public final class AccessTokenRules {

    private AccessTokenRules() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, Collection<String> audiences) {
        OAuth2TokenValidator<Jwt> defaults = issuer == null ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(issuer);
        if (audiences == null || audiences.isEmpty()) {
            return defaults;
        }
        return new DelegatingOAuth2TokenValidator<>(defaults, new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                audience -> audience != null && !Collections.disjoint(audience, audiences)));
    }
}
