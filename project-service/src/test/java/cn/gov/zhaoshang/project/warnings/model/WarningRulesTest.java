package cn.gov.zhaoshang.project.warnings.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.warnings.model.WarningRules.ProjectFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WarningRulesTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Instant UPDATED = Instant.parse("2026-03-01T02:00:00Z");
    private static final UUID ID = UUID.randomUUID();

    @ParameterizedTest(name = "{0}: stale after {1} days")
    @CsvSource({"NEGOTIATING, 30", "SIGNED, 20", "LANDED, 20"})
    void aWatchedStageIsStaleOnceItsFullPeriodPassedWithoutUpdate(ProjectStage stage, int days) {
        ProjectFacts facts = new ProjectFacts(ID, "450881", stage, UPDATED, null, null);
        Instant due = UPDATED.plus(Duration.ofDays(days));

        assertThat(WarningRules.evaluate(facts, due.minusSeconds(1), CHINA)).isEmpty();
        assertThat(WarningRules.evaluate(facts, due, CHINA))
                .containsExactly(new WarningCondition(ID, "450881", WarningKind.STALE, stage, LocalDate.of(2026, 3, 1)));
    }

    @ParameterizedTest
    @CsvSource({"LEAD", "INTENT", "STARTED", "COMPLETED", "PRODUCING", "TERMINATED"})
    void otherStagesAreNotWatched(ProjectStage stage) {
        ProjectFacts facts = new ProjectFacts(ID, "450881", stage, UPDATED, LocalDate.of(2026, 3, 2), null);
        assertThat(WarningRules.evaluate(facts, UPDATED.plus(Duration.ofDays(400)), CHINA)).isEmpty();
    }

    @Test
    void aSuspendedProjectIsNotWatched() {
        ProjectFacts facts = new ProjectFacts(ID, "450881", ProjectStage.SUSPENDED, UPDATED, LocalDate.of(2026, 3, 2), null);
        assertThat(WarningRules.evaluate(facts, UPDATED.plus(Duration.ofDays(400)), CHINA)).isEmpty();
    }

    @Test
    void aSignedProjectIsNotStartedFromTheDayAfterItsPlannedStartDateInTheBureausCalendar() {
        LocalDate planned = LocalDate.of(2026, 3, 10);
        ProjectFacts facts = new ProjectFacts(ID, "450881", ProjectStage.LANDED, UPDATED, planned, null);
        // 23:59 on the planned day in China is still "by" it, although it is already that day's afternoon in UTC
        Instant lastMinuteOfPlannedDay = planned.atTime(23, 59).atZone(CHINA).toInstant();
        assertThat(WarningRules.evaluate(facts, lastMinuteOfPlannedDay, CHINA)).isEmpty();
        assertThat(WarningRules.evaluate(facts, lastMinuteOfPlannedDay.plus(Duration.ofMinutes(1)), CHINA))
                .containsExactly(new WarningCondition(ID, "450881", WarningKind.NOT_STARTED, ProjectStage.LANDED, planned));
    }

    @Test
    void bothWarningsCanHoldAtOnceAndANegotiatingProjectIsNeverNotStarted() {
        ProjectFacts signed = new ProjectFacts(ID, "450881", ProjectStage.SIGNED, UPDATED, LocalDate.of(2026, 3, 5), null);
        List<WarningCondition> both = WarningRules.evaluate(signed, UPDATED.plus(Duration.ofDays(21)), CHINA);
        assertThat(both).extracting(WarningCondition::kind).containsExactly(WarningKind.STALE, WarningKind.NOT_STARTED);

        ProjectFacts negotiating = new ProjectFacts(ID, "450881", ProjectStage.NEGOTIATING, UPDATED, LocalDate.of(2026, 3, 5), null);
        assertThat(WarningRules.evaluate(negotiating, UPDATED.plus(Duration.ofDays(10)), CHINA)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SIGNED", "LANDED", "STARTED", "COMPLETED", "PRODUCING"})
    void anOpenProblemPastItsDeadlineIsOverdueFromTheNextDayInTheBureausCalendarSinceTheEarliestDeadline(ProjectStage stage) {
        LocalDate deadline = LocalDate.of(2026, 3, 10);
        ProjectFacts facts = new ProjectFacts(ID, "450881", stage, Instant.parse("2026-03-09T02:00:00Z"), null, deadline);
        Instant lastMinuteOfDeadline = deadline.atTime(23, 59).atZone(CHINA).toInstant();

        assertThat(WarningRules.evaluate(facts, lastMinuteOfDeadline, CHINA)).isEmpty();
        assertThat(WarningRules.evaluate(facts, lastMinuteOfDeadline.plus(Duration.ofMinutes(1)), CHINA))
                .containsExactly(new WarningCondition(ID, "450881", WarningKind.PROBLEM_OVERDUE, stage, deadline));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LEAD", "INTENT", "NEGOTIATING", "SUSPENDED", "TERMINATED"})
    void overdueProblemsOfAProjectNotSignedSuspendedOrTerminatedRaiseNothing(ProjectStage stage) {
        ProjectFacts facts = new ProjectFacts(ID, "450881", stage, UPDATED, null, LocalDate.of(2026, 3, 2));

        assertThat(WarningRules.evaluate(facts, UPDATED.plus(Duration.ofDays(5)), CHINA)).isEmpty();
    }

    @Test
    void aProjectWithoutOpenProblemsIsNeverOverdue() {
        ProjectFacts facts = new ProjectFacts(ID, "450881", ProjectStage.STARTED, UPDATED, null, null);

        assertThat(WarningRules.evaluate(facts, UPDATED.plus(Duration.ofDays(400)), CHINA)).isEmpty();
    }

    @Test
    void anOverdueProblemWarnsBesideStaleAndNotStarted() {
        ProjectFacts facts = new ProjectFacts(ID, "450881", ProjectStage.SIGNED, UPDATED, LocalDate.of(2026, 3, 5),
                LocalDate.of(2026, 3, 6));

        assertThat(WarningRules.evaluate(facts, UPDATED.plus(Duration.ofDays(21)), CHINA))
                .extracting(WarningCondition::kind)
                .containsExactly(WarningKind.STALE, WarningKind.NOT_STARTED, WarningKind.PROBLEM_OVERDUE);
    }
}
