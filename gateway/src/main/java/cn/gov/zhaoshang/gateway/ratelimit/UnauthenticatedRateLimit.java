package cn.gov.zhaoshang.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Requests refused for want of a valid token (none, malformed, expired, a signature or key id that
 * does not check) count against their client address: up to {@code unauthenticated-per-address} of
 * them are answered 401 as usual, and beyond it 429 problem details with {@code Retry-After}. A
 * request with a valid token never counts here (it is limited per user), so colleagues behind one
 * address are not refused for a stranger's requests; and a scanner or a client stuck with an
 * expired token is slowed down at the gateway. The client address is the connection's, or taken from
 * {@code X-Forwarded-For} when the gateway is told how many proxies it sits behind
 * ({@code trusted-proxies}).
 */
@Component
public class UnauthenticatedRateLimit implements ServerAuthenticationEntryPoint {

    private final ServerAuthenticationEntryPoint refusal = new BearerTokenServerAuthenticationEntryPoint();
    private final RateLimitProperties properties;
    private final TokenBuckets buckets;
    private final RemoteAddressResolver addresses;

    public UnauthenticatedRateLimit(RateLimitProperties properties, TokenBuckets buckets) {
        this.properties = properties;
        this.buckets = buckets;
        this.addresses = properties.trustedProxies() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxies())
                : new RemoteAddressResolver() {
                };
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException refused) {
        long waitNanos = buckets.consume("address:" + clientAddress(exchange), properties.unauthenticatedPerAddress());
        return waitNanos == 0 ? refusal.commence(exchange, refused) : TokenBuckets.tooManyRequests(exchange, waitNanos);
    }

    private String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress address = addresses.resolve(exchange);
        return address == null ? "unknown" : address.getHostString();
    }
}
