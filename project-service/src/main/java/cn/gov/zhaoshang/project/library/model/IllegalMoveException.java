package cn.gov.zhaoshang.project.library.model;

import java.util.List;

/** A move the lifecycle does not allow; it names the moves that are allowed. */
public class IllegalMoveException extends RuntimeException {

    private final ProjectStage from;
    private final ProjectStage to;
    private final List<ProjectStage> allowed;

    public IllegalMoveException(ProjectStage from, ProjectStage to, List<ProjectStage> allowed) {
        super("a project cannot move from " + from + " to " + to
                + (allowed.isEmpty() ? "; no move is allowed from " + from : "; allowed: " + allowed));
        this.from = from;
        this.to = to;
        this.allowed = List.copyOf(allowed);
    }

    public ProjectStage from() {
        return from;
    }

    public ProjectStage to() {
        return to;
    }

    public List<ProjectStage> allowed() {
        return allowed;
    }
}
