package cn.gov.zhaoshang.project.library.model;

import java.util.UUID;

/** A project in the duplicate-review pool with what it may duplicate, and the rule that found it. */
public record PooledProject(Project project, UUID duplicateOf, String rule) {
}
