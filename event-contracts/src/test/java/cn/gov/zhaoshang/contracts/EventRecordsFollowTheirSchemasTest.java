package cn.gov.zhaoshang.contracts;

import static cn.gov.zhaoshang.contracts.ContractFixtures.PROJECT_ID;
import static cn.gov.zhaoshang.contracts.ContractFixtures.envelope;
import static cn.gov.zhaoshang.contracts.ContractFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhaoshang.contracts.project.InvestorClass;
import cn.gov.zhaoshang.contracts.project.KeyProjectChanged;
import cn.gov.zhaoshang.contracts.project.ProblemChanged;
import cn.gov.zhaoshang.contracts.project.ProblemLogged;
import cn.gov.zhaoshang.contracts.project.ProjectAmended;
import cn.gov.zhaoshang.contracts.project.ProjectDetailsChanged;
import cn.gov.zhaoshang.contracts.project.ProjectRegistered;
import cn.gov.zhaoshang.contracts.project.ProjectStageChanged;
import cn.gov.zhaoshang.contracts.project.ProjectWarningCleared;
import cn.gov.zhaoshang.contracts.project.ProjectWarningRaised;
import cn.gov.zhaoshang.contracts.project.SigningConfirmed;
import cn.gov.zhaoshang.contracts.report.ReportPublished;
import cn.gov.zhaoshang.contracts.targets.DefinitionPublished;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** The records of the contracts module, as a producer serialises them, are valid against their schemas. */
class EventRecordsFollowTheirSchemasTest {

