package cn.gov.zhaoshang.platform.errors;

/**
 * A conditional write whose {@code If-Match} no longer names the current version (RFC 9110 §13.1.1):
 * 412, with the current entity tag, so that the client reads again before it retries.
 */
public class PreconditionFailedException extends RuntimeException {

    private final String currentEntityTag;

    public PreconditionFailedException(String message, String currentEntityTag) {
        super(message);
        this.currentEntityTag = currentEntityTag;
    }

    public String currentEntityTag() {
        return currentEntityTag;
    }
}
