package cn.gov.zhaoshang.gateway.headers;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request carries {@code X-Request-Id} to the service and back to the client, refusals
 * included: an incoming id is kept when it is a plain token (so a client can correlate its own
 * calls), anything else is replaced by a new UUID.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : newId();
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, requestId)).build();
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        return chain.filter(exchange.mutate().request(request).build());
    }

    /**
     * A random (version 4) UUID. A request id only has to be unique, not unguessable: drawn from
     * the thread's own generator, not {@code UUID.randomUUID()}'s shared {@code SecureRandom}.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    @Override
    public int getOrder() {
        // before Spring Security, so that a 401 carries the id too
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
