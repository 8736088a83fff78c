package cn.gov.zhaoshang.gateway.console;

import java.time.Duration;

import cn.gov.zhaoshang.gateway.security.IdentityProviderConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Whether Keycloak answers, as the gateway sees it, for the console's page: a visit without a
 * token goes straight to Keycloak when the page says it answers, instead of asking Keycloak first
 * from the browser (a request on the critical path of every visit, 150 ms on the shared machine),
 * and shows "sign-in unavailable" when it does not. The gateway asks Keycloak's key endpoint (the
 * one it validates tokens with) with a short time-out, and remembers the answer for a few seconds.
 * A browser that cannot reach Keycloak although the gateway can still gets the browser's own error
 * page; the console asks from the browser when the gateway says no.
 */
final class KeycloakAvailability {

    private final Mono<Boolean> answers;

    KeycloakAvailability(String keyEndpoint, Duration timeout, Duration remembered) {
        this.answers = WebClient.builder()
                .clientConnector(IdentityProviderConnector.of("keycloak-availability", 1, timeout)).build()
                .get().uri(keyEndpoint)
                .retrieve()
                .toBodilessEntity()
                .map(response -> true)
                // refused, timed out or answered with an error: all the same to a person about to sign in
                .onErrorReturn(false)
                .cache(answer -> remembered, failure -> remembered, () -> remembered);
    }

    /** The last answer, at most {@code remembered} old; asked again (once, for all who wait) when older. */
    Mono<Boolean> answers() {
        return answers;
    }
}
