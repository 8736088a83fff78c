package cn.gov.zhaoshang.gateway.headers;

import java.util.List;
import java.util.Locale;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A caller's identity is in its token and nowhere else: headers that claim a user, unit or role
 * are removed before a request is routed, so no service can be misled by one.
 */
@Component
public class IdentityHeaderStripping implements GlobalFilter, Ordered {

    static final List<String> IDENTITY_HEADERS = List.of(
            "x-user", "x-user-id", "x-user-name", "x-username", "x-org-unit", "x-org-path", "x-roles",
            "x-forwarded-user", "x-forwarded-email", "x-remote-user", "remote-user",
            "x-auth-request-user", "x-auth-request-email", "x-authenticated-user", "x-client-id");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        // almost no request carries one: look before copying the request
        if (exchange.getRequest().getHeaders().headerNames().stream().noneMatch(IdentityHeaderStripping::isIdentityHeader)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> List.copyOf(headers.headerNames()).stream()
                .filter(IdentityHeaderStripping::isIdentityHeader)
                .forEach(headers::remove)).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    static boolean isIdentityHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return IDENTITY_HEADERS.contains(lower) || lower.startsWith("x-zhaoshang-");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
