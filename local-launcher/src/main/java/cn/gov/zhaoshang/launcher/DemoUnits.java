package cn.gov.zhaoshang.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The units the demo data is about: the three cities with projects, their counties and two
 * industrial parks with targets, Guigang's resident teams, and each unit's annual targets for this
 * year and last.
 *
 * <p>Guigang's city targets are its published ones (seed 002: contract investment 750亿, funds in
 * place 520亿, resident teams 350亿, manufacturing share 45%); its counties' add up to a little more
 * (770亿), as counties' targets usually do. Last year's targets are this year's less the tenth the
 * Guangxi plan asks to grow by. Each county and park stands at its own distance from time
 * progress ({@code gap}, in hundredths: +0.05 is 5 points ahead), so that the console shows units
 * ahead, on time, and behind by more than 10 points (yellow) and more than 20 (red).
 */
final class DemoUnits {

    /** Who enters a unit's projects: Guigang's officer for Guigang, the region's officer elsewhere. */
    enum Owner { GUIGANG, REGION }

    /** Who sets a unit's targets: a target admin of an ancestor, the region's or Guigang's. */
    enum Setter { REGION_TARGET_ADMIN, GUIGANG_TARGET_ADMIN }

    enum Kind { CITY, COUNTY, PARK }

    /**
     * @param contractYi this year's contract investment target, 亿元
     * @param fundsYi this year's funds-in-place target, 亿元
     * @param gap where its contract investment stands against time progress on the day the data is made
     * @param lastYearGap where it ended last year against its target
     * @param manufacturing the share of its signings (by count) in manufacturing
     */
    record Unit(String code, String name, String cityName, String parentCode, Kind kind, Owner owner, Setter setter,
            int contractYi, int fundsYi, double gap, double lastYearGap, double manufacturing) {

        boolean guigang() {
            return owner == Owner.GUIGANG;
        }

        /** The prefix of its projects' names, e.g. 贵港桂平 or 贵港桂平长安园区. */
        String projectPrefix() {
            return cityName + name;
        }
    }

    /** A park the demo adds to the tree; the first park under a unit gets the unit's code + P01. */
    record Park(String parentCode, String code, String nameZh, String nameEn) {
    }

    /** A resident team of Guigang (seed 002: 7 teams of 39 people); {@code pace} is how well it does against its own target. */
    record Team(String name, String keyArea, int members, int contractTargetYi, int lastYearContractTargetYi, double pace) {

        String fullName() {
            return "贵港市" + name;
        }
    }

    static final String GUIGANG = "450800";
    static final String NANNING = "450100";
    static final String LIUZHOU = "450200";
    /** The average contract of a signing, 亿元: the signed-count targets assume it. */
    static final int AVERAGE_SIGNING_YI = 6;
    static final int MANUFACTURING_SHARE_PERCENT = 45;
    static final int GUIGANG_TEAMS_CONTRACT_YI = 350;

    static final List<Park> PARKS = List.of(
            new Park("450881", "450881P01", "桂平市长安工业园区", "Guiping Chang'an Industrial Park"),
            new Park("450802", "450802P01", "港北区贵港产业园", "Gangbei Guigang Industrial Park"),
            new Park(GUIGANG, "450800P01", "中国—东盟（贵港）新能源电动车产业园", "China–ASEAN (Guigang) New-Energy Vehicle Park"));

    static final List<Unit> CITIES = List.of(
            city(GUIGANG, "贵港", 750, 520),
            city(NANNING, "南宁", 120, 85),
            city(LIUZHOU, "柳州", 90, 60));

    /** The units projects are entered in: counties, and parks under counties (their figures count in the county's too). */
    static final List<Unit> PROJECT_UNITS = List.of(
            guigang("450881", "桂平", GUIGANG, Kind.COUNTY, 210, 145, 0.08, 0.02, 0.72),
            guigang("450881P01", "桂平长安园区", "450881", Kind.PARK, 70, 45, 0.12, 0.03, 0.90),
            guigang("450821", "平南", GUIGANG, Kind.COUNTY, 160, 105, 0.04, -0.06, 0.70),
            guigang("450802", "港北", GUIGANG, Kind.COUNTY, 150, 100, -0.04, -0.02, 0.60),
            guigang("450802P01", "港北产业园", "450802", Kind.PARK, 45, 30, -0.06, -0.05, 0.85),
            guigang("450803", "港南", GUIGANG, Kind.COUNTY, 130, 85, -0.14, -0.12, 0.55),
            guigang("450804", "覃塘", GUIGANG, Kind.COUNTY, 120, 80, -0.25, -0.21, 0.65),
            region("450103", "青秀", "南宁", NANNING, 50, 35, 0.05, -0.02, 0.45),
            region("450108", "良庆", "南宁", NANNING, 40, 30, -0.06, -0.08, 0.65),
            region("450126", "宾阳", "南宁", NANNING, 30, 20, -0.12, -0.15, 0.70),
            region("450206", "柳江", "柳州", LIUZHOU, 50, 35, 0.04, -0.03, 0.80),
            region("450204", "柳南", "柳州", LIUZHOU, 40, 25, -0.02, -0.04, 0.75));

