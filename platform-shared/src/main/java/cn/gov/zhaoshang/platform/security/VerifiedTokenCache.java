package cn.gov.zhaoshang.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the bearer tokens that passed the full validation of the service's decoder (signature,
 * issuer, audience, expiry) until they expire, so that a client's repeated calls with one token
 * verify its RSA signature once, not on every request: decoding and verifying the token were 14–23 %
 * of the request threads' samples in project-service's create-and-sign profiles (docs/benchmarks/history.md).
 *
 * <p>The key is the whole compact token, signature included: a token that differs in any byte is
 * validated afresh, and a refused token is never remembered. A remembered token is refused from its
 * {@code exp} on, as the decoder would (the decoder's clock skew is not extended to it). The
 * trade-off, as at the gateway: a token signed with a key that Keycloak later removes stays accepted
 * by this instance until it expires (at most the realm's access-token lifespan, 5 minutes), if this
 * instance had already validated it before the removal.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokenCache(JwtDecoder decoder, Clock clock, long maximumSize) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> remainingLifetime(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = verified.getIfPresent(token);
        if (remembered != null && clock.instant().isBefore(remembered.getExpiresAt())) {
            return remembered;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private Duration remainingLifetime(Jwt jwt) {
        Duration remaining = Duration.between(clock.instant(), jwt.getExpiresAt());
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }
}
