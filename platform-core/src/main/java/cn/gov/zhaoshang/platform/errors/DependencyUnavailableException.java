package cn.gov.zhaoshang.platform.errors;

/**
 * A server the request needs (the identity provider's admin API, for instance) did not answer or is
 * not configured: 503, and nothing was changed.
 */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DependencyUnavailableException(String message) {
        super(message);
    }
}
