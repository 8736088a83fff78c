package cn.gov.zhaoshang.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service checks tokens, under {@code zhaoshang.security}.
 *
 * @param verifiedTokenCacheSize tokens remembered as verified until they expire; 0 turns the cache off
 */
@ConfigurationProperties("zhaoshang.security")
public record PlatformSecurityProperties(Long verifiedTokenCacheSize) {

    public PlatformSecurityProperties {
        verifiedTokenCacheSize = verifiedTokenCacheSize == null ? 10_000L : verifiedTokenCacheSize;
    }
}
