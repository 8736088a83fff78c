package cn.gov.zhaoshang.project.library.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The moves of the glossary: forward one stage at a time; SUSPENDED and TERMINATED from any active
 * stage; out of SUSPENDED only back to the stage it interrupted; nothing out of TERMINATED.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /**
     * @param interrupted the stage SUSPENDED interrupted; only read when {@code from} is SUSPENDED
     */
    public static List<ProjectStage> allowedMoves(ProjectStage from, ProjectStage interrupted) {
        if (from == ProjectStage.TERMINATED) {
            return List.of();
        }
        if (from == ProjectStage.SUSPENDED) {
            return interrupted == null ? List.of() : List.of(interrupted);
        }
        List<ProjectStage> allowed = new ArrayList<>();
        from.next().ifPresent(allowed::add);
        allowed.add(ProjectStage.SUSPENDED);
        allowed.add(ProjectStage.TERMINATED);
        return Collections.unmodifiableList(allowed);
    }

    public static boolean isAllowed(ProjectStage from, ProjectStage interrupted, ProjectStage to) {
        return allowedMoves(from, interrupted).contains(to);
    }

    /** The stages a project may be registered at: the active ones, since SUSPENDED needs a history and TERMINATED is out of the library. */
    public static boolean canRegisterAt(ProjectStage stage) {
        return stage.isActive();
    }
}
