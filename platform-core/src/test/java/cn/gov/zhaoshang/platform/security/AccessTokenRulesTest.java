package cn.gov.zhaoshang.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Issue 25, finding 5: a token's expiry and not-before are checked with a clock skew of 10 s, set
 * explicitly, not Spring Security's 60 s; the issuer and the audience are still required.
 */
class AccessTokenRulesTest {

    static final String ISSUER = "http://localhost:8180/realms/zhaoshang";
    final OAuth2TokenValidator<Jwt> rules = AccessTokenRules.validator(ISSUER, List.of("zhaoshang-api"));

    @Test
    void theClockSkewIsTenSeconds() {
        assertThat(AccessTokenRules.CLOCK_SKEW).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aTokenExpiredLongerThanTheSkewIsRefusedThoughTheLibrarysMinuteWouldAcceptIt() {
        Instant now = Instant.now();
        assertThat(rules.validate(token(now.minusSeconds(300), now.minusSeconds(20))).hasErrors())
                .as("expired 20 s ago").isTrue();
        assertThat(rules.validate(token(now.minusSeconds(300), now.minusSeconds(3))).hasErrors())
                .as("expired 3 s ago, within the skew").isFalse();
        assertThat(rules.validate(token(now.minusSeconds(10), now.plusSeconds(290))).hasErrors())
                .as("valid now").isFalse();
    }

    @Test
    void aTokenNotYetValidBeyondTheSkewIsRefused() {
        Instant now = Instant.now();
        Jwt early = base(now, now.plusSeconds(300)).notBefore(now.plusSeconds(30)).build();
        assertThat(rules.validate(early).hasErrors()).isTrue();
        Jwt almost = base(now, now.plusSeconds(300)).notBefore(now.plusSeconds(3)).build();
        assertThat(rules.validate(almost).hasErrors()).isFalse();
    }

    @Test
    void theIssuerAndAnAudienceAreStillRequired() {
        Instant now = Instant.now();
        Jwt otherIssuer = base(now, now.plusSeconds(300)).issuer("http://localhost:8180/realms/master").build();
        assertThat(rules.validate(otherIssuer).hasErrors()).isTrue();
        Jwt otherAudience = base(now, now.plusSeconds(300)).audience(List.of("account")).build();
        assertThat(rules.validate(otherAudience).hasErrors()).isTrue();
    }

    private static Jwt token(Instant issued, Instant expires) {
        return base(issued, expires).build();
    }

    private static Jwt.Builder base(Instant issued, Instant expires) {
        return Jwt.withTokenValue("token").header("alg", "RS256").header("typ", "JWT")
                .issuer(ISSUER).audience(List.of("zhaoshang-api")).subject("gp-officer")
                .issuedAt(issued).expiresAt(expires);
    }
}
