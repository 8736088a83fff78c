package cn.gov.zhaoshang.platform.errors;

import java.util.List;

/**
 * The content of a request is not of a type the operation accepts, or not what its declared type
 * says: 415 problem details listing the field (usually {@code Content-Type}) like a validation error.
 */
public class UnsupportedContentTypeException extends RuntimeException {

    private final FieldViolation violation;
    private final List<String> accepted;

    /** @param accepted the media types the operation takes, shown to the caller */
    public UnsupportedContentTypeException(FieldViolation violation, List<String> accepted) {
        super(violation.field() + " " + violation.message());
        this.violation = violation;
        this.accepted = List.copyOf(accepted);
    }

    public FieldViolation violation() {
        return violation;
    }

    public List<String> accepted() {
        return accepted;
    }
}
