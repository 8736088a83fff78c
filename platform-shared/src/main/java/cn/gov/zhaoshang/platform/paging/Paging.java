package cn.gov.zhaoshang.platform.paging;

import java.util.ArrayList;
import java.util.List;

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

    public static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
    }
}
