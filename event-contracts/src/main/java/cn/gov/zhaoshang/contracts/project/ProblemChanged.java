package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_PROBLEM_CHANGED}; contract
 * {@code contracts/schemas/project/problem-changed.v1.json}. A problem of the problem log was
 * changed: worked on, solved, reopened, given another deadline, department or description. The
 * free texts (description, resolution) stay in the service; {@code changedFields} says which of
 * them changed.
 *
 * @param category      the problem's category, which never changes
 * @param version       the problem's version after the change (the logged problem is 1)
 * @param changedFields the fields the change gave a new value, of description, department,
 *     deadline, status and resolution, in that order
 */
public record ProblemChanged(UUID problemId, UUID projectId, String orgUnit, String category, long version,
        List<String> changedFields, State before, State after, Instant changedAt) {

    /**
     * The state of a problem that subscribers see.
     *
     * @param status OPEN, IN_PROGRESS or SOLVED
     */
    public record State(String department, LocalDate deadline, String status) {
    }
}
