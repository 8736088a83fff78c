package cn.gov.zhaoshang.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import reactor.core.publisher.Mono;

/** The gateway's header reader accepts, ignores and refuses exactly what Spring Security's does. */
class BearerTokenHeaderTest {

    static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJncC1vZmZpY2VyIn0.c2lnbmF0dXJlLWJ5dGVz_-";

    static List<String> headers() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "Bearer abc", "Bearer a+b/c~d.e_f-g==",
                "Bearer abc=", "Bearer ab=c", "Bearer =", "Bearer ==", "Bearer ", "Bearer", "Bearer  " + JWT,
                "Bearer " + JWT + " ", "Bearer\t" + JWT, "Bearer " + JWT + "\n", "Bearerx" + JWT, "Bearer a b",
                "Bearer a,b", "Bearer 令牌", "Basic dXNlcjpwYXNz", "Token " + JWT, "", " Bearer " + JWT, "bear"));
        for (char c = 0; c < 128; c++) {
            headers.add("Bearer ab" + c + "cd");
        }
        return headers;
    }

    @ParameterizedTest
    @MethodSource("headers")
    void decidesAsSpringSecuritysConverterDoes(String header) {
        assertThat(outcome(new BearerTokenHeader(), header)).isEqualTo(outcome(new ServerBearerTokenAuthenticationConverter(), header));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void behindSpringSecuritysFirewallDecidesAsSpringSecuritysConverterDoes(String header) {
        assertThat(outcomeBehindFirewall(new BearerTokenHeader(), header))
                .isEqualTo(outcomeBehindFirewall(new ServerBearerTokenAuthenticationConverter(), header));
    }

    @Test
    void aHeaderTheFirewallRefusesIsStillRefused() {
        assertThat(outcomeBehindFirewall(new BearerTokenHeader(), "Basic abc\u0007"))
                .startsWith("refused by the firewall");
        assertThat(outcomeBehindFirewall(new BearerTokenHeader(), "Bearer abc\u0007"))
                .startsWith("refused by the firewall");
    }

    @Test
    void queryStringTokensAreNotAccepted() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/projects?access_token=" + "abc"));
        assertThat(new BearerTokenHeader().convert(exchange).blockOptional()).isEmpty();
    }

    private static String outcome(ServerAuthenticationConverter converter, String header) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/projects").header(HttpHeaders.AUTHORIZATION, header));
        return converter.convert(exchange)
                .map(BearerTokenHeaderTest::describe)
                .onErrorResume(OAuth2AuthenticationException.class, e -> Mono.just("refused: " + e.getError().getErrorCode()
                        + " " + e.getError().getDescription()))
                .defaultIfEmpty("no token")
                .block();
    }

    private static String outcomeBehindFirewall(ServerAuthenticationConverter converter, String header) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/projects").header(HttpHeaders.AUTHORIZATION, header));
        return new StrictServerWebExchangeFirewall().getFirewalledExchange(exchange)
                .flatMap(converter::convert)
                .map(BearerTokenHeaderTest::describe)
                .onErrorResume(OAuth2AuthenticationException.class, e -> Mono.just("refused: " + e.getError().getErrorCode()
                        + " " + e.getError().getDescription()))
                .onErrorResume(ServerExchangeRejectedException.class, e -> Mono.just("refused by the firewall: " + e.getMessage()))
                .defaultIfEmpty("no token")
                .block();
    }

    private static String describe(Authentication authentication) {
        return "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
    }
}
