package cn.gov.zhaoshang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** When the launcher's API calls try again, and how long they wait. */
class RetryPolicyTest {

    static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30));

    @Test
    void retryAfterInSecondsOrAsAnHttpDateIsHonoured() {
        assertThat(RetryPolicy.parseRetryAfter("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryPolicy.parseRetryAfter(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("Mon, 07 Dec 2026 03:00:12 GMT", NOW)).contains(Duration.ofSeconds(12));
        assertThat(RetryPolicy.parseRetryAfter("Mon, 07 Dec 2026 02:59:00 GMT", NOW)).as("a date past").contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("soon", NOW)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("-3", NOW)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("1.5", NOW)).isEmpty();

        assertThat(policy.delayAfter(1, 503, Optional.of("7"), NOW)).contains(Duration.ofSeconds(7));
        assertThat(policy.delayAfter(1, 429, Optional.of("Mon, 07 Dec 2026 03:00:02 GMT"), NOW)).contains(Duration.ofSeconds(2));
    }

    @Test
    void withoutRetryAfterEachWaitIsTwiceTheOneBeforeUpToTheLongest() {
        assertThat(policy.delayAfter(1, 503, Optional.empty(), NOW)).contains(Duration.ofMillis(500));
        assertThat(policy.delayAfter(2, 503, Optional.empty(), NOW)).contains(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(3, 429, Optional.of("not a delay"), NOW)).contains(Duration.ofSeconds(2));

        RetryPolicy many = new RetryPolicy(100, Duration.ofMillis(500), Duration.ofSeconds(30));
        assertThat(many.delayAfter(10, 503, Optional.empty(), NOW)).contains(Duration.ofSeconds(30));
        assertThat(many.delayAfter(90, 503, Optional.empty(), NOW)).as("no overflow").contains(Duration.ofSeconds(30));
        assertThat(many.delayAfter(1, 503, Optional.of("3600"), NOW)).as("a Retry-After of an hour").contains(Duration.ofSeconds(30));
    }

    @Test
    void theAttemptsAreBounded() {
        assertThat(policy.delayAfter(4, 503, Optional.of("1"), NOW)).isPresent();
        assertThat(policy.delayAfter(5, 503, Optional.of("1"), NOW)).as("the fifth attempt was the last").isEmpty();
    }

    @Test
    void onlyUnavailableAndTooManyRequestsAreRetried() {
        for (int status : new int[] {200, 201, 400, 401, 403, 404, 409, 500, 502, 504}) {
            assertThat(policy.delayAfter(1, status, Optional.of("1"), NOW)).as("status %d", status).isEmpty();
        }
    }
}
