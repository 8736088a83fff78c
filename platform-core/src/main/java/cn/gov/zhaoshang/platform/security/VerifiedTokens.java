package cn.gov.zhaoshang.platform.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The memory behind {@link VerifiedTokenCache} (services) and {@link ReactiveVerifiedTokenCache}
 * (gateway): bearer tokens that passed the full validation of a decoder (signature, issuer,
 * audience, expiry), each kept until it expires, so that a client's repeated calls with one token
 * verify its RSA signature once, not on every request. Decoding and verifying the token were
 * 14–23 % of the request threads' samples in project-service's create-and-sign profiles
 * (docs/benchmarks/history.md), and the largest single cost at the gateway.
 *
 * <p>The key is the whole compact token, signature included: a token that differs in any byte is
 * validated afresh, and a refused token is never remembered. A remembered token is refused from its
 * {@code exp} on, as the decoder would (the decoder's clock skew is not extended to it). The
 * trade-off: a token signed with a key that Keycloak later removes stays accepted by this instance
 * until it expires (at most the realm's access-token lifespan, 5 minutes), if this instance had
 * already validated it before the removal. Services behind the gateway validate every token again.
 */
final class VerifiedTokens {

    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(Clock clock, long maximumSize) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> remainingLifetime(jwt)))
                .build();
    }

    /** The token's verified form, if it passed before and has not expired; else null. */
    Jwt remembered(String token) {
        Jwt remembered = verified.getIfPresent(token);
        if (remembered == null) {
            return null;
        }
        if (clock.instant().isBefore(remembered.getExpiresAt())) {
            return remembered;
        }
        verified.invalidate(token);
        return null;
    }

    /** Remembers a token the decoder has just accepted; one without an expiry is never remembered. */
    void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
    }

    private Duration remainingLifetime(Jwt jwt) {
        Duration remaining = Duration.between(clock.instant(), jwt.getExpiresAt());
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }
}
