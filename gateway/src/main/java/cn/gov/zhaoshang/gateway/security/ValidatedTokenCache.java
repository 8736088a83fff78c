package cn.gov.zhaoshang.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed full validation (signature, issuer, audience, expiry) until they
 * expire, so a client's repeated calls with the same token skip the RSA verification. The key is
 * the whole compact token, signature included: a token differing in any byte is validated afresh.
 * A cached token is never used past its {@code exp}.
 *
 * <p>The trade-off: a token signed by a key that Keycloak later removes stays accepted until it
 * expires (at most the realm's access-token lifespan, 5 minutes) on a replica that had already
 * validated it. Services behind the gateway validate every token again regardless.
 */
public final class ValidatedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> validated;

    public ValidatedTokenCache(ReactiveJwtDecoder delegate, Clock clock, long maximumSize) {
        this.delegate = delegate;
        this.clock = clock;
        this.validated = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new Expiry<String, Jwt>() {
                    @Override
                    public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
                        return remainingLifetime(jwt).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
                        return remainingLifetime(jwt).toNanos();
                    }

                    @Override
                    public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt cached = validated.getIfPresent(token);
        if (cached != null) {
            if (clock.instant().isBefore(cached.getExpiresAt())) {
                return Mono.just(cached);
            }
            validated.invalidate(token);
        }
        return delegate.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                validated.put(token, jwt);
            }
        });
    }

    private Duration remainingLifetime(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        Duration remaining = expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

}
