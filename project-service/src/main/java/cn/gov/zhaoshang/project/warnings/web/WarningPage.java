package cn.gov.zhaoshang.project.warnings.web;

import java.util.List;

/** One page of project warnings. */
public record WarningPage(List<WarningResponse> items, int page, int size, long total, String sort) {
}
