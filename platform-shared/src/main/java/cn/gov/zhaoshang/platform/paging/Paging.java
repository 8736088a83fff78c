package cn.gov.zhaoshang.platform.paging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;

/**
 * The one way lists are paged and sorted: {@code page} from 0, {@code size} from 1 to a maximum,
 * and {@code sort} one of the list's {@link SortOrders}; anything else is a 400 naming the field.
 */
public final class Paging {

    public static final int DEFAULT_MAX_SIZE = 200;

    private Paging() {
    }

    /** The violations of the page and size parameters, for a caller that collects more of its own. */
    public static List<FieldViolation> rangeViolations(int page, int size, int maxSize) {
        List<FieldViolation> violations = new ArrayList<>();
        if (page < 0) {
            violations.add(new FieldViolation("page", "Range", "page is 0 or more"));
        }
        if (size < 1 || size > maxSize) {
            violations.add(new FieldViolation("size", "Range", "size is between 1 and " + maxSize));
        }
        return violations;
    }

    /** Refuses a page or size out of range (size at most {@link #DEFAULT_MAX_SIZE}). */
    public static void checkRange(int page, int size) {
        checkRange(page, size, DEFAULT_MAX_SIZE);
    }

    public static void checkRange(int page, int size, int maxSize) {
        throwIfAny(rangeViolations(page, size, maxSize));
    }

    /** Page and size checked, and the sort looked up in the list's orders: every bad parameter in one 400. */
    public static SortOrders.Order check(int page, int size, String sort, SortOrders orders) {
        List<FieldViolation> violations = new ArrayList<>();
        SortOrders.Order order = orders.find(sort, violations);
        violations.addAll(rangeViolations(page, size, DEFAULT_MAX_SIZE));
        throwIfAny(violations);
        return order;
    }

    /**
     * For a list that takes its parameters as a map, so that none is silently ignored: a violation
     * {@code Unknown} for every parameter the list does not take.
     *
     * @param what e.g. {@code the audit trail}
     */
    public static List<FieldViolation> unknownParameters(Map<String, String> parameters, Collection<String> taken, String what) {
        String list = taken.stream().sorted().collect(Collectors.joining(", "));
        return parameters.keySet().stream().filter(name -> !taken.contains(name)).sorted()
                .map(name -> new FieldViolation(name, "Unknown", "is not a parameter of " + what + "; it takes " + list)).toList();
    }

    /** A whole-number parameter of such a map, {@code otherwise} when absent; a violation {@code Integer} when not a number. */
    public static int number(Map<String, String> parameters, String name, int otherwise, List<FieldViolation> violations) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            violations.add(new FieldViolation(name, "Integer", "is a whole number"));
            return otherwise;
        }
    }

    public static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
    }
}
