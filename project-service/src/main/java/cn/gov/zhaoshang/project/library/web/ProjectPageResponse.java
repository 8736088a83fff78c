package cn.gov.zhaoshang.project.library.web;

import java.util.List;
import java.util.Map;

/**
 * One page of a search of the project library: as every list answers ({@code PageResponse}), with
 * the filters it applied, by name, as it read them (e.g. {@code "stage": ["SIGNED", "LANDED"]}).
 *
 * @param total  how many projects in the caller's scope match the filters
 * @param sort   the order applied: {@code relevance} (best match first) for a search by {@code q}
 *               that asks for no other
 */
public record ProjectPageResponse(List<ProjectResponse> items, int page, int size, long total, String sort,
        Map<String, Object> filters) {
}
