package cn.gov.zhaoshang.platform.paging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list, as every list of the API answers it: the page's items, the page and size
 * asked for ({@link Paging}), the total in the caller's scope and the order applied
 * ({@link SortOrders.Order#apiName()}, e.g. {@code signingDate,desc}). A list that cannot be sorted
 * has no {@code sort} at all.
 */
public record PageResponse<T>(List<T> items, int page, int size, long total,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sort) {

    /** A page of a list with one fixed order. */
    public PageResponse(List<T> items, int page, int size, long total) {
        this(items, page, size, total, null);
    }
}
