package cn.gov.zhaoshang.platform.errors;

import java.util.List;

/** Rules checked outside bean validation; answered like it, as 400 with every field. */
public class RequestValidationException extends RuntimeException {

    private final List<FieldViolation> violations;

    public RequestValidationException(List<FieldViolation> violations) {
        super(violations.size() + " invalid field(s)");
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
