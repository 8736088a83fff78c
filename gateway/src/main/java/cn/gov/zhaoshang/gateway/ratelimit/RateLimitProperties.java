package cn.gov.zhaoshang.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets of {@code zhaoshang.gateway.rate-limit}: each user, and each client application
 * (the token's {@code azp}), may burst to {@code capacity} requests and is refilled at
 * {@code refillTokens} per {@code refillPeriod}; so may each client address with requests that carry
 * no valid token ({@code unauthenticated-per-address}).
 *
 * @param trustedProxies how many proxies in front of the gateway each append the address they saw to
 *                       {@code X-Forwarded-For}: the client address is that many entries from its
 *                       right end. 0 (the default) takes the connection's own address and ignores the
 *                       header, which a client could otherwise write to get a bucket per request; in
 *                       the cluster it is 1, the ingress controller (which sets the header to the
 *                       address it saw).
 */
@ConfigurationProperties("zhaoshang.gateway.rate-limit")
public record RateLimitProperties(Limit perUser, Limit perClient, Limit unauthenticatedPerAddress, int trustedProxies) {

    public RateLimitProperties {
        perUser = perUser == null ? new Limit(100, 50, Duration.ofSeconds(1)) : perUser;
        perClient = perClient == null ? new Limit(1000, 500, Duration.ofSeconds(1)) : perClient;
        unauthenticatedPerAddress = unauthenticatedPerAddress == null ? new Limit(20, 20, Duration.ofSeconds(1))
                : unauthenticatedPerAddress;
        if (trustedProxies < 0) {
            throw new IllegalArgumentException("trusted-proxies is a count of proxies, not " + trustedProxies);
        }
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
