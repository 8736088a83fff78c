package cn.gov.zhaoshang.project.problems.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.project.ProblemChanged;
import cn.gov.zhaoshang.contracts.project.ProblemLogged;

/**
 * A problem of a project's problem log (问题台账): what holds the project up, the department that
 * is to solve it and by when. Its decisions return what happened, so that the change, its audit
 * entry and its event leave together.
 *
 * @param department the responsible department (责任单位), as entered
 * @param resolution how it was solved; present exactly when SOLVED
 * @param version    1 when logged, one more with each change
 */
public record ProjectProblem(UUID id, UUID projectId, ProblemCategory category, String description, String department,
        LocalDate deadline, ProblemStatus status, String resolution, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy, long version) {

    public ProjectProblem {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(category);
        Objects.requireNonNull(deadline);
        Objects.requireNonNull(status);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(updatedAt);
        if (description == null || description.isBlank() || department == null || department.isBlank()) {
            throw new IllegalArgumentException("a problem has a description and a responsible department");
        }
        if ((status == ProblemStatus.SOLVED) != (resolution != null && !resolution.isBlank())) {
            throw new IllegalArgumentException("a problem has a resolution exactly when it is solved");
        }
    }

    /** A new problem: open, version 1, its texts without surrounding blanks. */
    public static ProjectProblem log(UUID id, UUID projectId, ProblemCategory category, String description, String department,
            LocalDate deadline, String actor, Instant now) {
        return new ProjectProblem(id, projectId, category, description.strip(), department.strip(), deadline,
                ProblemStatus.OPEN, null, now, actor, now, actor, 1);
    }

    /** Open (OPEN or IN_PROGRESS) and {@code today} is after the deadline: the deadline day itself is still in time. */
    public boolean isOverdueOn(LocalDate today) {
        return status.isOpen() && today.isAfter(deadline);
    }

    /** What logging it published; {@code orgUnit} is its project's unit now. */
    public ProblemLogged loggedEvent(String orgUnit) {
        return new ProblemLogged(id, projectId, orgUnit, category.name(), department, deadline, status.name(), version,
                createdAt);
    }

    /**
     * Applies a change.
     *
     * <ul>
     * <li>A SOLVED problem changes only by being reopened: a change that sets status OPEN or
     * IN_PROGRESS, which drops the resolution (the audit keeps it). Anything else is refused, so
     * that a solved problem is never changed, or reopened, by accident.</li>
     * <li>Solving needs the resolution; a resolution comes only with solving.</li>
     * <li>A change changes something: values equal to the present ones do not count.</li>
     * </ul>
     *
     * @throws ProblemRuleException          a solved problem changed without being reopened
     * @throws InvalidProblemChangeException solved without a resolution, a resolution without
     *     solving, or nothing changed
     */
    public Changed change(ProblemChange change, String actor, Instant now) {
        if (status == ProblemStatus.SOLVED && (change.status() == null || change.status() == ProblemStatus.SOLVED)) {
            throw new ProblemRuleException("the problem is solved; reopen it (status OPEN or IN_PROGRESS) to change it");
        }
        ProblemStatus newStatus = change.status() == null ? status : change.status();
        String newResolution = null;
        if (newStatus == ProblemStatus.SOLVED) {
            if (change.resolution() == null || change.resolution().isBlank()) {
                throw new InvalidProblemChangeException("resolution", "RequiredWhenSolved",
                        "a problem is solved with its resolution");
            }
            newResolution = change.resolution().strip();
        } else if (change.resolution() != null) {
            throw new InvalidProblemChangeException("resolution", "OnlyWhenSolved",
                    "a resolution is given when the problem is solved (status SOLVED)");
        }
        requireNotBlankWhenGiven("description", change.description());
        requireNotBlankWhenGiven("department", change.department());
        String newDescription = change.description() == null ? description : change.description().strip();
        String newDepartment = change.department() == null ? department : change.department().strip();
        LocalDate newDeadline = change.deadline() == null ? deadline : change.deadline();

        List<String> changedFields = new ArrayList<>();
        if (!newDescription.equals(description)) {
            changedFields.add("description");
        }
        if (!newDepartment.equals(department)) {
            changedFields.add("department");
        }
        if (!newDeadline.equals(deadline)) {
            changedFields.add("deadline");
        }
        if (newStatus != status) {
            changedFields.add("status");
        }
        if (!Objects.equals(newResolution, resolution)) {
            changedFields.add("resolution");
        }
        if (changedFields.isEmpty()) {
            throw new InvalidProblemChangeException("change", "ChangesAField",
                    "a change gives at least one of description, department, deadline, status and resolution a new value");
        }
        ProjectProblem after = new ProjectProblem(id, projectId, category, newDescription, newDepartment, newDeadline,
                newStatus, newResolution, createdAt, createdBy, now, actor, version + 1);
        return new Changed(this, after, List.copyOf(changedFields));
    }

    private static void requireNotBlankWhenGiven(String field, String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidProblemChangeException(field, "NotBlank", "must not be blank when given");
        }
    }

    /**
     * What a change did.
     *
     * @param changedFields the fields given a new value, in the order of the event contract
     */
    public record Changed(ProjectProblem before, ProjectProblem after, List<String> changedFields) {

        /** The audit action: {@code solved}, {@code reopened}, or {@code changed} for anything else. */
        public String action() {
            if (after.status() == ProblemStatus.SOLVED) {
                return "solved";
            }
            return before.status() == ProblemStatus.SOLVED ? "reopened" : "changed";
        }

        /** What the change published; {@code orgUnit} is the project's unit now. */
        public ProblemChanged event(String orgUnit) {
            return new ProblemChanged(after.id(), after.projectId(), orgUnit, after.category().name(), after.version(),
                    changedFields, stateOf(before), stateOf(after), after.updatedAt());
        }

        private static ProblemChanged.State stateOf(ProjectProblem problem) {
            return new ProblemChanged.State(problem.department(), problem.deadline(), problem.status().name());
        }
    }
}
