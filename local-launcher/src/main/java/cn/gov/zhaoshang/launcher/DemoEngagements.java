package cn.gov.zhaoshang.launcher;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.gov.zhaoshang.launcher.DemoUnits.Team;

/**
 * The funnel of Guigang's resident teams this year, month by month up to the day of the first
 * start: dockings (对接) with the demo enterprises, a quarter of them followed by a visit (来考察) a
 * week to six weeks later, a third of the visits ending in an intent (达成意向) with its amount and
 * industry. A team docks about half its members' number of enterprises a month, more or less as it
 * does ({@link Team#pace()}); the same enterprise may be docked again, or by another team, so about
 * half the enterprises docked come to visit (Guigang's visit-return rate: 53.89%).
 */
final class DemoEngagements {

    /** How many demo enterprises there are to dock with. */
    static final int ENTERPRISES = 120;
    private static final List<String> INTENT_INDUSTRIES = List.of("C3841", "C3612", "C2110", "C2021", "C1810", "C2614", "C3011",
            "I6510");

    /** One engagement; {@code team} indexes {@link DemoUnits#TEAMS}, {@code enterprise} the demo enterprises. */
    record Engagement(String kind, int team, int enterprise, LocalDate occurredOn, String outcome, String intentAmount,
            String intentIndustryCode) {

        /** The body of {@code POST /api/engagements}, with the ids the teams and enterprises got. */
        Map<String, Object> request(List<String> teamIds, List<String> enterpriseIds) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("kind", kind);
            request.put("orgUnit", DemoUnits.GUIGANG);
            request.put("team", teamIds.get(team));
            request.put("occurredOn", occurredOn.toString());
            request.put("enterpriseIds", List.of(enterpriseIds.get(enterprise)));
            request.put("outcome", outcome);
            if (intentAmount != null) {
                request.put("intentAmount", intentAmount);
                request.put("intentIndustryCode", intentIndustryCode);
            }
            return request;
        }
    }

    private DemoEngagements() {
    }

    static List<Engagement> plans(LocalDate today) {
        DemoCalendar calendar = new DemoCalendar(today);
        Random random = new Random(450801);
        List<Engagement> engagements = new ArrayList<>();
        for (YearMonth month : calendar.monthsOfThisYear()) {
            for (int team = 0; team < DemoUnits.TEAMS.size(); team++) {
                Team resident = DemoUnits.TEAMS.get(team);
                double expected = resident.members() / 2.0 * Math.sqrt(resident.pace()) * calendar.elapsedShare(month);
                int dockings = (int) Math.floor(expected + random.nextDouble());
                for (int i = 0; i < dockings; i++) {
                    int enterprise = random.nextInt(ENTERPRISES);
                    LocalDate docked = month.atDay(1 + random.nextInt(calendar.lastDayUpToToday(month).getDayOfMonth()));
                    boolean interested = random.nextInt(100) >= 10;
                    engagements.add(new Engagement("DOCKING", team, enterprise, docked, interested ? "FOLLOW_UP" : "NO_INTEREST",
                            null, null));
                    LocalDate visited = docked.plusDays(7 + random.nextInt(35));
                    if (interested && random.nextInt(100) < 30 && !visited.isAfter(today)) {
                        if (random.nextInt(100) < 35) {
                            long wan = 10_000L * (1 + random.nextInt(20)) + 500L * random.nextInt(20);
                            engagements.add(new Engagement("VISIT", team, enterprise, visited, "INTENT", wan + "0000.00",
                                    INTENT_INDUSTRIES.get(random.nextInt(INTENT_INDUSTRIES.size()))));
                        } else {
                            engagements.add(new Engagement("VISIT", team, enterprise, visited, "FOLLOW_UP", null, null));
                        }
                    }
                }
            }
        }
        return engagements;
    }
}
