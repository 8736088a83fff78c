package cn.gov.zhaoshang.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The cache's own rules, in front of a decoder that counts its validations: the real decoder's
 * checks (signature, issuer, audience, expiry against Keycloak-shaped tokens) are covered by every
 * service's API tests and the end-to-end test, which go through this cache.
 */
class VerifiedTokenCacheTest {

    static final Instant ISSUED = Instant.parse("2026-11-23T08:00:00Z");
    static final Instant EXPIRES = ISSUED.plus(Duration.ofMinutes(5));

    final AtomicInteger fullValidations = new AtomicInteger();
    final MutableClock clock = new MutableClock(ISSUED);

    final JwtDecoder decoder = token -> {
        fullValidations.incrementAndGet();
        if (token.endsWith(".tampered")) {
            throw new BadJwtException("signature");
        }
        if (!clock.instant().isBefore(EXPIRES)) {
            throw new BadJwtException("expired");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("gp-officer")
                .issuedAt(ISSUED).expiresAt(EXPIRES).build();
    };

    final VerifiedTokenCache cache = new VerifiedTokenCache(decoder, clock, 1000);

    @Test
    void aVerifiedTokenIsNotVerifiedAgainUntilItExpires() {
        assertThat(cache.decode("header.claims.signature").getSubject()).isEqualTo("gp-officer");
        clock.now = EXPIRES.minusMillis(1);

        assertThat(cache.decode("header.claims.signature").getSubject()).isEqualTo("gp-officer");
        assertThat(fullValidations).hasValue(1);
    }

    @Test
    void fromItsExpiryOnARememberedTokenIsValidatedAgainAndRefused() {
        cache.decode("header.claims.signature");
        clock.now = EXPIRES;

        assertThatThrownBy(() -> cache.decode("header.claims.signature")).isInstanceOf(BadJwtException.class);
        assertThat(fullValidations).hasValue(2);
    }

    @Test
    void aTokenDifferingInAnyByteIsValidatedOnItsOwnAndARefusedOneIsNeverRemembered() {
        cache.decode("header.claims.signature");

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> cache.decode("header.claims.signature.tampered")).isInstanceOf(BadJwtException.class);
        }
        assertThat(fullValidations).hasValue(4);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
