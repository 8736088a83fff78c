package cn.gov.zhaoshang.platform.errors;

/** A write that must be conditional came without {@code If-Match} (RFC 6585 §3): 428. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String message) {
        super(message);
    }
}
