package cn.gov.zhaoshang.project.duplicates.web;

import cn.gov.zhaoshang.project.library.web.ProjectResponse;

import java.util.UUID;

/** A pooled project of the duplicate review, the project it may duplicate and the rule that found it (L1…). */
public record ReviewPoolEntry(ProjectResponse project, UUID duplicateOf, String rule) {
}
