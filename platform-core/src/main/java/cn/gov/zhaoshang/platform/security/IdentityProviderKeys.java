package cn.gov.zhaoshang.platform.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

/**
 * The identity provider's signing keys (Keycloak's JWKS), fetched the same way by the gateway and
 * by every service: with a time-out, kept for a while, and fetched again on an unknown key id at
 * most twice per cooldown (Nimbus' {@code JWKSourceBuilder}: a cache and a rate limit).
 *
 * <p>Why a cooldown: a token's header names its key ({@code kid}), and anyone can write a header.
 * Without one, every request with a token naming a key id the provider never published made the
 * decoder fetch the keys again, so anyone could make the gateway and the services call Keycloak
 * once per request. Now an unknown key id finds no key during the cooldown and the token is
 * refused (401) without a fetch. Nimbus allows two fetches per cooldown, so the one after a
 * genuine key rotation is not used up by the regular refresh; if an attacker's key ids used both,
 * a token signed by a newly rotated key is refused until the cooldown has passed (at most
 * {@link #DEFAULT_REFETCH_COOLDOWN} by default), and the next fetch brings the new key.
 *
 * <p>Keys that cannot be fetched at all (no connection, no answer in time, an error status, a
 * key set that does not parse) are an {@link IdentityProviderOutage}: 503 with
 * {@code Retry-After}, never 401.
 */
public final class IdentityProviderKeys {

    /** How long fetched keys are used before the next token makes them be fetched again. */
    public static final Duration DEFAULT_CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);

    /** At most two fetches of the keys in this time, whatever the tokens' key ids. */
    public static final Duration DEFAULT_REFETCH_COOLDOWN = Duration.ofSeconds(10);

    /** A key set is a few kilobytes; more is not one. */
    private static final int MAX_KEY_SET_BYTES = 256 * 1024;

    private IdentityProviderKeys() {
    }

    /**
     * @param jwkSetUri       the identity provider's JWKS URI
     * @param fetchTimeout    for connecting, and again for the answer
     * @param cacheTimeToLive how long fetched keys are used; longer than {@code refetchCooldown}
     * @param refetchCooldown at most two fetches in this time
     */
    public static JWKSource<SecurityContext> fetchedFrom(String jwkSetUri, Duration fetchTimeout, Duration cacheTimeToLive,
            Duration refetchCooldown) {
        int timeout = Math.toIntExact(fetchTimeout.toMillis());
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(url(jwkSetUri),
                        new DefaultResourceRetriever(timeout, timeout, MAX_KEY_SET_BYTES))
                .cache(cacheTimeToLive.toMillis(), 2L * timeout + 1000)
                .rateLimited(refetchCooldown.toMillis())
                .refreshAheadCache(false)
                .retrying(false)
                .outageTolerant(false)
                .build();
        return (selector, context) -> keysFor(keys, selector, context, jwkSetUri);
    }

    private static List<JWK> keysFor(JWKSource<SecurityContext> keys, JWKSelector selector, SecurityContext context,
            String jwkSetUri) throws KeySourceException {
        try {
            return keys.get(selector, context);
        } catch (RateLimitReachedException cooldown) {
            // an unknown key id within the cooldown: no key, so the token is refused as unverifiable
            return List.of();
        } catch (KeySourceException unavailable) {
            String message = "the identity provider's keys could not be fetched from " + jwkSetUri;
            throw new KeySourceException(message, new IdentityProviderOutage.UnreachableException(message, unavailable));
        }
    }

    private static URL url(String jwkSetUri) {
        try {
            return URI.create(jwkSetUri).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JWKS URI: " + jwkSetUri, e);
        }
    }
}
