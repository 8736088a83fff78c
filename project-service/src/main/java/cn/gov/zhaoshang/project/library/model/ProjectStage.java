package cn.gov.zhaoshang.project.library.model;

import java.util.Optional;

/** The lifecycle stages of the glossary, in order of progress. */
public enum ProjectStage {
    LEAD, INTENT, NEGOTIATING, SIGNED, LANDED, STARTED, COMPLETED, PRODUCING, SUSPENDED, TERMINATED;

    /** LEAD to PRODUCING: the stages a project progresses through; SUSPENDED and TERMINATED are not. */
    public boolean isActive() {
        return this != SUSPENDED && this != TERMINATED;
    }

    /** The stage one step further, if this is an active stage before PRODUCING. */
    public Optional<ProjectStage> next() {
        return isActive() && this != PRODUCING ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    /** Whether this active stage is {@code other} or beyond it. */
    public boolean hasReached(ProjectStage other) {
        return isActive() && other.isActive() && ordinal() >= other.ordinal();
    }
}
