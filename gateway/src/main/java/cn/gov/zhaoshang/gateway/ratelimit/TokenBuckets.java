package cn.gov.zhaoshang.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import cn.gov.zhaoshang.gateway.errors.GatewayProblems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's token buckets (Bucket4j), one per key (a user, a client application, a client
 * address), in this replica's memory and bounded by Caffeine, and the one way a request over its
 * limit is refused: 429 problem details with {@code Retry-After} in whole seconds.
 */
@Component
public class TokenBuckets {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    /** @return 0 when a token was taken from {@code key}'s bucket, else nanoseconds until one is available */
    long consume(String key, RateLimitProperties.Limit limit) {
        Bucket bucket = buckets.get(key, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.refillTokens(), limit.refillPeriod()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    /** 429 problem details, asking the caller to wait {@code waitNanos} rounded up to whole seconds. */
    static Mono<Void> tooManyRequests(ServerWebExchange exchange, long waitNanos) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return GatewayProblems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests", "Slow down: try again in " + seconds + " s.",
                exchange.getRequest().getPath().value());
    }
}
