package cn.gov.zhaoshang.project.warnings.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private WarningRules() {
    }

    /**
     * What the evaluation knows of a project that counts (accepted in duplicate review).
     *
     * @param orgUnit the project's unit now
     * @param lastUpdate the latest change of any kind: registration, move, funds report, any audited change
     * @param plannedStartDate null when the project has none
     */
    public record ProjectFacts(UUID projectId, String orgUnit, ProjectStage stage, Instant lastUpdate, LocalDate plannedStartDate) {

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
     * still "by" it. A project that is SUSPENDED, TERMINATED or at any other stage is not watched.
     */
    public static List<WarningCondition> evaluate(ProjectFacts facts, Instant now, ZoneId zone) {
        List<WarningCondition> holding = new ArrayList<>(2);
        Duration staleAfter = STALE_AFTER.get(facts.stage());
        if (staleAfter != null && !facts.lastUpdate().plus(staleAfter).isAfter(now)) {
            holding.add(new WarningCondition(facts.projectId(), facts.orgUnit(), WarningKind.STALE, facts.stage(),
                    LocalDate.ofInstant(facts.lastUpdate(), zone)));
        }
        boolean signedNotStarted = facts.stage() == ProjectStage.SIGNED || facts.stage() == ProjectStage.LANDED;
        if (signedNotStarted && facts.plannedStartDate() != null
                && LocalDate.ofInstant(now, zone).isAfter(facts.plannedStartDate())) {
            holding.add(new WarningCondition(facts.projectId(), facts.orgUnit(), WarningKind.NOT_STARTED, facts.stage(),
                    facts.plannedStartDate()));
        }
        return holding;
    }
}
