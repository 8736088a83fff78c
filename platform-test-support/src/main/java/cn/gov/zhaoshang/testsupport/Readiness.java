package cn.gov.zhaoshang.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waiting for a server to come up: poll a condition until a deadline, never a guessed sleep. */
public final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {
    }

    /**
     * Polls {@code ready} until it is true. An {@link IOException} from it means "not yet"; any
     * other exception ends the wait at once. On time-out the message carries {@code diagnostics}.
     */
    public static void await(String what, Duration deadline, Callable<Boolean> ready, Supplier<String> diagnostics) {
        try {
            Awaitility.await(what)
                    .atMost(deadline)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                    .until(ready);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(what + " within " + deadline + ":\n" + diagnostics.get(), e);
        }
    }

    /** Whether a GET of the URL answers 200; a refused connection is an {@link UncheckedIOException}. */
    public static boolean answersOk(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException notListeningYet) {
            throw new UncheckedIOException(notListeningYet);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
