package cn.gov.zhaoshang.project.warnings.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.gov.zhaoshang.project.library.model.ProjectStage;

/**
 * A raised warning, open while {@code clearedAt} is null.
 *
 * @param orgUnit the project's unit now (it follows transfers)
 */
public record ProjectWarning(UUID id, UUID projectId, String projectName, String orgUnit, WarningKind kind,
        ProjectStage stage, LocalDate since, Instant raisedAt, Instant clearedAt) {

    public boolean isOpen() {
        return clearedAt == null;
    }

    /** Whether this open warning is the one the condition describes, so it stays raised. */
    public boolean matches(WarningCondition condition) {
        return kind == condition.kind() && since.equals(condition.since());
    }
}
