package cn.gov.zhaoshang.platform.errors;

import java.util.Map;

/** A request that contradicts the current state (an illegal stage move, a duplicate): 409. */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> details;

    public ConflictException(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public Map<String, Object> details() {
        return details;
    }
}
