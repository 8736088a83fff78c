package cn.gov.zhaoshang.enterprise.registry.web;

import java.util.List;

/** One page of an enterprise list. */
public record EnterprisePage(List<EnterpriseResponse> items, int page, int size, long total, String sort) {
}
