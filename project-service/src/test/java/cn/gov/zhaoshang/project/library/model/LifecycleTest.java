package cn.gov.zhaoshang.project.library.model;

import static cn.gov.zhaoshang.project.library.model.ProjectStage.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 20);
    private static final Instant NOW = Instant.parse("2026-10-21T02:00:00Z");

    @Test
    void activeStagesMoveForwardOneStepOrIntoSuspendedOrTerminated() {
        assertThat(Lifecycle.allowedMoves(LEAD, null)).containsExactly(INTENT, SUSPENDED, TERMINATED);
        assertThat(Lifecycle.allowedMoves(SIGNED, null)).containsExactly(LANDED, SUSPENDED, TERMINATED);
        assertThat(Lifecycle.allowedMoves(PRODUCING, null)).containsExactly(SUSPENDED, TERMINATED);
    }

    @Test
    void suspendedGoesBackOnlyToTheStageItInterruptedAndTerminatedNowhere() {
        assertThat(Lifecycle.allowedMoves(SUSPENDED, LANDED)).containsExactly(LANDED);
        assertThat(Lifecycle.allowedMoves(TERMINATED, null)).isEmpty();
    }

    @Test
    void eachStageRequiresItsOwnAndEveryEarlierStagesProof() {
        StageFacts nothing = new StageFacts(null, null, null, List.of());
        assertThat(nothing.missingFor(NEGOTIATING)).isEmpty();
        assertThat(nothing.missingFor(SIGNED)).extracting(StageFacts.Missing::field)
                .containsExactly("contractAmount", "signingDate", "evidence");
        assertThat(nothing.missingFor(STARTED)).extracting(StageFacts.Missing::field)
                .containsExactly("contractAmount", "signingDate", "evidence", "evidence", "startDate", "evidence");

        StageFacts landed = new StageFacts(new BigDecimal("100"), DAY, null, List.of(
                new Evidence(EvidenceType.AGREEMENT, "XY-1", DAY), new Evidence(EvidenceType.LAND_GRANT, "GT-1", DAY)));
        assertThat(landed.missingFor(LANDED)).isEmpty();
        assertThat(landed.missingFor(STARTED)).extracting(StageFacts.Missing::field).containsExactly("startDate", "evidence");
    }

    @Test
    void suspendingRemembersTheStageAndResumingRestoresIt() {
        Project landed = registered(LANDED);
        Project suspended = landed.move(SUSPENDED, DAY, null, null, Signing.NOTHING_REQUIRED, NOW).project();
        assertThat(suspended.interruptedStage()).isEqualTo(LANDED);

        assertThatThrownBy(() -> suspended.move(STARTED, DAY, null, permit(), Signing.NOTHING_REQUIRED, NOW))
                .isInstanceOfSatisfying(IllegalMoveException.class, illegal -> assertThat(illegal.allowed()).containsExactly(LANDED));

        Project.Moved resumed = suspended.move(LANDED, DAY, null, null, Signing.NOTHING_REQUIRED, NOW);
        assertThat(resumed.project().stage()).isEqualTo(LANDED);
        assertThat(resumed.project().interruptedStage()).isNull();
        assertThat(resumed.stageChanged().fromStage()).isEqualTo("SUSPENDED");
    }

    @Test
    void startingTakesTheMoveDateAsStartDateAndNeedsThePermit() {
        Project landed = registered(LANDED);
        assertThatThrownBy(() -> landed.move(STARTED, DAY, null, null, Signing.NOTHING_REQUIRED, NOW))
                .isInstanceOfSatisfying(MissingRequirementsException.class,
                        missing -> assertThat(missing.missing()).extracting(StageFacts.Missing::field).containsExactly("evidence"));
        assertThat(landed.move(STARTED, DAY, null, permit(), Signing.NOTHING_REQUIRED, NOW).project().startDate()).isEqualTo(DAY);
    }

    @Test
    void terminationProducesOnlyTheTerminatedEvent() {
        Project.Moved moved = registered(SIGNED).move(TERMINATED, DAY, null, null, Signing.NOTHING_REQUIRED, NOW);
        assertThat(moved.stageChanged()).isNull();
        assertThat(moved.terminated().fromStage()).isEqualTo("SIGNED");
    }

    @Test
    void aTransferKeepsTheStageAndRefusesATerminatedProjectOrTheSameUnit() {
        Project.Transferred transferred = registered(LANDED).transferTo("450802", NOW);
        assertThat(transferred.project().orgUnit()).isEqualTo("450802");
        assertThat(transferred.project().stage()).isEqualTo(LANDED);
        assertThat(transferred.event().fromOrgUnit()).isEqualTo("450881");
        assertThatThrownBy(() -> registered(LANDED).transferTo("450881", NOW)).isInstanceOf(ProjectRuleException.class);
        Project terminated = registered(SIGNED).move(TERMINATED, DAY, null, null, Signing.NOTHING_REQUIRED, NOW).project();
        assertThatThrownBy(() -> terminated.transferTo("450802", NOW)).isInstanceOf(ProjectRuleException.class);
    }

    @Test
    void aSigningUnderConfirmationIsPendingAndCarriesTheClassSnapshotInItsEvent() {
        Project negotiating = registered(NEGOTIATING);
        List<cn.gov.zhaoshang.contracts.project.InvestorClass> classes =
                List.of(new cn.gov.zhaoshang.contracts.project.InvestorClass("CHINA_500", "2025"));
        Project.Moved signed = negotiating.move(SIGNED, DAY, new BigDecimal("100"),
                new Evidence(EvidenceType.AGREEMENT, "XY-9", DAY), new Signing(true, classes), NOW);
        assertThat(signed.project().signingConfirmed()).isFalse();
        assertThat(signed.project().investorClasses()).isEqualTo(classes);
        assertThat(signed.stageChanged().signingConfirmed()).isFalse();
        assertThat(signed.stageChanged().investorClasses()).isEqualTo(classes);

        Project.Confirmed confirmed = signed.project().confirmSigning(NOW);
        assertThat(confirmed.project().signingConfirmed()).isTrue();
        assertThat(confirmed.event().signingDate()).isEqualTo(DAY);
        assertThatThrownBy(() -> confirmed.project().confirmSigning(NOW)).isInstanceOf(ProjectRuleException.class);

        // later moves keep the snapshot and carry neither flag nor classes
        Project.Moved landed = confirmed.project().move(LANDED, DAY, null,
                new Evidence(EvidenceType.LAND_GRANT, "GT-9", DAY), new Signing(false, List.of()), NOW);
        assertThat(landed.project().investorClasses()).isEqualTo(classes);
        assertThat(landed.stageChanged().investorClasses()).isNull();
        assertThat(landed.stageChanged().signingConfirmed()).isNull();
    }

    @Test
    void anAmendmentIsANewVersionOfTheTermsOfASignedProjectOnly() {
        Project signed = registered(SIGNED);
        Project.Amended amended = signed.amend(new BigDecimal("150"), new BigDecimal("20"), new IndustryCode("I6510"), "扩建", 2, NOW);
        assertThat(amended.event().before().contractAmount()).isEqualTo("100.00");
        assertThat(amended.event().after().contractAmount()).isEqualTo("150.00");
        assertThat(amended.event().after().fdiContractUsd()).isEqualTo("20.00");
        assertThat(amended.event().before().manufacturing()).isTrue();
        assertThat(amended.event().after().manufacturing()).isFalse();
        assertThat(amended.project().signingDate()).isEqualTo(signed.signingDate());
        assertThatThrownBy(() -> signed.amend(new BigDecimal("100.00"), null, null, "无变化", 2, NOW))
                .isInstanceOf(MissingRequirementsException.class);
        assertThatThrownBy(() -> registered(NEGOTIATING).amend(new BigDecimal("1"), null, null, "r", 2, NOW))
                .isInstanceOf(ProjectRuleException.class);
    }

    @Test
    void aResidentTeamIsRequiredExactlyForTheResidentTeamChannel() {
        ProjectDetails withoutTeam = new ProjectDetails(null, null, List.of(), null, Channel.RESIDENT_TEAM, null, null, false, null, null);
        ProjectDetails teamWithoutChannel = new ProjectDetails(null, null, List.of(), null, Channel.EXPO, UUID.randomUUID(), null, false, null, null);
        assertThat(withoutTeam.violations()).extracting(StageFacts.Missing::rule).containsExactly("RequiredForChannel");
        assertThat(teamWithoutChannel.violations()).extracting(StageFacts.Missing::rule).containsExactly("OnlyForResidentTeamChannel");
        assertThat(new ProjectDetails(null, null, List.of(" 汽车", "汽车 ", "新材料"), null, Channel.RESIDENT_TEAM, UUID.randomUUID(),
                null, false, null, null).industryChainTags()).containsExactly("汽车", "新材料");
    }

    @Test
    void aProjectRegisteredAtALaterStageRecordsTheDateOfEveryStageItReachedInOrder() {
        LocalDate signed = LocalDate.of(2025, 3, 1);
        LocalDate granted = LocalDate.of(2025, 5, 10);
        List<Evidence> documents = List.of(new Evidence(EvidenceType.AGREEMENT, "XY-1", signed),
                new Evidence(EvidenceType.LAND_GRANT, "GT-1", granted), new Evidence(EvidenceType.CONSTRUCTION_PERMIT, "SG-1", granted));
        StageFacts withoutLaterDates = new StageFacts(new BigDecimal("100"), signed, null, LocalDate.of(2025, 6, 1), null, null, documents);

        // the landing date comes from the land grant; completion and production have no document
        assertThat(withoutLaterDates.datesAt(PRODUCING).landingDate()).isEqualTo(granted);
        assertThat(withoutLaterDates.missingDatesFor(STARTED)).isEmpty();
        assertThat(withoutLaterDates.missingDatesFor(PRODUCING)).extracting(StageFacts.Missing::field)
                .containsExactly("completionDate", "productionDate");

        StageFacts outOfOrder = new StageFacts(new BigDecimal("100"), signed, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 5, 1), LocalDate.of(2025, 12, 1), documents);
        assertThat(outOfOrder.datesOutOfOrder(PRODUCING)).extracting(m -> m.field() + "/" + m.rule())
                .containsExactly("landingDate/StageDatesInOrder", "completionDate/StageDatesInOrder");
        assertThat(outOfOrder.datesBeyond(SIGNED)).extracting(StageFacts.Missing::field)
                .containsExactly("landingDate", "completionDate", "productionDate");

        StageFacts complete = new StageFacts(new BigDecimal("100"), signed, null, LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 11, 30), LocalDate.of(2026, 1, 15), documents);
        Project producing = Project.register(UUID.randomUUID(), "项目", "450881", PRODUCING, complete, new IndustryCode("C3841"),
                ProjectDetails.NONE, Signing.NOTHING_REQUIRED, NOW, "u", true).project();
        assertThat(producing.stageDates()).isEqualTo(new StageDates(granted, LocalDate.of(2025, 11, 30), LocalDate.of(2026, 1, 15)));
        assertThat(producing.stageReachedOn()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(producing.registeredEvent().landingDate()).isEqualTo(granted);
        assertThat(producing.registeredEvent().startDate()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThatThrownBy(() -> Project.register(UUID.randomUUID(), "项目", "450881", PRODUCING, withoutLaterDates,
                new IndustryCode("C3841"), ProjectDetails.NONE, Signing.NOTHING_REQUIRED, NOW, "u", true))
                .isInstanceOf(MissingRequirementsException.class);
    }

    @Test
    void aMoveIntoAStageRecordsItsDateOnceAndAResumptionKeepsIt() {
        Project signed = registered(SIGNED);
        Project landed = signed.move(LANDED, DAY, null, new Evidence(EvidenceType.LAND_GRANT, "GT-2", DAY),
                Signing.NOTHING_REQUIRED, NOW).project();
        assertThat(landed.stageDates().landingDate()).isEqualTo(DAY);
        Project suspended = landed.move(SUSPENDED, DAY.plusDays(3), null, null, Signing.NOTHING_REQUIRED, NOW).project();
        Project resumed = suspended.move(LANDED, DAY.plusDays(9), null, null, Signing.NOTHING_REQUIRED, NOW).project();
        assertThat(resumed.stageDates().landingDate()).isEqualTo(DAY);
    }

    private static Evidence permit() {
        return new Evidence(EvidenceType.CONSTRUCTION_PERMIT, "SG-1", DAY);
    }

    private static Project registered(ProjectStage stage) {
        StageFacts facts = new StageFacts(new BigDecimal("100"), DAY, DAY, List.of(
                new Evidence(EvidenceType.AGREEMENT, "XY-1", DAY), new Evidence(EvidenceType.LAND_GRANT, "GT-1", DAY), permit()));
        return Project.register(UUID.randomUUID(), "项目", "450881", stage, facts, new IndustryCode("C3841"), ProjectDetails.NONE,
                Signing.NOTHING_REQUIRED, NOW, "u", true).project();
    }
}
