package cn.gov.zhaoshang.platform.security;

import java.time.Duration;


/**
 * A token could not be checked because the identity provider's keys (Keycloak's JWKS, its
 * {@code certs} endpoint) could not be fetched: the connection was refused or timed out, or the
 * answer did not come in time. That is the platform's fault for a moment, not the caller's: the
 * answer is 503 problem details with {@code Retry-After}, at the gateway and in every service,
 * never 500 (the caller may try again) and never 401 (the token may well be valid).
 */
public final class IdentityProviderOutage {

    /** How long a caller is asked to wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** The default time-out of one key fetch, for connecting and again for the answer. */
    public static final Duration DEFAULT_KEY_FETCH_TIMEOUT = Duration.ofSeconds(5);

    public static final String TITLE = "Identity provider unavailable";
    public static final String DETAIL =
            "The access token could not be checked: the identity provider did not answer. Try again shortly.";

    private IdentityProviderOutage() {
    }

    /**
     * Whether a failure to authenticate was the key fetch's: an {@link UnreachableException}
     * anywhere in its causes. Each stack's key-fetching client throws it on a refused connection or
     * a time-out; nothing else does, so neither a token refused on its own merits nor a service
     * behind the gateway that is down is ever taken for an outage of the identity provider.
     */
    public static boolean isCauseOf(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof UnreachableException) {
                return true;
            }
        }
        return false;
    }

    /** Thrown by a key fetch whose HTTP client failed to connect, or to get an answer in time. */
    public static final class UnreachableException extends RuntimeException {

        public UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
