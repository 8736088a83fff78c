package cn.gov.zhaoshang.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Demo enterprises: invented names (示范…) with valid unified social credit codes, so that no real
 * company is shown with invented figures.
 */
final class DemoEnterprises {

    private static final String CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String[][] HEADQUARTERS = {
            {"440300", "深圳"}, {"440100", "广州"}, {"310000", "上海"}, {"330100", "杭州"}, {"110000", "北京"}, {"510100", "成都"}};
    private static final String[][] INDUSTRIES = {
            {"C3841", "新能源电池", "新能源电动车"}, {"C2110", "家居", "高端家具家居"}, {"C1810", "纺织服装", "纺织服装"},
            {"C3612", "汽车零部件", "汽车"}, {"C2614", "精细化工", "绿色化工"}, {"I6510", "数字科技", "数字经济"}};

    private DemoEnterprises() {
    }

    /** A registration request for demo enterprise number {@code n} (0-based). */
    static Map<String, Object> registration(int n) {
        String[] headquarters = HEADQUARTERS[n % HEADQUARTERS.length];
        String[] industry = INDUSTRIES[n % INDUSTRIES.length];
        return Map.of(
                "uscc", uscc(headquarters[0], n),
                "nameZh", headquarters[1] + "示范" + industry[1] + (n + 1) + "号有限公司",
                "nameEn", "Demo " + (n + 1) + " Co., Ltd.",
                "headquartersAdminCode", headquarters[0],
                "ownership", n % 7 == 0 ? "CENTRAL_SOE" : "PRIVATE",
                "industryCode", industry[0],
                "chainTags", List.of(industry[2]),
                "listed", n % 3 == 0);
    }

    /** A valid USCC: 9 (industry and commerce) 1 (enterprise), the division code, an invented body, the check character. */
    static String uscc(String divisionCode, int n) {
        String body = "91" + divisionCode + String.format("MA%07d", 1_000_000 + n);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CODE_CHARACTERS.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return body + CODE_CHARACTERS.charAt(check == 31 ? 0 : check);
    }

    /**
     * Editions published last year (the lists come out between April and September, so last year's
     * are the latest whatever the day), and which demo enterprises (by number) are on each.
     */
    static List<Edition> editions(int lastYear) {
        String year = String.valueOf(lastYear);
        List<Edition> editions = new ArrayList<>();
        editions.add(new Edition("FORTUNE_GLOBAL_500", year, year + "-07-29", null, range(0, 6)));
        editions.add(new Edition("CHINA_500", year, year + "-09-06", null, range(0, 12)));
        editions.add(new Edition("CHINA_PRIVATE_500", year, year + "-08-28", null, range(6, 18)));
        editions.add(new Edition("CHINA_MANUFACTURING_500", year, year + "-09-06", null, range(10, 20)));
        editions.add(new Edition("UNICORN", year, year + "-04-15", null, range(20, 26)));
        editions.add(new Edition("LITTLE_GIANT", year + "年度批次", year + "-07-01", 3, range(26, 40)));
        return editions;
    }

    record Edition(String enterpriseClass, String edition, String publishedOn, Integer validYears, List<Integer> members) {
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i < to; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
