package cn.gov.zhaoshang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import cn.gov.zhaoshang.launcher.DemoProjects.Plan;
import cn.gov.zhaoshang.launcher.DemoProjects.ProjectStageName;
import cn.gov.zhaoshang.launcher.DemoUnits.Owner;
import cn.gov.zhaoshang.launcher.DemoUnits.Unit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo library's plans are what project-service accepts (its rules: the documents each stage
 * needs, no future dates, funds only for signed projects and begun months) and look like
 * Guigang's years, for a first start on any day: a January, when last year is complete and the
 * month to close is last year's December, and early December, with the year nearly done. Loading
 * them through the real API is what {@code ./run-local} does on a first start; this checks the plans
 * without servers.
 */
class DemoProjectsTest {

    private static final BigDecimal YI = new BigDecimal("100000000");

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06", "2027-01-03", "2026-06-20"})
    void severalHundredProjectsOverEveryStageMostInGuigangAndInEveryProjectUnit(LocalDate today) {
        List<Plan> plans = DemoProjects.plans(today);

        assertThat(plans).hasSizeBetween(250, 600);
        assertThat(plans.stream().filter(plan -> plan.owner() == Owner.GUIGANG).count()).isGreaterThan(plans.size() * 7L / 10);
        Set<ProjectStageName> stages = EnumSet.noneOf(ProjectStageName.class);
        plans.forEach(plan -> stages.add(plan.stage()));
        assertThat(stages).containsExactlyInAnyOrder(ProjectStageName.values());
        assertThat(plans.stream().map(Plan::orgUnit).distinct())
                .containsExactlyInAnyOrderElementsOf(DemoUnits.PROJECT_UNITS.stream().map(Unit::code).toList());
        assertThat(DemoProjects.plans(today)).as("the same day gives the same library").isEqualTo(plans);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06", "2027-01-03"})
    void namesAndCodesAreUniqueSoThatNoneWaitsInDuplicateReview(LocalDate today) {
        Set<Object> names = new HashSet<>();
        Set<Object> codes = new HashSet<>();
        for (Plan plan : DemoProjects.plans(today)) {
            assertThat(names.add(plan.registration().get("name"))).as("name %s", plan.registration().get("name")).isTrue();
            assertThat(codes.add(plan.registration().get("projectCode"))).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06", "2027-01-03", "2027-01-01", "2026-03-01"})
    void eachStageCarriesTheDocumentsItNeedsAndNoDateIsAfterToday(LocalDate today) {
        for (Plan plan : DemoProjects.plans(today)) {
            Map<String, Object> registration = plan.registration();
            ProjectStageName registeredAt = ProjectStageName.valueOf((String) registration.get("stage"));
            Set<Object> documents = new HashSet<>();
            evidence(registration).forEach(document -> {
                documents.add(document.get("documentType"));
                assertThat(date(document.get("documentDate"))).isBeforeOrEqualTo(today);
            });
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
            assertThat(registration.get("channel").equals("RESIDENT_TEAM")).as("a team exactly for the resident-team channel")
                    .isEqualTo(plan.residentTeam() != null);
            LocalDate previous = LocalDate.MIN;
            for (Map<String, Object> move : plan.moves()) {
                String to = (String) move.get("to");
                LocalDate date = date(move.get("date"));
                assertThat(date).isBeforeOrEqualTo(today).as("moves in the order of their dates").isAfterOrEqualTo(previous);
                previous = date;
                if (to.equals("SIGNED")) {
                    assertThat(move).containsKey("contractAmount");
                }
                if (List.of("SIGNED", "LANDED", "STARTED").contains(to)) {
                    assertThat(move).as("move into %s", to).containsKey("evidence");
                    assertThat(date(evidence(move).getFirst().get("documentDate"))).isBeforeOrEqualTo(today);
                }
            }
            for (String field : List.of("signingDate", "startDate")) {
                if (registration.get(field) != null) {
                    assertThat(date(registration.get(field))).isBeforeOrEqualTo(today);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06", "2027-01-03"})
    void fundsOnlyForSignedProjectsNotTerminatedForMonthsThatHaveBegunAndWithinTheirContract(LocalDate today) {
        for (Plan plan : DemoProjects.plans(today)) {
            if (plan.funds().isEmpty()) {
                continue;
            }
            assertThat(plan.signingDate()).isNotNull();
            assertThat(plan.stage()).isNotEqualTo(ProjectStageName.TERMINATED);
            Set<Object> months = new HashSet<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Map<String, Object> funds : plan.funds()) {
                assertThat(months.add(funds.get("month"))).as("one report per month").isTrue();
                YearMonth month = YearMonth.parse((String) funds.get("month"));
                assertThat(month).isBeforeOrEqualTo(YearMonth.from(today)).isAfterOrEqualTo(YearMonth.of(today.getYear() - 1, 1));
                assertThat(date(evidence(funds).getFirst().get("documentDate"))).isBeforeOrEqualTo(today);
                BigDecimal amount = new BigDecimal((String) funds.get("amount"));
                assertThat(amount).isPositive();
                total = total.add(amount);
            }
            assertThat(total).isLessThanOrEqualTo(plan.contractAmount());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-01-03", "2026-12-06", "2027-01-01"})
    void signingsAndFundsInEveryMonthOfLastYearAndOfThisYearUpToToday(LocalDate today) {
        DemoCalendar calendar = new DemoCalendar(today);
        List<Plan> plans = DemoProjects.plans(today);
        List<YearMonth> months = new ArrayList<>(calendar.monthsOfLastYear());
        months.addAll(calendar.monthsOfThisYear());
        assertThat(months.getFirst()).isEqualTo(YearMonth.of(today.getYear() - 1, 1));
        assertThat(months.getLast()).isEqualTo(YearMonth.from(today));
        assertThat(months).contains(calendar.lastCompleteMonth());

        for (Predicate<Plan> unit : List.<Predicate<Plan>>of(
                plan -> plan.owner() == Owner.GUIGANG, plan -> plan.orgUnit().equals("450881P01"),
                plan -> plan.orgUnit().equals("450804"), plan -> plan.orgUnit().equals("450103"))) {
            Set<YearMonth> signed = new HashSet<>();
            plans.stream().filter(unit).filter(Plan::countsAsSigned).forEach(plan -> signed.add(YearMonth.from(plan.signingDate())));
            assertThat(signed).containsAll(months);
        }
        // funds of a month arrive through it: by its first days few have
        Set<YearMonth> funded = new HashSet<>();
        plans.stream().filter(plan -> plan.owner() == Owner.GUIGANG)
                .forEach(plan -> plan.funds().forEach(funds -> funded.add(YearMonth.parse((String) funds.get("month")))));
        assertThat(funded).containsAll(months.subList(0, months.size() - 1));
        if (today.getDayOfMonth() >= 3) {
            assertThat(funded).contains(calendar.currentMonth());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06", "2026-06-20"})
    void guigangsYearFollowsItsTargetsOfSevenHundredFiftyFiveHundredTwentyAndThreeHundredFiftyYi(LocalDate today) {
        DemoCalendar calendar = new DemoCalendar(today);
        List<Plan> guigang = DemoProjects.plans(today).stream().filter(plan -> plan.owner() == Owner.GUIGANG).toList();
        double elapsed = calendar.yearElapsed();

        BigDecimal thisYear = contract(guigang, plan -> plan.signingDate().getYear() == today.getYear());
        BigDecimal lastYear = contract(guigang, plan -> plan.signingDate().getYear() == today.getYear() - 1);
        assertThat(yi(thisYear) / 750).as("this year's signings against 750亿 and the year elapsed")
                .isBetween(elapsed - 0.15, elapsed + 0.05);
        assertThat(yi(lastYear) / DemoUnits.lastYears(750)).as("last year's against its 680亿").isBetween(0.9, 1.05);
        BigDecimal sameSpanLastYear = contract(guigang, plan -> plan.signingDate().getYear() == today.getYear() - 1
                && !YearMonth.from(plan.signingDate()).isAfter(calendar.lastCompleteMonth().minusYears(1)));
        BigDecimal toLastMonth = contract(guigang, plan -> plan.signingDate().getYear() == today.getYear()
                && !YearMonth.from(plan.signingDate()).isAfter(calendar.lastCompleteMonth()));
        assertThat(yi(toLastMonth) / yi(sameSpanLastYear) - 1).as("year on year to last month").isBetween(0.0, 0.25);

        BigDecimal manufacturing = contract(guigang, plan -> plan.signingDate().getYear() == today.getYear()
                && List.of("C").contains(((String) plan.registration().get("industryCode")).substring(0, 1)));
        assertThat(yi(manufacturing) / yi(thisYear)).as("manufacturing share, against 45%").isBetween(0.5, 0.85);
        BigDecimal teams = contract(guigang, plan -> plan.signingDate().getYear() == today.getYear() && plan.residentTeam() != null);
        assertThat(yi(teams) / 350).as("resident teams' signings against 350亿").isBetween(elapsed - 0.25, elapsed + 0.15);

        BigDecimal funds = BigDecimal.ZERO;
        for (Plan plan : guigang) {
            for (Map<String, Object> report : plan.funds()) {
                if (report.get("month").toString().startsWith(today.getYear() + "-")) {
                    funds = funds.add(new BigDecimal((String) report.get("amount")));
                }
            }
        }
        assertThat(yi(funds) / 520).as("funds in place against 520亿").isBetween(elapsed - 0.2, elapsed + 0.05);
    }

    /**
     * The console's warnings: at the last complete month, and at the current one, 桂平 is ahead of
     * time progress, 港南 more than 10 points behind (yellow) and 覃塘 more than 20 (red); in a
     * January the month to close is last year's December, where they ended last year.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06", "2026-09-15", "2027-01-03"})
    void countiesStandAheadOfTimeProgressOrTenOrTwentyPointsBehindIt(LocalDate today) {
        DemoCalendar calendar = new DemoCalendar(today);
        List<Plan> plans = DemoProjects.plans(today);
        YearMonth closed = calendar.lastCompleteMonth();
        assertThat(gap(plans, "450881", closed, calendar)).isPositive();
        assertThat(gap(plans, "450803", closed, calendar)).isBetween(-20.0, -10.0);
        assertThat(gap(plans, "450804", closed, calendar)).isLessThan(-20.0);
        assertThat(gap(plans, DemoUnits.GUIGANG, closed, calendar)).as("the city about on time").isBetween(-10.0, 5.0);
        if (today.getMonthValue() > 3) {
            assertThat(gap(plans, "450803", calendar.currentMonth(), calendar)).isLessThan(-10.0);
            assertThat(gap(plans, "450804", calendar.currentMonth(), calendar)).isLessThan(-20.0);
        }
    }

    /** A unit's completion of its contract target at a month's end minus time progress, in points, as reporting computes it. */
    private static double gap(List<Plan> plans, String unitCode, YearMonth month, DemoCalendar calendar) {
        Unit unit = DemoUnits.allUnits().stream().filter(candidate -> candidate.code().equals(unitCode)).findFirst().orElseThrow();
        String prefix = unit.kind() == DemoUnits.Kind.CITY ? unitCode.substring(0, 4) : unitCode;
        BigDecimal signed = contract(plans, plan -> plan.orgUnit().startsWith(prefix)
                && plan.signingDate().getYear() == month.getYear() && !YearMonth.from(plan.signingDate()).isAfter(month));
        double target = month.getYear() == calendar.year() ? unit.contractYi() : DemoUnits.lastYears(unit.contractYi());
        return 100 * (yi(signed) / target - month.getMonthValue() / 12.0);
    }

    private static BigDecimal contract(List<Plan> plans, Predicate<Plan> which) {
        return plans.stream().filter(Plan::countsAsSigned).filter(which).map(Plan::contractAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static double yi(BigDecimal yuan) {
        return yuan.divide(YI, 6, RoundingMode.HALF_UP).doubleValue();
    }

    private static LocalDate date(Object value) {
        return LocalDate.parse((String) value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> evidence(Map<String, Object> request) {
        Object evidence = request.get("evidence");
        if (evidence == null) {
            return List.of();
        }
        return evidence instanceof List<?> list ? (List<Map<String, Object>>) list : List.of((Map<String, Object>) evidence);
    }
}
