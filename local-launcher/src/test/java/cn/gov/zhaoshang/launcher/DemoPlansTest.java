package cn.gov.zhaoshang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gov.zhaoshang.launcher.DemoEngagements.Engagement;
import cn.gov.zhaoshang.launcher.DemoUnits.Setter;
import cn.gov.zhaoshang.launcher.DemoUnits.TargetRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rest of the demo data, relative to the day of the first start: the month closed and shown in
 * the printed request, the targets of this year and last, the teams' engagements.
 */
class DemoPlansTest {

    @ParameterizedTest
    @CsvSource({"2027-01-03, 2026-12", "2027-01-01, 2026-12", "2026-12-06, 2026-11", "2026-03-31, 2026-02"})
    void theMonthClosedAndAskedForIsTheLastCompleteOne(LocalDate today, YearMonth lastComplete, @TempDir Path home)
            throws IOException {
        assertThat(new DemoCalendar(today).lastCompleteMonth()).isEqualTo(lastComplete);

        Files.writeString(home.resolve("demo-data.day"), today + "\n");
        assertThat(DemoData.reportMonth(home)).as("a later start asks for the month the first start closed").isEqualTo(lastComplete);
    }

    @Test
    void withoutADayWrittenTheMonthAskedForIsLastMonthAndTheFirstStartsDayIsNeverAheadOfThisMachines(@TempDir Path home) {
        YearMonth lastMonth = DemoCalendar.ofFirstStart().lastCompleteMonth();
        assertThat(DemoData.reportMonth(home)).isEqualTo(lastMonth);
        LocalDate firstStart = DemoCalendar.ofFirstStart().today();
        assertThat(firstStart).isBeforeOrEqualTo(LocalDate.now()).isBeforeOrEqualTo(LocalDate.now(DemoCalendar.CHINA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-01-03", "2026-12-06"})
    void everyUnitWithProjectsHasTargetsForThisYearAndLastGuigangItsPublishedOnes(LocalDate today) {
        DemoCalendar calendar = new DemoCalendar(today);
        List<TargetRequest> requests = DemoUnits.targetRequests(calendar);

        for (int year : List.of(calendar.lastYear(), calendar.year())) {
            Set<Object> units = requests.stream().filter(request -> request.body().get("year").equals(year))
                    .map(request -> request.body().get("orgUnit")).collect(Collectors.toSet());
            assertThat(units).containsExactlyInAnyOrderElementsOf(DemoUnits.allUnits().stream().map(DemoUnits.Unit::code).toList());
        }
        assertThat(figures(requests, "450800", calendar.year())).containsEntry("CONTRACT_INVESTMENT", "75000000000.00")
                .containsEntry("FUNDS_IN_PLACE", "52000000000.00").containsEntry("RESIDENT_TEAM_CONTRACT", "35000000000.00")
                .containsEntry("MANUFACTURING_SHARE", "45");
        assertThat(figures(requests, "450800", calendar.lastYear())).containsEntry("CONTRACT_INVESTMENT", "68000000000.00")
                .containsEntry("FUNDS_IN_PLACE", "47500000000.00").containsEntry("RESIDENT_TEAM_CONTRACT", "32000000000.00");
        assertThat(figures(requests, "450881P01", calendar.year())).containsEntry("CONTRACT_INVESTMENT", "7000000000.00")
                .containsEntry("LIBRARY_INTAKE", "30");
        int counties = DemoUnits.PROJECT_UNITS.stream().filter(unit -> unit.guigang() && unit.kind() == DemoUnits.Kind.COUNTY)
                .mapToInt(DemoUnits.Unit::contractYi).sum();
        assertThat(counties).as("Guigang's counties' targets add up to a little more than its own").isBetween(750, 800);
        // a target is set by a target admin above the unit: Guigang's for its counties and parks, the region's otherwise
        requests.forEach(request -> assertThat(request.setter()).isEqualTo(
                request.body().get("orgUnit").toString().startsWith("4508") && !request.body().get("orgUnit").equals("450800")
                        ? Setter.GUIGANG_TARGET_ADMIN : Setter.REGION_TARGET_ADMIN));
        assertThat(DemoUnits.TEAMS.stream().mapToInt(DemoUnits.Team::contractTargetYi).sum()).isEqualTo(350);
        assertThat(DemoUnits.TEAMS.stream().mapToInt(DemoUnits.Team::lastYearContractTargetYi).sum()).isEqualTo(320);
        assertThat(DemoUnits.TEAMS.stream().mapToInt(DemoUnits.Team::members).sum()).isEqualTo(39);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06", "2027-01-03", "2026-06-20"})
    void theTeamsDockInEveryMonthOfThisYearUpToTodayAndVisitsAndIntentsFollowDockings(LocalDate today) {
        DemoCalendar calendar = new DemoCalendar(today);
        List<Engagement> engagements = DemoEngagements.plans(today);

        Set<YearMonth> docked = new HashSet<>();
        Set<String> dockings = new HashSet<>();
        Set<Integer> dockedEnterprises = new HashSet<>();
        Set<Integer> visitedEnterprises = new HashSet<>();
        for (Engagement engagement : engagements) {
            assertThat(engagement.occurredOn()).isBeforeOrEqualTo(today).hasYear(today.getYear());
            assertThat(engagement.enterprise()).isBetween(0, DemoEngagements.ENTERPRISES - 1);
            if (engagement.kind().equals("DOCKING")) {
                docked.add(YearMonth.from(engagement.occurredOn()));
                dockings.add(engagement.team() + "/" + engagement.enterprise());
                dockedEnterprises.add(engagement.enterprise());
            } else {
                assertThat(engagement.kind()).isEqualTo("VISIT");
                assertThat(dockings).as("a visit follows a docking of the same team").contains(engagement.team() + "/" + engagement.enterprise());
                visitedEnterprises.add(engagement.enterprise());
            }
            assertThat(engagement.intentAmount() != null).isEqualTo(engagement.outcome().equals("INTENT"));
            if (engagement.intentAmount() != null) {
                assertThat(new java.math.BigDecimal(engagement.intentAmount())).isBetween(new java.math.BigDecimal("100000000"),
                        new java.math.BigDecimal("3000000000"));
                assertThat(engagement.intentIndustryCode()).isNotBlank();
            }
        }
        assertThat(docked).containsExactlyInAnyOrderElementsOf(calendar.monthsOfThisYear());
        if (today.getMonthValue() > 3) {
            double visitReturn = (double) visitedEnterprises.size() / dockedEnterprises.size();
            assertThat(visitReturn).as("visit-return rate (Guigang's: 53.89%)").isBetween(0.35, 0.7);
        }
        Map<String, Object> request = engagements.getFirst().request(List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6"),
                java.util.stream.IntStream.range(0, DemoEngagements.ENTERPRISES).mapToObj(n -> "e" + n).toList());
        assertThat(request).containsEntry("orgUnit", "450800").containsKey("team").containsKey("enterpriseIds");
        assertThat(request.get("team").toString()).startsWith("t");
    }

    @Test
    void theListEditionsAreLastYears() {
        assertThat(DemoEnterprises.editions(2026)).allSatisfy(edition -> {
            assertThat(edition.publishedOn()).startsWith("2026-");
            assertThat(LocalDate.parse(edition.publishedOn())).isBefore(LocalDate.of(2027, 1, 1));
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> figures(List<TargetRequest> requests, String unit, int year) {
        return requests.stream().filter(request -> request.body().get("orgUnit").equals(unit) && request.body().get("year").equals(year))
                .map(request -> (Map<String, String>) request.body().get("figures")).findFirst().orElseThrow();
    }
}