    static final List<Team> TEAMS = List.of(
            new Team("驻粤港澳大湾区招商工作队（深圳）", "GBA", 6, 54, 49, 1.15),
            new Team("驻粤港澳大湾区招商工作队（广州）", "GBA", 6, 54, 49, 1.05),
            new Team("驻粤港澳大湾区招商工作队（东莞）", "GBA", 6, 54, 49, 0.95),
            new Team("驻长三角招商工作队（上海）", "YRD", 6, 54, 49, 1.10),
            new Team("驻长三角招商工作队（杭州）", "YRD", 5, 45, 41, 0.85),
            new Team("驻京津冀招商工作队（北京）", "BTH", 5, 45, 41, 0.75),
            new Team("驻成渝招商工作队（成都）", "OTHER_DOMESTIC", 5, 44, 42, 0.70));

    private DemoUnits() {
    }

    /** The unit's parks among the project units (桂平: 长安园区). */
    static List<Unit> parksOf(Unit county) {
        return PROJECT_UNITS.stream().filter(unit -> unit.kind() == Kind.PARK && unit.parentCode().equals(county.code())).toList();
    }

    /** Last year's target from this year's: a tenth less, to the nearest 5 (750 → 680, 350 → 320). */
    static int lastYears(int thisYears) {
        return (int) Math.round(thisYears / 1.1 / 5) * 5;
    }

    /** A target request: who sets it, and the body of {@code POST /api/targets}. */
    record TargetRequest(Setter setter, Map<String, Object> body) {
    }

    /** The targets of every city, county and park above, for last year and this year. */
    static List<TargetRequest> targetRequests(DemoCalendar calendar) {
        List<TargetRequest> requests = new ArrayList<>();
        for (int year : List.of(calendar.lastYear(), calendar.year())) {
            boolean thisYear = year == calendar.year();
            for (Unit unit : allUnits()) {
                int contract = thisYear ? unit.contractYi() : lastYears(unit.contractYi());
                int funds = thisYear ? unit.fundsYi() : lastYears(unit.fundsYi());
                Map<String, String> figures = new LinkedHashMap<>();
                figures.put("CONTRACT_INVESTMENT", yuan(contract));
                figures.put("FUNDS_IN_PLACE", yuan(funds));
                figures.put("SIGNED_COUNT", String.valueOf(Math.round((double) contract / AVERAGE_SIGNING_YI)));
                if (unit.kind() == Kind.CITY) {
                    figures.put("MANUFACTURING_SHARE", String.valueOf(MANUFACTURING_SHARE_PERCENT));
                    if (unit.code().equals(GUIGANG)) {
                        figures.put("RESIDENT_TEAM_CONTRACT",
                                yuan(thisYear ? GUIGANG_TEAMS_CONTRACT_YI : lastYears(GUIGANG_TEAMS_CONTRACT_YI)));
                    }
                } else {
                    // metrics.md: at least 30 projects into the library per county and key park a year
                    figures.put("LIBRARY_INTAKE", "30");
                }
                requests.add(new TargetRequest(unit.setter(), Map.of("orgUnit", unit.code(), "year", year, "figures", figures)));
            }
        }
        return requests;
    }

    static List<Unit> allUnits() {
        List<Unit> units = new ArrayList<>(CITIES);
        units.addAll(PROJECT_UNITS);
        return units;
    }

    static String yuan(int yi) {
        return yi + "00000000.00";
    }

    private static Unit city(String code, String name, int contractYi, int fundsYi) {
        return new Unit(code, name, name, "450000", Kind.CITY, code.equals(GUIGANG) ? Owner.GUIGANG : Owner.REGION,
                Setter.REGION_TARGET_ADMIN, contractYi, fundsYi, 0, 0, 0);
    }

    private static Unit guigang(String code, String name, String parent, Kind kind, int contractYi, int fundsYi, double gap,
            double lastYearGap, double manufacturing) {
        return new Unit(code, name, "贵港", parent, kind, Owner.GUIGANG, Setter.GUIGANG_TARGET_ADMIN, contractYi, fundsYi, gap,
                lastYearGap, manufacturing);
    }

    private static Unit region(String code, String name, String cityName, String parent, int contractYi, int fundsYi, double gap,
            double lastYearGap, double manufacturing) {
        return new Unit(code, name, cityName, parent, Kind.COUNTY, Owner.REGION, Setter.REGION_TARGET_ADMIN, contractYi, fundsYi,
                gap, lastYearGap, manufacturing);
    }
}
