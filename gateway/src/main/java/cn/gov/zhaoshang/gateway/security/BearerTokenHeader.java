package cn.gov.zhaoshang.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer token from the {@code Authorization} header, with the rules of Spring
 * Security's {@code ServerBearerTokenAuthenticationConverter} as the gateway configures it (header
 * only; tokens in the query string or a form body are not accepted): a header not starting with
 * {@code Bearer} (any case) means no token; one that does must be {@code Bearer <b64token>} with
 * the RFC 6750 characters {@code [A-Za-z0-9-._~+/]+=*}, else it is refused as malformed
 * ({@code invalid_token}, 401).
 *
 * <p>Why not Spring's converter: it matches a regular expression over the whole header (a JWT is
 * about a kilobyte) and assembles the header, query and body sources through a reactive merge and
 * list on every request; a loop over the characters does the same check for a fraction of the CPU.
 */
public final class BearerTokenHeader implements ServerAuthenticationConverter {

    private static final String PREFIX = "Bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = undecorated(exchange.getRequest()).getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "bearer", 0, 6)) {
            return throughFirewall(exchange, Mono.empty());
        }
        String token = tokenOf(header);
        if (token == null) {
            return throughFirewall(exchange,
                    Mono.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"))));
        }
        // every character is one of RFC 6750's: what the firewall's check of the value allows
        return Mono.just(new BearerTokenAuthenticationToken(token));
    }

    /**
     * Spring Security's firewall checks a header's value (no control or unassigned characters)
     * whenever it is read, with a regular expression: over a kilobyte of JWT on every request, the
     * largest single cost of the security chain. A well-formed bearer token is read past it, since
     * its characters have just been checked against the narrower RFC 6750 set; any other value is
     * read through the firewall as before, so that it refuses what it always refused.
     */
    private static Mono<Authentication> throughFirewall(ServerWebExchange exchange, Mono<Authentication> otherwise) {
        try {
            exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        } catch (RuntimeException rejected) {
            return Mono.error(rejected);
        }
        return otherwise;
    }

    private static ServerHttpRequest undecorated(ServerHttpRequest request) {
        while (request instanceof ServerHttpRequestDecorator decorator) {
            request = decorator.getDelegate();
        }
        return request;
    }

    /** @return the token of a well-formed {@code Bearer <b64token>} header, else {@code null} */
    static String tokenOf(String header) {
        if (header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        int end = header.length();
        int padding = end;
        while (padding > PREFIX.length() && header.charAt(padding - 1) == '=') {
            padding--;
        }
        if (padding == PREFIX.length()) {
            return null; // padding alone, no token characters
        }
        for (int i = PREFIX.length(); i < padding; i++) {
            if (!isTokenCharacter(header.charAt(i))) {
                return null;
            }
        }
        return header.substring(PREFIX.length());
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
