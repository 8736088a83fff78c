package cn.gov.zhaoshang.launcher;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo project library: about 300 projects over every stage, most in Guigang's five counties,
 * the rest in Nanning and Liuzhou, each with the history a bureau would have entered — a
 * registration at the stage reached with its documents, or an earlier registration and the stage
 * moves since, then the funds in place month by month.
 *
 * <p>Figures follow Guigang's published 2026 targets (contract investment 750亿, funds in place
 * 520亿, 300 signings) and its 1–10月 record (seed 002: 247 signings worth 890亿, about 3.6亿 each,
 * two thirds manufacturing): by the autumn the city's signings are near their target, and its funds
 * in place are at a similar share of theirs. Generated from a fixed seed, so every first start loads
 * the same library; dates later than today are never generated (the API refuses future dates).
 */
final class DemoProjects {

    /** Who enters a project: Guigang's officer for Guigang's counties, the region's officer elsewhere. */
    enum Owner { GUIGANG, REGION }

    /** One project's requests, in the order they are sent. */
    record Plan(Owner owner, String county, Map<String, Object> registration, List<Map<String, Object>> moves,
            List<Map<String, Object>> funds, BigDecimal contractAmount, LocalDate signingDate, ProjectStageName stage) {
    }

    enum ProjectStageName { LEAD, INTENT, NEGOTIATING, SIGNED, LANDED, STARTED, COMPLETED, PRODUCING, SUSPENDED, TERMINATED }

    private record County(String code, String name, String city, int weight) {
    }

    private record Industry(String code, String product, boolean manufacturing) {
    }

    private static final List<County> GUIGANG = List.of(
            new County("450881", "桂平", "贵港", 70), new County("450821", "平南", "贵港", 50),
            new County("450802", "港北", "贵港", 45), new County("450803", "港南", "贵港", 40),
            new County("450804", "覃塘", "贵港", 45));
    private static final List<County> OTHER_CITIES = List.of(
            new County("450103", "青秀", "南宁", 12), new County("450108", "良庆", "南宁", 10),
            new County("450126", "宾阳", "南宁", 6), new County("450206", "柳江", "柳州", 12),
            new County("450204", "柳南", "柳州", 10));
    private static final List<Industry> INDUSTRIES = List.of(
            new Industry("C2110", "高端家具家居", true), new Industry("C2021", "人造板及木材精深加工", true),
            new Industry("C3841", "新能源电池", true), new Industry("C3612", "新能源电动车整车及零部件", true),
            new Industry("C1810", "纺织服装", true), new Industry("C2614", "绿色化工新材料", true),
            new Industry("C3011", "钙基新材料", true), new Industry("C2221", "装饰原纸", true),
            new Industry("C3940", "电子信息", true), new Industry("C1340", "糖业循环经济", true),
            new Industry("I6510", "数字经济产业园", false), new Industry("G5411", "现代商贸物流园", false),
            new Industry("R8710", "文旅康养", false), new Industry("D4415", "分布式光伏储能", false));

    /** Stages of Guigang's 250 projects; the other cities' 50 follow the same shares. */
    private static final Map<ProjectStageName, Integer> GUIGANG_STAGES = stageCounts(
            20, 22, 18, 66, 45, 42, 15, 10, 7, 5);
    private static final Map<ProjectStageName, Integer> OTHER_STAGES = stageCounts(
            4, 4, 4, 13, 9, 8, 3, 2, 2, 1);

    private final Random random = new Random(450800);
    private final LocalDate today;
    private int serial;

    private DemoProjects(LocalDate today) {
        this.today = today;
    }

    /** Every demo project's plan, Guigang's first. */
    static List<Plan> plans(LocalDate today) {
        DemoProjects generator = new DemoProjects(today);
        List<Plan> plans = new ArrayList<>();
        plans.addAll(generator.generate(Owner.GUIGANG, GUIGANG, GUIGANG_STAGES));
        plans.addAll(generator.generate(Owner.REGION, OTHER_CITIES, OTHER_STAGES));
        return plans;
    }

