package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import cn.gov.zhaoshang.testsupport.Readiness;

/**
 * Waits until every service validates a real token. A service is ready before it has fetched
 * Keycloak's keys; the first request with a token makes it fetch them, which on a busy machine
 * can time out. Demo data is loaded only once an authenticated GET to each service gets an answer
 * that shows the token was checked: any status but 401 and 5xx (403 and 404 come after the check).
 */
final class TokenValidation {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private TokenValidation() {
    }

    /** Whether an answer to an authenticated request shows that the token was validated. */
    static boolean validated(int status) {
        return status >= 200 && status < 500 && status != 401;
    }

    /**
     * @param urls  per service, a URL answering authenticated GETs
     * @param token a fresh access token on each call
     */
    static void await(Map<String, String> urls, Callable<String> token, Duration deadline, Consumer<String> console) {
        Map<String, String> waiting = new LinkedHashMap<>(urls);
        Map<String, Integer> lastStatus = new LinkedHashMap<>();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            Readiness.await("every service validates a token", deadline, () -> {
                String bearer;
                try {
                    bearer = "Bearer " + token.call();
                } catch (IOException keycloakBusy) {
                    return false;
                }
                for (var service : Map.copyOf(waiting).entrySet()) {
                    int status;
                    try {
                        status = http.send(HttpRequest.newBuilder(URI.create(service.getValue())).timeout(REQUEST_TIMEOUT)
                                .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException timedOut) {
                        status = -1;
                    }
                    Integer before = lastStatus.put(service.getKey(), status);
                    if (validated(status)) {
                        waiting.remove(service.getKey());
                    } else if (before == null || before != status) {
                        console.accept(service.getKey() + " did not validate a token yet (GET " + service.getValue() + " answered "
                                + (status < 0 ? "nothing in " + REQUEST_TIMEOUT.toSeconds() + " s" : status) + "); waiting");
                    }
                }
                return waiting.isEmpty();
            }, () -> "still waiting for " + waiting.keySet() + "; their last answers: " + lastStatus);
        } catch (IllegalStateException timedOut) {
            throw new LauncherException("the services did not all validate a token: " + timedOut.getMessage().strip()
                    + ". See their logs in .run-local/logs.");
        }
    }
}
