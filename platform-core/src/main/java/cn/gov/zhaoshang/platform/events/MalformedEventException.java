package cn.gov.zhaoshang.platform.events;

/** The record is not a CloudEvent this consumer can read. Retrying cannot help. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message) {
        super(message);
    }
}
