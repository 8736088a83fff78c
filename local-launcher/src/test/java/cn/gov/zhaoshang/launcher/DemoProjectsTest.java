package cn.gov.zhaoshang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import cn.gov.zhaoshang.launcher.DemoProjects.Owner;
import cn.gov.zhaoshang.launcher.DemoProjects.Plan;
import cn.gov.zhaoshang.launcher.DemoProjects.ProjectStageName;
import org.junit.jupiter.api.Test;

/**
 * The demo library's plans are what project-service accepts (its rules: the documents each stage
 * needs, no future dates, funds only for signed projects and begun months) and look like
 * Guigang's year. Loading them through the real API is what {@code ./run-local} does on a first
 * start; this checks the plans without servers.
 */
class DemoProjectsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final List<Plan> plans = DemoProjects.plans(TODAY);

    @Test
    void aboutThreeHundredProjectsOverEveryStageMostInGuigang() {
        assertThat(plans).hasSize(300);
        assertThat(plans.stream().filter(plan -> plan.owner() == Owner.GUIGANG)).hasSize(250);
        Set<ProjectStageName> stages = EnumSet.noneOf(ProjectStageName.class);
        plans.forEach(plan -> stages.add(plan.stage()));
        assertThat(stages).containsExactlyInAnyOrder(ProjectStageName.values());
        assertThat(plans.stream().map(Plan::county).distinct()).contains("450802", "450803", "450804", "450821", "450881",
                "450103", "450206");
    }

    @Test
    void namesAndCodesAreUniqueSoThatNoneWaitsInDuplicateReview() {
        Set<Object> names = new HashSet<>();
        Set<Object> codes = new HashSet<>();
        for (Plan plan : plans) {
            assertThat(names.add(plan.registration().get("name"))).as("name %s", plan.registration().get("name")).isTrue();
            assertThat(codes.add(plan.registration().get("projectCode"))).isTrue();
        }
    }

    @Test
    void eachStageCarriesTheDocumentsItNeedsAndNoDateIsInTheFuture() {
        for (Plan plan : plans) {
            Map<String, Object> registration = plan.registration();
            ProjectStageName registeredAt = ProjectStageName.valueOf((String) registration.get("stage"));
            Set<Object> documents = new HashSet<>();
            evidence(registration).forEach(document -> documents.add(document.get("documentType")));
            if (registeredAt.ordinal() >= ProjectStageName.SIGNED.ordinal()) {
                assertThat(registration).containsKeys("contractAmount", "signingDate");
                assertThat(documents).contains("AGREEMENT");
            }
            if (registeredAt.ordinal() >= ProjectStageName.LANDED.ordinal()) {
                assertThat(documents).containsAnyOf("BUSINESS_REGISTRATION", "LAND_GRANT");
            }
            if (registeredAt.ordinal() >= ProjectStageName.STARTED.ordinal()) {
                assertThat(registration).containsKey("startDate");
                assertThat(documents).contains("CONSTRUCTION_PERMIT");
            }
            for (Map<String, Object> move : plan.moves()) {
                String to = (String) move.get("to");
                assertThat(LocalDate.parse((String) move.get("date"))).isBeforeOrEqualTo(TODAY);
                if (to.equals("SIGNED")) {
                    assertThat(move).containsKey("contractAmount");
                }
                if (List.of("SIGNED", "LANDED", "STARTED").contains(to)) {
                    assertThat(move).as("move into %s", to).containsKey("evidence");
                }
            }
            Stream.of("signingDate", "startDate").map(registration::get).filter(date -> date != null)
                    .forEach(date -> assertThat(LocalDate.parse((String) date)).isBeforeOrEqualTo(TODAY));
        }
    }

    @Test
    void fundsOnlyForSignedProjectsNotTerminatedAndForMonthsThatHaveBegun() {
        for (Plan plan : plans) {
            if (plan.funds().isEmpty()) {
                continue;
            }
            assertThat(plan.signingDate()).isNotNull();
            assertThat(plan.stage()).isNotEqualTo(ProjectStageName.TERMINATED);
            Set<Object> months = new HashSet<>();
            for (Map<String, Object> funds : plan.funds()) {
                assertThat(months.add(funds.get("month"))).as("one report per month").isTrue();
                assertThat(YearMonth.parse((String) funds.get("month"))).isBeforeOrEqualTo(YearMonth.from(TODAY));
                assertThat(new BigDecimal((String) funds.get("amount"))).isPositive();
            }
        }
    }

    @Test
    void guigangsYearIsNearItsTargetsOfSevenHundredFiftyAndFiveHundredTwentyYi() {
        BigDecimal signed = BigDecimal.ZERO;
        BigDecimal funds = BigDecimal.ZERO;
        for (Plan plan : plans) {
            if (plan.owner() != Owner.GUIGANG) {
                continue;
            }
            if (plan.signingDate() != null && plan.signingDate().getYear() == 2026) {
                signed = signed.add(plan.contractAmount());
            }
            for (Map<String, Object> report : plan.funds()) {
                funds = funds.add(new BigDecimal((String) report.get("amount")));
            }
        }
        BigDecimal yi = new BigDecimal("100000000");
        // by late November: signings 60–110 % of the 750亿 target, funds in place 40–100 % of 520亿
        assertThat(signed.divide(yi)).isBetween(new BigDecimal("450"), new BigDecimal("825"));
        assertThat(funds.divide(yi)).isBetween(new BigDecimal("208"), new BigDecimal("520"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> evidence(Map<String, Object> registration) {
        return (List<Map<String, Object>>) registration.getOrDefault("evidence", List.of());
    }
}
