package cn.gov.zhaoshang.project.duplicates.model;

import java.util.UUID;

/** A project a new one may duplicate, and the rule that found it. */
public record DuplicateHit(UUID duplicateOf, DuplicateRule rule) {
}
