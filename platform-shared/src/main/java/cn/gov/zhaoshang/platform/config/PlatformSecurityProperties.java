package cn.gov.zhaoshang.platform.config;

import java.time.Duration;

import cn.gov.zhaoshang.platform.security.IdentityProviderKeys;
import cn.gov.zhaoshang.platform.security.IdentityProviderOutage;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service checks tokens, under {@code zhaoshang.security}.
 *
 * @param verifiedTokenCacheSize tokens remembered as verified until they expire; 0 turns the cache off
 * @param keyFetchTimeout        the time-out of a fetch of the identity provider's keys, for connecting and
 *                               again for the answer; past it the request is answered 503 with {@code Retry-After}
 * @param keyCacheTimeToLive     how long fetched keys are used before the next token has them fetched again
 * @param keyRefetchCooldown     at most two fetches of the keys in this time, whatever key ids tokens name
 *                               ({@link IdentityProviderKeys})
 */
@ConfigurationProperties("zhaoshang.security")
public record PlatformSecurityProperties(Long verifiedTokenCacheSize, Duration keyFetchTimeout, Duration keyCacheTimeToLive,
        Duration keyRefetchCooldown) {

    public PlatformSecurityProperties {
        verifiedTokenCacheSize = verifiedTokenCacheSize == null ? 10_000L : verifiedTokenCacheSize;
        keyFetchTimeout = keyFetchTimeout == null ? IdentityProviderOutage.DEFAULT_KEY_FETCH_TIMEOUT : keyFetchTimeout;
        keyCacheTimeToLive = keyCacheTimeToLive == null ? IdentityProviderKeys.DEFAULT_CACHE_TIME_TO_LIVE : keyCacheTimeToLive;
        keyRefetchCooldown = keyRefetchCooldown == null ? IdentityProviderKeys.DEFAULT_REFETCH_COOLDOWN : keyRefetchCooldown;
    }
}
