package cn.gov.zhaoshang.platform.errors;

/** Unknown id, or an id outside the caller's scope: both answer 404, so scope leaks nothing. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }

    /** With a message of its own, for a thing that exists but is not this service's to act on. */
    public NotFoundException(String message) {
        super(message);
    }
}
