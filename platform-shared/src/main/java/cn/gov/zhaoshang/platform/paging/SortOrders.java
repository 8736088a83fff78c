package cn.gov.zhaoshang.platform.paging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.gov.zhaoshang.platform.errors.FieldViolation;

/**
 * The orders a list may be sorted by: API names such as {@code name,asc} mapped to SQL
 * {@code ORDER BY} terms. A request only ever selects one of these terms; its text never reaches SQL.
 */
public final class SortOrders {

    private final Map<String, Order> byApiName;

    private SortOrders(Map<String, Order> byApiName) {
        this.byApiName = byApiName;
    }

    /** @param apiNameThenOrderBy pairs: {@code "name,asc", "t.name ASC", "name,desc", "t.name DESC", …} */
    public static SortOrders of(String... apiNameThenOrderBy) {
        if (apiNameThenOrderBy.length == 0 || apiNameThenOrderBy.length % 2 != 0) {
            throw new IllegalArgumentException("sort orders come in pairs of API name and ORDER BY term");
        }
        Map<String, Order> orders = new LinkedHashMap<>();
        for (int i = 0; i < apiNameThenOrderBy.length; i += 2) {
            Order order = new Order(apiNameThenOrderBy[i], apiNameThenOrderBy[i + 1]);
            orders.put(order.apiName().toLowerCase(Locale.ROOT), order);
        }
        return new SortOrders(Map.copyOf(orders));
    }

    /** The order named by {@code value}; a name without a direction is ascending. */
    public Optional<Order> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.contains(",") ? value : value + ",asc";
        return Optional.ofNullable(byApiName.get(normalized.toLowerCase(Locale.ROOT)));
    }

    /** As {@link #find(String)}, adding a violation naming the allowed fields when there is none. */
    public Order find(String value, List<FieldViolation> violations) {
        Optional<Order> order = find(value);
        if (order.isEmpty()) {
            violations.add(new FieldViolation("sort", "AllowedValue", "sort by one of " + fields() + ", with ,asc or ,desc"));
        }
        return order.orElse(null);
    }

    String fields() {
        return byApiName.values().stream().map(order -> order.apiName().substring(0, order.apiName().indexOf(',')))
                .distinct().sorted().collect(Collectors.joining(", "));
    }

    /**
     * @param apiName the name the API accepts and echoes, e.g. {@code signingDate,desc}
     * @param orderBy the SQL term, e.g. {@code signing_date DESC NULLS LAST}
     */
    public record Order(String apiName, String orderBy) {
    }
}