    private static final Instant NOW = Instant.parse("2026-11-01T02:30:00Z");
    private static final LocalDate SIGNED_ON = LocalDate.of(2026, 10, 28);
    private static final UUID WARNING_ID = UUID.fromString("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final UUID PROBLEM_ID = UUID.fromString("0c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f");

    private final EventSchemaValidator validator = EventSchemaValidator.shared();

    static Stream<Arguments> producedEvents() {
        Map<String, String> figures = new HashMap<>();
        figures.put("CONTRACT_INVESTMENT_YTD", "89015000000.00");
        figures.put("CONTRACT_COMPLETION_RATE", "1.186866666667");
        figures.put("YOY_GROWTH", null);
        return Stream.of(
                Arguments.of(EventTypes.PROJECT_REGISTERED, new ProjectRegistered(PROJECT_ID, "锂电池正极材料项目", "450881",
                        "SIGNED", "1200000000.00", SIGNED_ON, "C3841", true, NOW, "GP-2026-001", SIGNED_ON, false,
                        UUID.randomUUID(), List.of(new InvestorClass("CHINA_500", "2025")), "RESIDENT_TEAM",
                        UUID.randomUUID(), "GBA", List.of("新能源材料"), "15000000.00", false, LocalDate.of(2027, 3, 1), null, null, null, null)),
                Arguments.of(EventTypes.PROJECT_REGISTERED, new ProjectRegistered(PROJECT_ID, "锂电池正极材料项目", "450881",
                        "PRODUCING", "1200000000.00", SIGNED_ON, "C3841", true, NOW, "GP-2026-001", SIGNED_ON.plusDays(200), true,
                        null, List.of(), null, null, null, List.of(), null, false, null, SIGNED_ON.plusDays(30),
                        SIGNED_ON.plusDays(60), SIGNED_ON.plusDays(180), SIGNED_ON.plusDays(200))),
                Arguments.of(EventTypes.PROJECT_REGISTERED, new ProjectRegistered(PROJECT_ID, "文旅线索", "450881",
                        "LEAD", null, null, "R", false, NOW)),
                Arguments.of(EventTypes.PROJECT_STAGE_CHANGED, new ProjectStageChanged(PROJECT_ID, "450881",
                        "NEGOTIATING", "SIGNED", SIGNED_ON,
                        new ProjectStageChanged.Evidence("AGREEMENT", "GP-HT-2026-17", SIGNED_ON),
                        "1200000000.00", SIGNED_ON, NOW, true, List.of(new InvestorClass("FORTUNE_GLOBAL_500", "2026")))),
                Arguments.of(EventTypes.PROJECT_STAGE_CHANGED, new ProjectStageChanged(PROJECT_ID, "450881",
                        "SIGNED", "LANDED", SIGNED_ON.plusDays(30), null, "1200000000.00", SIGNED_ON, NOW)),
                Arguments.of(EventTypes.PROJECT_SIGNING_CONFIRMED,
                        new SigningConfirmed(PROJECT_ID, "450881", SIGNED_ON, NOW)),
                Arguments.of(EventTypes.PROJECT_AMENDED, new ProjectAmended(PROJECT_ID, "450881", 2, "补充协议增资",
                        new ProjectAmended.Terms("1200000000.00", null, "C3841", true),
                        new ProjectAmended.Terms("1500000000.00", "2000000.00", "C3841", true), NOW)),
                Arguments.of(EventTypes.PROJECT_DETAILS_CHANGED, new ProjectDetailsChanged(PROJECT_ID, "450881", 7,
                        List.of("channel", "residentTeamId", "investorContact"), "锂电池正极材料项目", UUID.randomUUID(),
                        List.of(new InvestorClass("CHINA_500", "2025")), "INDUSTRY_CHAIN", null, "GBA", List.of("新能源材料"),
                        LocalDate.of(2027, 3, 1), NOW)),
                Arguments.of(EventTypes.PROJECT_DETAILS_CHANGED, new ProjectDetailsChanged(PROJECT_ID, "450881", 2,
                        List.of("name"), "文旅线索", null, List.of(), null, null, null, List.of(), null, NOW)),
                Arguments.of(EventTypes.PROJECT_KEY_PROJECT_CHANGED, new KeyProjectChanged(PROJECT_ID, "450881", 4, true, "450800", NOW)),
                Arguments.of(EventTypes.PROJECT_KEY_PROJECT_CHANGED, new KeyProjectChanged(PROJECT_ID, "450881", 5, false, null, NOW)),
                Arguments.of(EventTypes.PROJECT_WARNING_RAISED, new ProjectWarningRaised(WARNING_ID, PROJECT_ID,
                        "450881", "STALE", "SIGNED", SIGNED_ON, NOW)),
                Arguments.of(EventTypes.PROJECT_WARNING_CLEARED,
                        new ProjectWarningCleared(WARNING_ID, PROJECT_ID, "450881", "STALE", NOW)),
                Arguments.of(EventTypes.PROJECT_WARNING_RAISED, new ProjectWarningRaised(WARNING_ID, PROJECT_ID,
                        "450881", "PROBLEM_OVERDUE", "STARTED", SIGNED_ON.plusDays(20), NOW)),
                Arguments.of(EventTypes.PROJECT_WARNING_CLEARED,
                        new ProjectWarningCleared(WARNING_ID, PROJECT_ID, "450881", "PROBLEM_OVERDUE", NOW)),
                Arguments.of(EventTypes.PROJECT_PROBLEM_LOGGED, new ProblemLogged(PROBLEM_ID, PROJECT_ID, "450881", "LAND",
                        "桂平市自然资源局", SIGNED_ON.plusDays(30), "OPEN", 1, NOW)),
                Arguments.of(EventTypes.PROJECT_PROBLEM_CHANGED, new ProblemChanged(PROBLEM_ID, PROJECT_ID, "450881",
                        "UTILITIES", 3, List.of("status", "resolution"),
                        new ProblemChanged.State("桂平市供电局", SIGNED_ON.plusDays(30), "IN_PROGRESS"),
                        new ProblemChanged.State("桂平市供电局", SIGNED_ON.plusDays(30), "SOLVED"), NOW)),
                Arguments.of(EventTypes.REPORT_PUBLISHED, new ReportPublished(UUID.randomUUID(), "450800", "2026-10",
                        NOW, true, 1, figures)),
                Arguments.of(EventTypes.TARGETS_DEFINITION_PUBLISHED, new DefinitionPublished(2,
                        LocalDate.of(2027, 1, 1), NOW, List.of("CONTRACT_INVESTMENT"),
                        new DefinitionPublished.Rules("-10", "-20", "WEIGHTED_SCORE",
                                Map.of("CONTRACT_INVESTMENT", "0.6", "FUNDS_IN_PLACE", "0.4"), "1.2", 5))),
                Arguments.of(EventTypes.TARGETS_DEFINITION_PUBLISHED, new DefinitionPublished(1,
                        LocalDate.of(2026, 1, 1), NOW, List.of("CONTRACT_INVESTMENT"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("producedEvents")
    void aProducedEventIsValid(String type, Object data) {
        ObjectNode event = envelope(type, UUID.randomUUID().toString(), data);

        assertThat(validator.validate(json(event))).isEmpty();
    }

    @Test
    void aReportFigureThatIsNotADecimalIsRejected() {
        ReportPublished published = new ReportPublished(UUID.randomUUID(), "450800", "2026-10", NOW, false, 1,
                Map.of("CONTRACT_COMPLETION_RATE", "118.69%"));

        assertThat(validator.validate(json(envelope(EventTypes.REPORT_PUBLISHED, "x", published))))
                .anySatisfy(error -> assertThat(error).contains("figures"));
    }

    @Test
    void aWarningOfAnUnknownKindIsRejected() {
        ObjectNode event = envelope(EventTypes.PROJECT_WARNING_RAISED, PROJECT_ID.toString(),
                new ProjectWarningRaised(WARNING_ID, PROJECT_ID, "450881", "LATE", "SIGNED", SIGNED_ON, NOW));

        assertThat(validator.validate(json(event))).anySatisfy(error -> assertThat(error).contains("kind"));
    }

    @Test
    void aProblemOfAnUnknownCategoryOrAChangeThatNamesNoFieldIsRejected() {
        ObjectNode logged = envelope(EventTypes.PROJECT_PROBLEM_LOGGED, PROJECT_ID.toString(), new ProblemLogged(PROBLEM_ID,
                PROJECT_ID, "450881", "WEATHER", "桂平市气象局", SIGNED_ON, "OPEN", 1, NOW));
        ProblemChanged.State state = new ProblemChanged.State("桂平市供电局", SIGNED_ON, "OPEN");
        ObjectNode changedNothing = envelope(EventTypes.PROJECT_PROBLEM_CHANGED, PROJECT_ID.toString(), new ProblemChanged(
                PROBLEM_ID, PROJECT_ID, "450881", "UTILITIES", 2, List.of(), state, state, NOW));

        assertThat(validator.validate(json(logged))).anySatisfy(error -> assertThat(error).contains("category"));
        assertThat(validator.validate(json(changedNothing))).anySatisfy(error -> assertThat(error).contains("changedFields"));
    }
}
