package cn.gov.zhaoshang.launcher;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When the launcher's API calls try again: on 503 (a service that cannot reach Keycloak, or not
 * ready yet) and 429 (a demo user's rate limit at the gateway), a bounded number of times, waiting
 * as the answer's {@code Retry-After} says, or else twice as long as the time before.
 *
 * @param attempts how many times a call is sent at most, the first included
 * @param first    the wait after the first answer without a {@code Retry-After}
 * @param longest  no wait is longer, whatever {@code Retry-After} says
 */
record RetryPolicy(int attempts, Duration first, Duration longest) {

    /** About five minutes of retries at most: longer than Keycloak takes to come back on a busy machine. */
    static final RetryPolicy API_CALLS = new RetryPolicy(12, Duration.ofMillis(500), Duration.ofSeconds(30));

    RetryPolicy {
        if (attempts < 1 || first.isNegative() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("attempts >= 1 and 0 <= first <= longest: " + attempts + ", " + first + ", " + longest);
        }
    }

    static boolean isRetried(int status) {
        return status == 503 || status == 429;
    }

    /**
     * @param attempt    the attempt that just got {@code status}, from 1
     * @param retryAfter the answer's {@code Retry-After} header, if it had one
     * @return how long to wait before the next attempt, or empty if the answer stands
     */
    Optional<Duration> delayAfter(int attempt, int status, Optional<String> retryAfter, Instant now) {
        if (!isRetried(status) || attempt >= attempts) {
            return Optional.empty();
        }
        Duration asked = retryAfter.flatMap(value -> parseRetryAfter(value, now))
                .orElseGet(() -> first.multipliedBy(1L << Math.min(attempt - 1, 30)));
        return Optional.of(asked.compareTo(longest) > 0 ? longest : asked);
    }

    /**
     * A {@code Retry-After} value (RFC 9110, 10.2.3): a number of seconds, or an HTTP date, which
     * counts from {@code now} (a date already past means at once).
     *
     * @return empty if it is neither
     */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String text = value.strip();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
