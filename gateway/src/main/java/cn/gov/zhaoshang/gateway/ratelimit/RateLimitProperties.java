package cn.gov.zhaoshang.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets of {@code zhaoshang.gateway.rate-limit}: each user, and each client application
 * (the token's {@code azp}), may burst to {@code capacity} requests and is refilled at
 * {@code refillTokens} per {@code refillPeriod}.
 */
@ConfigurationProperties("zhaoshang.gateway.rate-limit")
public record RateLimitProperties(Limit perUser, Limit perClient) {

    public RateLimitProperties {
        perUser = perUser == null ? new Limit(100, 50, Duration.ofSeconds(1)) : perUser;
        perClient = perClient == null ? new Limit(1000, 500, Duration.ofSeconds(1)) : perClient;
    }

    /** A limit set in part (say only its capacity, from the environment) refills per second. */
    public record Limit(long capacity, long refillTokens, Duration refillPeriod) {
        public Limit {
            refillPeriod = refillPeriod == null ? Duration.ofSeconds(1) : refillPeriod;
            if (capacity <= 0 || refillTokens <= 0 || refillPeriod.isZero() || refillPeriod.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs a positive capacity, refill and period: "
                        + capacity + ", " + refillTokens + " per " + refillPeriod);
            }
        }
    }
}
