package cn.gov.zhaoshang.project.problems.model;

import java.time.LocalDate;
import java.util.Set;

/**
 * The filter of a project's problem list.
 *
 * @param statuses the statuses listed; all when empty
 * @param overdue  when not null, only overdue problems (true) or only the others (false)
 * @param today    the day overdue is judged on, in the bureaus' calendar
 */
public record ProblemFilter(Set<ProblemStatus> statuses, Boolean overdue, LocalDate today) {

    public ProblemFilter {
        statuses = Set.copyOf(statuses);
    }
}