    private List<Plan> generate(Owner owner, List<County> counties, Map<ProjectStageName, Integer> stages) {
        List<ProjectStageName> order = new ArrayList<>();
        stages.forEach((stage, count) -> order.addAll(Collections.nCopies(count, stage)));
        Collections.shuffle(order, random);
        List<Plan> plans = new ArrayList<>();
        for (ProjectStageName stage : order) {
            plans.add(plan(owner, pick(counties), stage));
        }
        return plans;
    }

    private Plan plan(Owner owner, County county, ProjectStageName finalStage) {
        serial++;
        Industry industry = random.nextInt(100) < 70 ? pickManufacturing() : INDUSTRIES.get(random.nextInt(INDUSTRIES.size()));
        String name = county.city() + county.name() + industry.product() + "项目（" + projectNumber() + "）";
        String code = "GX" + county.code() + "-" + String.format("%04d", serial);
        boolean signs = finalStage.ordinal() >= ProjectStageName.SIGNED.ordinal();
        // where a suspended or terminated project stood when it stopped
        ProjectStageName reached = switch (finalStage) {
            case SUSPENDED -> random.nextBoolean() ? ProjectStageName.LANDED : ProjectStageName.STARTED;
            case TERMINATED -> random.nextBoolean() ? ProjectStageName.SIGNED : ProjectStageName.NEGOTIATING;
            default -> finalStage;
        };
        signs = signs && reached.ordinal() >= ProjectStageName.SIGNED.ordinal();

        // the dates of each stage reached, oldest first; later stages were signed earlier
        LocalDate signed = signs ? signingDate(reached) : null;
        LocalDate landed = reached.ordinal() >= ProjectStageName.LANDED.ordinal() ? capped(signed.plusDays(20 + random.nextInt(50))) : null;
        LocalDate started = reached.ordinal() >= ProjectStageName.STARTED.ordinal() ? capped(landed.plusDays(15 + random.nextInt(60))) : null;
        LocalDate completed = reached.ordinal() >= ProjectStageName.COMPLETED.ordinal() ? capped(started.plusDays(120 + random.nextInt(120))) : null;
        LocalDate producing = reached == ProjectStageName.PRODUCING ? capped(completed.plusDays(20 + random.nextInt(40))) : null;
        BigDecimal amount = signs ? contractAmount(signed) : null;
        String countyCode = county.code();

        // half the projects are registered at the stage they have reached with every document; the
        // others were registered earlier and moved on as they progressed
        boolean registeredEarly = random.nextBoolean();
        ProjectStageName registeredAt = registeredEarly ? earlierStage(reached) : reached;
        List<Map<String, Object>> evidence = new ArrayList<>();
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("name", name);
        registration.put("orgUnit", countyCode);
        registration.put("projectCode", code);
        registration.put("stage", registeredAt.name());
        registration.put("industryCode", industry.code());
        if (registeredAt.ordinal() >= ProjectStageName.SIGNED.ordinal()) {
            registration.put("contractAmount", yuan(amount));
            registration.put("signingDate", signed.toString());
            evidence.add(document("AGREEMENT", county, "投资协议", signed));
        }
        if (registeredAt.ordinal() >= ProjectStageName.LANDED.ordinal()) {
            evidence.add(landingDocument(county, landed));
        }
        if (registeredAt.ordinal() >= ProjectStageName.STARTED.ordinal()) {
            registration.put("startDate", started.toString());
            evidence.add(document("CONSTRUCTION_PERMIT", county, "施工许可", started));
        }
        if (!evidence.isEmpty()) {
            registration.put("evidence", evidence);
        }

        List<Map<String, Object>> moves = new ArrayList<>();
        LocalDate early = signed != null ? signed.minusDays(60 + random.nextInt(120)) : capped(LocalDate.of(2026, 1 + random.nextInt(10), 1 + random.nextInt(28)));
        for (int stage = registeredAt.ordinal() + 1; stage <= reached.ordinal(); stage++) {
            ProjectStageName to = ProjectStageName.values()[stage];
            Map<String, Object> move = new LinkedHashMap<>();
            move.put("to", to.name());
            switch (to) {
                case INTENT -> move.put("date", capped(early.plusDays(20)).toString());
                case NEGOTIATING -> move.put("date", capped(early.plusDays(45)).toString());
                case SIGNED -> {
                    move.put("date", signed.toString());
                    move.put("contractAmount", yuan(amount));
                    move.put("evidence", document("AGREEMENT", county, "投资协议", signed));
                }
                case LANDED -> {
                    move.put("date", landed.toString());
                    move.put("evidence", landingDocument(county, landed));
                }
                case STARTED -> {
                    move.put("date", started.toString());
                    move.put("evidence", document("CONSTRUCTION_PERMIT", county, "施工许可", started));
                }
                case COMPLETED -> move.put("date", completed.toString());
                case PRODUCING -> move.put("date", producing.toString());
                default -> throw new IllegalStateException("no forward move into " + to);
            }
            moves.add(move);
        }
        if (finalStage == ProjectStageName.SUSPENDED || finalStage == ProjectStageName.TERMINATED) {
            LocalDate last = latest(early, signed, landed, started);
            moves.add(Map.of("to", finalStage.name(), "date", capped(last.plusDays(30 + random.nextInt(60))).toString(),
                    "reason", finalStage == ProjectStageName.SUSPENDED ? "企业资金链紧张，暂缓建设" : "投资方战略调整，终止合作"));
        }

        List<Map<String, Object>> funds = finalStage == ProjectStageName.TERMINATED || !signs ? List.of()
                : fundsInPlace(county, reached, amount, signed, landed, finalStage == ProjectStageName.SUSPENDED);
        return new Plan(owner, countyCode, registration, moves, funds, amount, signed, finalStage);
    }

