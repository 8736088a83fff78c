package cn.gov.zhaoshang.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/** The gateway's decoder behind the verified-token memory: the rules of {@link VerifiedTokenCacheTest}, reactively. */
class ReactiveVerifiedTokenCacheTest {

    static final Instant ISSUED = Instant.parse("2026-11-22T08:00:00Z");

    final AtomicInteger fullValidations = new AtomicInteger();
    MutableClock clock = new MutableClock(ISSUED);

    ReactiveVerifiedTokenCache cache = new ReactiveVerifiedTokenCache(token -> {
        fullValidations.incrementAndGet();
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("signature"));
        }
        if (!clock.instant().isBefore(ISSUED.plus(Duration.ofMinutes(5)))) {
            return Mono.error(new BadJwtException("expired"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("gp-officer")
                .issuedAt(ISSUED).expiresAt(ISSUED.plus(Duration.ofMinutes(5))).build());
    }, clock, 1000);

    @Test
    void aTokenThatPassedIsNotVerifiedAgainUntilItExpires() {
        assertThat(cache.decode("good.token.sig").block().getSubject()).isEqualTo("gp-officer");
        clock.now = ISSUED.plus(Duration.ofMinutes(4));
        assertThat(cache.decode("good.token.sig").block().getSubject()).isEqualTo("gp-officer");
        assertThat(fullValidations).hasValue(1);
    }

    @Test
    void anExpiredTokenIsValidatedAgainAndRefusedEvenIfItWasCached() {
        cache.decode("good.token.sig").block();
        clock.now = ISSUED.plus(Duration.ofMinutes(5));

        Mono<Jwt> afterExpiry = cache.decode("good.token.sig");

        assertThat(afterExpiry.onErrorResume(BadJwtException.class, e -> Mono.empty()).block()).isNull();
        assertThat(fullValidations).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverCached() {
        for (int i = 0; i < 3; i++) {
            assertThat(cache.decode("bad.token.sig").onErrorResume(BadJwtException.class, e -> Mono.empty()).block()).isNull();
        }
        assertThat(fullValidations).hasValue(3);
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
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
