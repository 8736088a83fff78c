package cn.gov.zhaoshang.project.warnings.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.gov.zhaoshang.project.warnings.model.ProjectWarning;

/** A project warning as the API shows it; {@code clearedAt} is null while it is open. */
public record WarningResponse(UUID id, UUID projectId, String projectName, String orgUnit, String kind, String stage,
        LocalDate since, Instant raisedAt, Instant clearedAt, boolean open) {

    static WarningResponse of(ProjectWarning warning) {
        return new WarningResponse(warning.id(), warning.projectId(), warning.projectName(), warning.orgUnit(),
                warning.kind().name(), warning.stage().name(), warning.since(), warning.raisedAt(), warning.clearedAt(),
                warning.isOpen());
    }
}
