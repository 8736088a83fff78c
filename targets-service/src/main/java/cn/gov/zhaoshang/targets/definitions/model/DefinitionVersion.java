package cn.gov.zhaoshang.targets.definitions.model;

import java.time.Instant;
import java.time.LocalDate;

/** One version of the metric definitions; a PUBLISHED one is immutable. */
public record DefinitionVersion(int version, LocalDate effectiveFrom, Status status, DefinitionContent content,
        Instant createdAt, String createdBy, Instant publishedAt) {

    public enum Status {
        DRAFT, PUBLISHED
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }
}
