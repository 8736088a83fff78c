package cn.gov.zhaoshang.project.problems.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.project.ProblemChanged;
import cn.gov.zhaoshang.contracts.project.ProblemLogged;
import org.junit.jupiter.api.Test;

class ProjectProblemTest {

    private static final Instant LOGGED_AT = Instant.parse("2026-11-02T01:00:00Z");
    private static final Instant LATER = LOGGED_AT.plusSeconds(3600);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 11, 30);
    private static final UUID PROJECT = UUID.randomUUID();

    private final ProjectProblem open = ProjectProblem.log(UUID.randomUUID(), PROJECT, ProblemCategory.LAND,
            "  地块尚未完成征拆 ", " 桂平市自然资源局 ", DEADLINE, "gp-officer", LOGGED_AT);

    @Test
    void aLoggedProblemIsOpenAtVersionOneWithItsTextsStrippedAndPublishesItsStructuredFieldsOnly() {
        assertThat(open.status()).isEqualTo(ProblemStatus.OPEN);
        assertThat(open.version()).isEqualTo(1);
        assertThat(open.description()).isEqualTo("地块尚未完成征拆");
        assertThat(open.department()).isEqualTo("桂平市自然资源局");
        assertThat(open.resolution()).isNull();

        ProblemLogged event = open.loggedEvent("450881");
        assertThat(event).isEqualTo(new ProblemLogged(open.id(), PROJECT, "450881", "LAND", "桂平市自然资源局", DEADLINE,
                "OPEN", 1, LOGGED_AT));
    }

    @Test
    void anOpenProblemIsOverdueFromTheDayAfterItsDeadlineAndASolvedOneNever() {
        assertThat(open.isOverdueOn(DEADLINE)).isFalse();
        assertThat(open.isOverdueOn(DEADLINE.plusDays(1))).isTrue();

        ProjectProblem inProgress = open.change(change(null, ProblemStatus.IN_PROGRESS, null), "gp-officer", LATER).after();
        assertThat(inProgress.isOverdueOn(DEADLINE.plusDays(1))).isTrue();
        ProjectProblem solved = inProgress.change(change(null, ProblemStatus.SOLVED, "已完成征拆"), "gp-officer", LATER).after();
        assertThat(solved.isOverdueOn(DEADLINE.plusDays(400))).isFalse();
    }

    @Test
    void solvingKeepsTheResolutionRaisesTheVersionAndNamesStatusAndResolution() {
        ProjectProblem.Changed solved = open.change(change(null, ProblemStatus.SOLVED, " 已完成征拆并交地 "), "gp-leader", LATER);

        assertThat(solved.after().status()).isEqualTo(ProblemStatus.SOLVED);
        assertThat(solved.after().resolution()).isEqualTo("已完成征拆并交地");
        assertThat(solved.after().version()).isEqualTo(2);
        assertThat(solved.after().updatedBy()).isEqualTo("gp-leader");
        assertThat(solved.after().createdBy()).isEqualTo("gp-officer");
        assertThat(solved.action()).isEqualTo("solved");
        assertThat(solved.event("450881")).isEqualTo(new ProblemChanged(open.id(), PROJECT, "450881", "LAND", 2,
                java.util.List.of("status", "resolution"),
                new ProblemChanged.State("桂平市自然资源局", DEADLINE, "OPEN"),
                new ProblemChanged.State("桂平市自然资源局", DEADLINE, "SOLVED"), LATER));
    }

    @Test
    void solvingWithoutAResolutionOrAResolutionWithoutSolvingIsABadField() {
        assertThatThrownBy(() -> open.change(change(null, ProblemStatus.SOLVED, "  "), "gp-officer", LATER))
                .isInstanceOfSatisfying(InvalidProblemChangeException.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo("resolution");
                    assertThat(invalid.rule()).isEqualTo("RequiredWhenSolved");
                });
        assertThatThrownBy(() -> open.change(change(null, ProblemStatus.IN_PROGRESS, "先记一笔"), "gp-officer", LATER))
                .isInstanceOfSatisfying(InvalidProblemChangeException.class,
                        invalid -> assertThat(invalid.rule()).isEqualTo("OnlyWhenSolved"));
    }

    @Test
    void aSolvedProblemChangesOnlyByBeingReopenedWhichDropsItsResolution() {
        ProjectProblem solved = open.change(change(null, ProblemStatus.SOLVED, "已交地"), "gp-officer", LATER).after();

        assertThatThrownBy(() -> solved.change(change(DEADLINE.plusDays(10), null, null), "gp-officer", LATER))
                .isInstanceOf(ProblemRuleException.class);
        assertThatThrownBy(() -> solved.change(change(null, ProblemStatus.SOLVED, "改一下解决情况"), "gp-officer", LATER))
                .isInstanceOf(ProblemRuleException.class);

        ProjectProblem.Changed reopened = solved.change(change(DEADLINE.plusDays(10), ProblemStatus.IN_PROGRESS, null),
                "gp-officer", LATER);
        assertThat(reopened.after().status()).isEqualTo(ProblemStatus.IN_PROGRESS);
        assertThat(reopened.after().resolution()).isNull();
        assertThat(reopened.after().version()).isEqualTo(3);
        assertThat(reopened.action()).isEqualTo("reopened");
        assertThat(reopened.changedFields()).containsExactly("deadline", "status", "resolution");
    }

    @Test
    void aChangeMustChangeSomethingAndBlankTextsAreRefused() {
        assertThatThrownBy(() -> open.change(new ProblemChange(null, null, null, null, null), "gp-officer", LATER))
                .isInstanceOfSatisfying(InvalidProblemChangeException.class,
                        invalid -> assertThat(invalid.rule()).isEqualTo("ChangesAField"));
        // the same values, give or take blanks, are no change
        assertThatThrownBy(() -> open.change(new ProblemChange("地块尚未完成征拆 ", "桂平市自然资源局", DEADLINE, ProblemStatus.OPEN, null),
                "gp-officer", LATER))
                .isInstanceOfSatisfying(InvalidProblemChangeException.class,
                        invalid -> assertThat(invalid.rule()).isEqualTo("ChangesAField"));
        assertThatThrownBy(() -> open.change(new ProblemChange(null, " ", null, null, null), "gp-officer", LATER))
                .isInstanceOfSatisfying(InvalidProblemChangeException.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo("department");
                    assertThat(invalid.rule()).isEqualTo("NotBlank");
                });

        ProjectProblem.Changed moved = open.change(new ProblemChange("地块征拆，涉及三户", "桂平市住建局", null, null, null),
                "gp-officer", LATER);
        assertThat(moved.changedFields()).containsExactly("description", "department");
        assertThat(moved.action()).isEqualTo("changed");
    }

    @Test
    void aDeadlineLiesFromThreeYearsBackToFiveYearsAheadBothDaysIncluded() {
        LocalDate today = LocalDate.of(2026, 11, 2);

        assertThat(ProblemDeadlines.isPlausible(LocalDate.of(2023, 11, 2), today)).isTrue();
        assertThat(ProblemDeadlines.isPlausible(LocalDate.of(2023, 11, 1), today)).isFalse();
        assertThat(ProblemDeadlines.isPlausible(LocalDate.of(2031, 11, 2), today)).isTrue();
        assertThat(ProblemDeadlines.isPlausible(LocalDate.of(2031, 11, 3), today)).isFalse();
        assertThat(ProblemDeadlines.isPlausible(today.minusDays(5), today)).isTrue();
    }

    @Test
    void theRequestPatternsAcceptExactlyTheEnumsValues() {
        Arrays.stream(ProblemCategory.values()).forEach(category -> assertThat(category.name()).matches(ProblemCategory.PATTERN));
        Arrays.stream(ProblemStatus.values()).forEach(status -> assertThat(status.name()).matches(ProblemStatus.PATTERN));
        assertThat("LAND ").doesNotMatch(ProblemCategory.PATTERN);
        assertThat("land").doesNotMatch(ProblemCategory.PATTERN);
        assertThat("WEATHER").doesNotMatch(ProblemCategory.PATTERN);
        assertThat("OPEN|SOLVED").doesNotMatch(ProblemStatus.PATTERN);
        assertThat(ProblemCategory.PATTERN.split("\\|")).hasSize(ProblemCategory.values().length);
        assertThat(ProblemStatus.PATTERN.split("\\|")).hasSize(ProblemStatus.values().length);
    }

    private static ProblemChange change(LocalDate deadline, ProblemStatus status, String resolution) {
        return new ProblemChange(null, null, deadline, status, resolution);
    }
}