    /**
     * Funds arrive once the project has landed (a few signed ones get a first payment), in
     * instalments every two to four months since, a larger share of the contract the further the project has come. Only 2026's
     * months are reported; a project signed in 2025 carries on (续建).
     */
    private List<Map<String, Object>> fundsInPlace(County county, ProjectStageName reached, BigDecimal amount,
            LocalDate signed, LocalDate landed, boolean suspended) {
        double share = switch (reached) {
            case SIGNED -> random.nextInt(100) < 35 ? 0.05 + random.nextDouble() * 0.10 : 0;
            case LANDED -> 0.30 + random.nextDouble() * 0.30;
            case STARTED -> 0.60 + random.nextDouble() * 0.30;
            case COMPLETED -> 0.60 + random.nextDouble() * 0.30;
            case PRODUCING -> 0.30 + random.nextDouble() * 0.20;
            default -> 0;
        };
        if (share == 0) {
            return List.of();
        }
        if (suspended) {
            share = share / 3;
        }
        YearMonth first = YearMonth.from(landed != null ? landed : signed.plusDays(30));
        YearMonth january = YearMonth.of(today.getYear(), 1);
        first = first.isBefore(january) ? january : first;
        YearMonth last = YearMonth.from(today);
        if (first.isAfter(last)) {
            return List.of();
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(2 + random.nextInt(3))) {
            months.add(month);
        }
        BigDecimal total = amount.multiply(BigDecimal.valueOf(share));
        List<Map<String, Object>> reports = new ArrayList<>();
        int number = 1;
        for (YearMonth month : months) {
            // uneven instalments: weights 1..3
            BigDecimal part = total.multiply(BigDecimal.valueOf(1 + random.nextInt(3)))
                    .divide(BigDecimal.valueOf(2L * months.size()), 0, RoundingMode.HALF_UP)
                    .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(10_000));
            if (part.signum() <= 0) {
                continue;
            }
            LocalDate arrived = capped(month.atDay(Math.min(5 + random.nextInt(20), month.lengthOfMonth())));
            reports.add(Map.of("month", month.toString(), "amount", yuan(part),
                    "evidence", Map.of("documentType", "BANK_VOUCHER",
                            "documentNumber", county.name() + "到位资金凭证-" + code(month) + "-" + serial + "-" + number++,
                            "documentDate", arrived.toString())));
        }
        return reports;
    }

    /** Later stages were signed earlier: a producing plant was signed in 2025, a fresh signing this year. */
    private LocalDate signingDate(ProjectStageName reached) {
        YearMonth from;
        YearMonth to;
        switch (reached) {
            case SIGNED -> { from = YearMonth.of(2026, 4); to = YearMonth.of(2026, 11); }
            case LANDED -> { from = YearMonth.of(2026, 1); to = YearMonth.of(2026, 9); }
            case STARTED -> { from = YearMonth.of(2025, 10); to = YearMonth.of(2026, 7); }
            case COMPLETED -> { from = YearMonth.of(2025, 1); to = YearMonth.of(2025, 12); }
            default -> { from = YearMonth.of(2024, 10); to = YearMonth.of(2025, 8); }
        }
        int span = (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue() + 1;
        // a project still at SIGNED was mostly signed lately: the nearer the month, the likelier
        YearMonth month = reached == ProjectStageName.SIGNED
                ? to.minusMonths(Math.min(random.nextInt(span), random.nextInt(span)))
                : from.plusMonths(random.nextInt(span));
        return capped(month.atDay(1 + random.nextInt(28)));
    }

    /**
     * This year's signings: most 0.3–3亿, a third 3–10亿, one in twelve 10–30亿. Projects signed in
     * earlier years and still building are the large ones (a big plant takes years), and carry
     * much of the year's funds in place. Whole 万元.
     */
    private BigDecimal contractAmount(LocalDate signed) {
        int draw = random.nextInt(100);
        int large = signed.getYear() < today.getYear() ? 30 : 8;
        double yi = draw < large ? 10 + random.nextDouble() * 20 : draw < 40 ? 3 + random.nextDouble() * 7 : 0.3 + random.nextDouble() * 2.7;
        long wan = Math.round(yi * 10_000);
        return BigDecimal.valueOf(wan * 10_000L);
    }

    private ProjectStageName earlierStage(ProjectStageName reached) {
        return switch (reached) {
            case LEAD, INTENT, NEGOTIATING -> ProjectStageName.LEAD;
            case SIGNED -> ProjectStageName.NEGOTIATING;
            default -> ProjectStageName.SIGNED;
        };
    }

    private Map<String, Object> landingDocument(County county, LocalDate landed) {
        return random.nextBoolean()
                ? document("BUSINESS_REGISTRATION", county, "营业执照", landed)
                : document("LAND_GRANT", county, "土地出让合同", landed);
    }

    private Map<String, Object> document(String type, County county, String kind, LocalDate date) {
        return Map.of("documentType", type, "documentNumber", county.name() + kind + "〔" + date.getYear() + "〕" + serial + "号",
                "documentDate", date.toString());
    }

    private County pick(List<County> counties) {
        int total = counties.stream().mapToInt(County::weight).sum();
        int draw = random.nextInt(total);
        for (County county : counties) {
            draw -= county.weight();
            if (draw < 0) {
                return county;
            }
        }
        throw new IllegalStateException("weights");
    }

    private Industry pickManufacturing() {
        List<Industry> manufacturing = INDUSTRIES.stream().filter(Industry::manufacturing).toList();
        return manufacturing.get(random.nextInt(manufacturing.size()));
    }

    private String projectNumber() {
        return switch (random.nextInt(4)) {
            case 0 -> "一期";
            case 1 -> "二期";
            case 2 -> "扩建";
            default -> "新建";
        } + "·" + serial;
    }

    private LocalDate capped(LocalDate date) {
        return date.isAfter(today) ? today : date;
    }

    private static LocalDate latest(LocalDate... dates) {
        LocalDate latest = null;
        for (LocalDate date : dates) {
            if (date != null && (latest == null || date.isAfter(latest))) {
                latest = date;
            }
        }
        return latest;
    }

    private static String code(YearMonth month) {
        return String.format("%d%02d", month.getYear(), month.getMonthValue());
    }

    private static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static Map<ProjectStageName, Integer> stageCounts(int... counts) {
        Map<ProjectStageName, Integer> stages = new LinkedHashMap<>();
        for (ProjectStageName stage : ProjectStageName.values()) {
            stages.put(stage, counts[stage.ordinal()]);
        }
        return stages;
    }
}
