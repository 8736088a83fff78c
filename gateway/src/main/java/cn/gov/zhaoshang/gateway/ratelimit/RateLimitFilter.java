package cn.gov.zhaoshang.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Rate limits per user and per client application, enforced after the token is validated. A
 * request over either limit gets 429 with {@code Retry-After}. Buckets live in this gateway
 * replica's memory ({@link TokenBuckets}), so with N replicas behind a load balancer a caller can
 * get up to N times the limit; see docs/gateway.md. Requests without a valid token are limited per
 * client address instead ({@link UnauthenticatedRateLimit}).
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitFilter implements GlobalFilter, Ordered {

    private final RateLimitProperties properties;
    private final TokenBuckets buckets;

    public RateLimitFilter(RateLimitProperties properties, TokenBuckets buckets) {
        this.properties = properties;
        this.buckets = buckets;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(this::nanosToWait)
                .defaultIfEmpty(0L)
                .flatMap(waitNanos -> waitNanos == 0 ? chain.filter(exchange) : TokenBuckets.tooManyRequests(exchange, waitNanos));
    }

    private long nanosToWait(JwtAuthenticationToken token) {
        String user = token.getToken().getClaimAsString("preferred_username");
        String client = token.getToken().getClaimAsString("azp");
        long userWait = buckets.consume("user:" + (user != null ? user : token.getToken().getSubject()), properties.perUser());
        long clientWait = client == null ? 0 : buckets.consume("client:" + client, properties.perClient());
        return Math.max(userWait, clientWait);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
