package cn.gov.zhaoshang.project.duplicates.web;

import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.project.library.web.ProjectResponse;

/** One page of the duplicate review pool. */
public record ReviewPoolPage(List<Entry> items, int page, int size, long total) {

    /** A pooled project, the project it may duplicate and the rule that found it (L1…). */
    public record Entry(ProjectResponse project, UUID duplicateOf, String rule) {
    }
}
