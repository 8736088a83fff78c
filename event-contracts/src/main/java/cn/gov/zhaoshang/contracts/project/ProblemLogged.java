package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The {@code data} of {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_PROBLEM_LOGGED}; contract
 * {@code contracts/schemas/project/problem-logged.v1.json}. A problem entered in a signed project's
 * problem log (问题台账). The description is free text that may name people, so it stays in the
 * service, as does who logged it.
 *
 * @param category   LAND, PERMITS, UTILITIES, FINANCING, EQUIPMENT or OTHER
 * @param department the department responsible for solving it (责任单位), as entered
 * @param status     always OPEN: a problem is logged open
 * @param version    always 1; each change publishes the next version
 */
public record ProblemLogged(UUID problemId, UUID projectId, String orgUnit, String category, String department,
        LocalDate deadline, String status, long version, Instant loggedAt) {
}
