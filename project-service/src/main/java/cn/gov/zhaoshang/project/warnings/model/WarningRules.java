package cn.gov.zhaoshang.project.warnings.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import cn.gov.zhaoshang.project.library.model.ProjectStage;

/**
 * When a project warning holds (metrics.md, "Project warnings"). Pure: the facts and the moment of
 * evaluation come in, the conditions that hold go out.
 */
public final class WarningRules {

    /** How long a project may stay without update in each stage that is watched. */
    public static final Map<ProjectStage, Duration> STALE_AFTER = Map.of(
            ProjectStage.NEGOTIATING, Duration.ofDays(30),
            ProjectStage.SIGNED, Duration.ofDays(20),
            ProjectStage.LANDED, Duration.ofDays(20));

    /**
     * The stages in which a project's overdue problems raise a warning: signed and on its way,
     * not suspended (its deadlines wait with it) and not terminated (out of the library).
     */
    public static final Set<ProjectStage> PROBLEMS_WATCHED_IN = Collections.unmodifiableSet(EnumSet.of(
            ProjectStage.SIGNED, ProjectStage.LANDED, ProjectStage.STARTED, ProjectStage.COMPLETED, ProjectStage.PRODUCING));

    /** The stages in which a project is not started by its planned start date. */
    public static final Set<ProjectStage> NOT_STARTED_IN = Collections.unmodifiableSet(EnumSet.of(
            ProjectStage.SIGNED, ProjectStage.LANDED));

    private WarningRules() {
    }

    /**
     * What the evaluation knows of a project that counts (accepted in duplicate review).
     *
     * @param orgUnit the project's unit now
     * @param lastUpdate the latest change of any kind: registration, move, funds report, any audited change
     * @param plannedStartDate null when the project has none
     * @param earliestOpenProblemDeadline the earliest deadline among its open (OPEN or IN_PROGRESS)
     *     problems; null when it has none
     */
    public record ProjectFacts(UUID projectId, String orgUnit, ProjectStage stage, Instant lastUpdate, LocalDate plannedStartDate,
            LocalDate earliestOpenProblemDeadline) {

        public ProjectFacts {
            Objects.requireNonNull(projectId);
            Objects.requireNonNull(orgUnit);
            Objects.requireNonNull(stage);
            Objects.requireNonNull(lastUpdate);
        }
    }

    /**
     * The conditions that hold at {@code now}.
     *
     * <p>STALE holds once the full period has passed without update: a NEGOTIATING project last
     * updated at 10:00 on 1 March is stale from 10:00 on 31 March. NOT_STARTED holds from the day
     * after the planned start date, in the zone of the bureaus' calendar: the planned day itself is
     * still "by" it. PROBLEM_OVERDUE holds, in the same calendar, from the day after the earliest
     * deadline among the project's open problems, from SIGNED to PRODUCING; its {@code since} is
     * that deadline, so when that problem is solved while a later one is still overdue, the
     * warning is cleared and raised again from the later deadline. A project that is SUSPENDED,
     * TERMINATED or at any other stage is not watched.
     */
    public static List<WarningCondition> evaluate(ProjectFacts facts, Instant now, ZoneId zone) {
        List<WarningCondition> holding = new ArrayList<>(3);
        LocalDate today = LocalDate.ofInstant(now, zone);
        Duration staleAfter = STALE_AFTER.get(facts.stage());
        if (staleAfter != null && !facts.lastUpdate().plus(staleAfter).isAfter(now)) {
            holding.add(new WarningCondition(facts.projectId(), facts.orgUnit(), WarningKind.STALE, facts.stage(),
                    LocalDate.ofInstant(facts.lastUpdate(), zone)));
        }
        if (NOT_STARTED_IN.contains(facts.stage()) && facts.plannedStartDate() != null
                && today.isAfter(facts.plannedStartDate())) {
            holding.add(new WarningCondition(facts.projectId(), facts.orgUnit(), WarningKind.NOT_STARTED, facts.stage(),
                    facts.plannedStartDate()));
        }
        LocalDate earliestDeadline = facts.earliestOpenProblemDeadline();
        if (PROBLEMS_WATCHED_IN.contains(facts.stage()) && earliestDeadline != null && today.isAfter(earliestDeadline)) {
            holding.add(new WarningCondition(facts.projectId(), facts.orgUnit(), WarningKind.PROBLEM_OVERDUE, facts.stage(),
                    earliestDeadline));
        }
        return holding;
    }
}
