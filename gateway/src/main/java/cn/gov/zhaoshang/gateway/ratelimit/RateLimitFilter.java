package cn.gov.zhaoshang.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import cn.gov.zhaoshang.gateway.errors.GatewayProblems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Rate limits per user and per client application, enforced after the token is validated. A
 * request over either limit gets 429 with {@code Retry-After}. Buckets live in this gateway
 * replica's memory (Bucket4j, bounded by Caffeine), so with N replicas behind a load balancer a
 * caller can get up to N times the limit; see docs/gateway.md.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitFilter implements GlobalFilter, Ordered {

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    public RateLimitFilter(RateLimitProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(this::nanosToWait)
                .defaultIfEmpty(0L)
                .flatMap(waitNanos -> {
                    if (waitNanos == 0) {
                        return chain.filter(exchange);
                    }
                    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
                    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
                    return GatewayProblems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                            "Too many requests", "Slow down: try again in " + seconds + " s.",
                            exchange.getRequest().getPath().value());
                });
    }

    private long nanosToWait(JwtAuthenticationToken token) {
        String user = token.getToken().getClaimAsString("preferred_username");
        String client = token.getToken().getClaimAsString("azp");
        long userWait = consume("user:" + (user != null ? user : token.getToken().getSubject()), properties.perUser());
        long clientWait = client == null ? 0 : consume("client:" + client, properties.perClient());
        return Math.max(userWait, clientWait);
    }

    /** @return 0 when a token was taken, else nanoseconds until one is available */
    private long consume(String key, RateLimitProperties.Limit limit) {
        Bucket bucket = buckets.get(key, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.refillTokens(), limit.refillPeriod()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
