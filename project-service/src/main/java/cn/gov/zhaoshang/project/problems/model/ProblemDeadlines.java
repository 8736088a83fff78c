package cn.gov.zhaoshang.project.problems.model;

import java.time.LocalDate;
import java.time.Period;

/**
 * Which deadlines a problem may be given. A deadline in the past is allowed, because bureaus
 * carry their paper ledgers over with problems that are already overdue. A deadline years away
 * is almost always a typo (2062 for 2026) and would keep the problem out of the warnings for
 * good, and one years back (2016 for 2026) would warn at once about nothing; so a deadline lies
 * from {@link #EARLIEST} before today to {@link #LATEST} after it, both days included.
 */
public final class ProblemDeadlines {

    public static final Period EARLIEST = Period.ofYears(3);

    public static final Period LATEST = Period.ofYears(5);

    private ProblemDeadlines() {
    }

    public static boolean isPlausible(LocalDate deadline, LocalDate today) {
        return !deadline.isBefore(today.minus(EARLIEST)) && !deadline.isAfter(today.plus(LATEST));
    }
}
