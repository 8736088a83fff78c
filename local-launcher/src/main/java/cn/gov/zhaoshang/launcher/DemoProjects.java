package cn.gov.zhaoshang.launcher;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.gov.zhaoshang.launcher.DemoUnits.Owner;
import cn.gov.zhaoshang.launcher.DemoUnits.Team;
import cn.gov.zhaoshang.launcher.DemoUnits.Unit;

/**
 * The demo project library, relative to the day the platform first starts: signings in every month
 * of last year and of this year up to that day, most in Guigang's five counties and two of its
 * parks, the rest in Nanning and Liuzhou; large projects signed the year before last still
 * building (续建); a pipeline of leads, intents and negotiations; a few suspended and terminated
 * projects. Each comes with the history a bureau would have entered — a registration at the stage
 * reached with its documents, or an earlier registration and the stage moves since — and its funds
 * in place month by month.
 *
 * <p>Figures follow each unit's targets ({@link DemoUnits}; Guigang's published ones: contract
 * investment 750亿, funds in place 520亿, resident teams 350亿, manufacturing share 45%): a unit's
 * signings this year add up to its target × time progress, moved by the unit's gap (ahead, on
 * time, 10–20 points behind, more than 20 behind), spread over the months with the usual slow
 * start around the Spring Festival and pushes in June and December; last year's add up to where it
 * ended. Signings average about 6亿 (Guigang's record, seed 002: 247 signings worth 890亿 in ten
 * months, two thirds of it manufacturing); half of Guigang's come through its resident teams. Funds
 * arrive from landing on, in instalments, and add up per unit and year to its funds target at the
 * same pace. Generated from a fixed seed: the same day gives the same library. No date is later
 * than that day (the API refuses future dates).
 */
final class DemoProjects {

    /** One project's requests, in the order they are sent; {@code residentTeam} indexes {@link DemoUnits#TEAMS}. */
    record Plan(Owner owner, String orgUnit, Map<String, Object> registration, List<Map<String, Object>> moves,
            List<Map<String, Object>> funds, BigDecimal contractAmount, LocalDate signingDate, ProjectStageName stage,
            Integer residentTeam) {

        /** The registration as sent, naming its resident team by the id the team got. */
        Map<String, Object> registration(List<String> teamIds) {
            if (residentTeam == null) {
                return registration;
            }
            Map<String, Object> withTeam = new LinkedHashMap<>(registration);
            withTeam.put("residentTeamId", teamIds.get(residentTeam));
            return withTeam;
        }

        boolean countsAsSigned() {
            return signingDate != null && stage != ProjectStageName.TERMINATED;
        }
    }

    enum ProjectStageName { LEAD, INTENT, NEGOTIATING, SIGNED, LANDED, STARTED, COMPLETED, PRODUCING, SUSPENDED, TERMINATED }

    private record Industry(String code, String product, String chain, boolean manufacturing) {
    }

    private static final List<Industry> INDUSTRIES = List.of(
            new Industry("C2110", "高端家具家居", "高端家具家居", true), new Industry("C2021", "人造板及木材精深加工", "木材加工", true),
            new Industry("C3841", "新能源电池", "新能源电动车", true), new Industry("C3612", "新能源电动车整车及零部件", "新能源电动车", true),
            new Industry("C1810", "纺织服装", "纺织服装", true), new Industry("C2614", "绿色化工新材料", "绿色化工", true),
            new Industry("C3011", "钙基新材料", "新材料", true), new Industry("C2221", "装饰原纸", "轻工业", true),
            new Industry("C3940", "电子信息", "数字经济", true), new Industry("C1340", "糖业循环经济", "轻工业", true),
            new Industry("I6510", "数字经济产业园", "数字经济", false), new Industry("G5411", "现代商贸物流园", "现代商贸物流", false),
            new Industry("R8710", "文旅康养", "大健康和文旅", false), new Industry("D4415", "分布式光伏储能", "向海经济", false));
    private static final List<String> OTHER_CHANNELS = List.of("LEADER_LED", "INDUSTRY_CHAIN", "INDUSTRY_CHAIN", "EXPO",
            "BUSINESS_ASSOCIATION", "BY_INVESTOR", "REINVESTMENT", "INTERMEDIARY");
    private static final List<String> SOURCE_AREAS = List.of("GBA", "GBA", "GBA", "YRD", "YRD", "BTH", "OTHER_DOMESTIC",
            "OTHER_DOMESTIC", "HK_MACAO_TAIWAN");
    /** Signings by month: a slow start around the Spring Festival, pushes at the half year and the year's end. */
    private static final double[] SEASON = {0, 0.75, 0.6, 1.0, 0.95, 1.0, 1.25, 0.9, 0.95, 1.1, 0.9, 1.05, 1.35};
    /** Of Guigang's signings, the share that came through its resident teams. */
    private static final double RESIDENT_TEAM_SHARE = 0.5;
    /** Large projects signed the year before last and still building, as a share of a unit's last-year target. */
    private static final double CONTINUING_SHARE = 0.8;
    private static final BigDecimal YI = new BigDecimal("100000000");
    private static final BigDecimal WAN = new BigDecimal("10000");

    private final Random random = new Random(450800);
    private final DemoCalendar calendar;
    private final LocalDate today;
    private final List<Draft> drafts = new ArrayList<>();
    /** Per year, the resident-team signings given to each team so far. */
    private final Map<Integer, double[]> teamSigned = new HashMap<>();
    private int serial;

    private DemoProjects(DemoCalendar calendar) {
        this.calendar = calendar;
        this.today = calendar.today();
    }

    /** Every demo project's plan for a first start on {@code today}. */
    static List<Plan> plans(LocalDate today) {
        DemoProjects generator = new DemoProjects(new DemoCalendar(today));
        for (Unit unit : DemoUnits.PROJECT_UNITS) {
            generator.continuing(unit);
            generator.signings(unit, generator.calendar.lastYear());
            generator.signings(unit, generator.calendar.year());
        }
        generator.pipeline(Owner.GUIGANG, 20, 22, 18, 3, 2);
        generator.pipeline(Owner.REGION, 4, 4, 4, 1, 0);
        generator.scaleFunds();
        return generator.drafts.stream().map(Draft::plan).toList();
    }

    // --- how much each unit signs

    /** The contract investment a unit's own projects sign in a year (yuan): a county's without its parks'. */
    private BigDecimal plannedContract(Unit unit, int year) {
        BigDecimal planned = planned(unit.contractYi(), year == calendar.year() ? unit.gap() : unit.lastYearGap(), year);
        for (Unit park : DemoUnits.parksOf(unit)) {
            planned = planned.subtract(planned(park.contractYi(), year == calendar.year() ? park.gap() : park.lastYearGap(), year));
        }
        return planned;
    }

    /** The funds in place a unit's own projects report in a year: at half the distance from time progress of its signings. */
    private BigDecimal plannedFunds(Unit unit, int year) {
        BigDecimal planned = planned(unit.fundsYi(), (year == calendar.year() ? unit.gap() : unit.lastYearGap()) / 2, year);
        for (Unit park : DemoUnits.parksOf(unit)) {
            planned = planned.subtract(planned(park.fundsYi(), (year == calendar.year() ? park.gap() : park.lastYearGap()) / 2, year));
        }
        return planned;
    }

    /**
     * A figure of a year to date (this year) or of the whole year (last year), yuan: the target ×
     * (time progress + gap). This year's pace is kept between a quarter and 1.6 times time
     * progress, so that the first weeks of a year are neither empty nor absurd.
     */
    private BigDecimal planned(int targetYi, double gap, int year) {
        double target = year == calendar.year() ? targetYi : DemoUnits.lastYears(targetYi);
        double share;
        if (year == calendar.year()) {
            double elapsed = calendar.yearElapsed();
            share = elapsed * Math.clamp(1 + gap / elapsed, 0.25, 1.6);
        } else {
            share = 1 + gap;
        }
        return BigDecimal.valueOf(Math.round(target * share * 10_000)).multiply(WAN);
    }

    /** A unit's signings of a year, month by month up to today, each month's split into projects. */
    private void signings(Unit unit, int year) {
        List<YearMonth> months = year == calendar.year() ? calendar.monthsOfThisYear() : calendar.monthsOfLastYear();
        double[] weights = new double[months.size()];
        double sum = 0;
        for (int i = 0; i < months.size(); i++) {
            YearMonth month = months.get(i);
            weights[i] = SEASON[month.getMonthValue()] * calendar.elapsedShare(month) * (0.8 + 0.4 * random.nextDouble());
            sum += weights[i];
        }
        BigDecimal total = plannedContract(unit, year);
        BigDecimal left = total;
        for (int i = 0; i < months.size(); i++) {
            BigDecimal amount = i == months.size() - 1 ? left
                    : wan(total.multiply(BigDecimal.valueOf(weights[i] / sum)));
            left = left.subtract(amount);
            YearMonth month = months.get(i);
            for (BigDecimal contract : split(amount, DemoUnits.AVERAGE_SIGNING_YI)) {
                LocalDate signed = month.atDay(1 + random.nextInt(calendar.lastDayUpToToday(month).getDayOfMonth()));
                signed(unit, signed, contract, false);
            }
        }
    }

    /** Large projects signed the year before last, still building and reporting funds (续建). */
    private void continuing(Unit unit) {
        BigDecimal total = BigDecimal.valueOf(Math.round(DemoUnits.lastYears(unit.contractYi()) * CONTINUING_SHARE * 10_000))
                .multiply(WAN);
        for (BigDecimal contract : split(total, 12)) {
            LocalDate signed = LocalDate.of(calendar.year() - 2, 1 + random.nextInt(12), 1 + random.nextInt(28));
            signed(unit, signed, contract, false);
        }
    }

    /** An amount split into about amount ÷ average projects of uneven size, whole 万元, none below 100万. */
    private List<BigDecimal> split(BigDecimal amount, int averageYi) {
        BigDecimal minimum = new BigDecimal("1000000");
        if (amount.compareTo(minimum) < 0) {
            return List.of();
        }
        int count = (int) Math.max(1, Math.min(amount.divide(minimum, 0, RoundingMode.DOWN).longValue(),
                Math.round(amount.divide(YI, 4, RoundingMode.HALF_UP).doubleValue() / averageYi)));
        double[] weights = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = Math.exp(0.7 * random.nextGaussian());
            sum += weights[i];
        }
        List<BigDecimal> parts = new ArrayList<>();
        BigDecimal left = amount;
        for (int i = 0; i < count - 1; i++) {
            BigDecimal part = wan(amount.multiply(BigDecimal.valueOf(weights[i] / sum))).max(minimum);
            if (left.subtract(part).compareTo(minimum) < 0) {
                break;
            }
            parts.add(part);
            left = left.subtract(part);
        }
        parts.add(left);
        return parts;
    }

    // --- one project's history

    /** A project that had signed by today; {@code terminated}: dropped 1–4 months after signing. */
    private void signed(Unit unit, LocalDate signed, BigDecimal amount, boolean terminated) {
        Draft draft = newDraft(unit);
        if (draft.team != null) {
            draft.team = teamFor(signed.getYear(), amount);
        }
        LocalDate landed = signed.plusDays(20 + random.nextInt(50));
        LocalDate started = landed.plusDays(15 + random.nextInt(60));
        LocalDate completed = started.plusDays(150 + random.nextInt(150));
        LocalDate producing = completed.plusDays(30 + random.nextInt(60));
        // not every project keeps to the schedule: some stay longer at a stage than its dates allow
        double pace = random.nextDouble();
        ProjectStageName furthest = pace < 0.10 ? ProjectStageName.SIGNED : pace < 0.28 ? ProjectStageName.LANDED
                : pace < 0.62 ? ProjectStageName.STARTED : pace < 0.84 ? ProjectStageName.COMPLETED : ProjectStageName.PRODUCING;
        ProjectStageName reached = ProjectStageName.SIGNED;
        for (var stage : List.of(Map.entry(ProjectStageName.LANDED, landed), Map.entry(ProjectStageName.STARTED, started),
                Map.entry(ProjectStageName.COMPLETED, completed), Map.entry(ProjectStageName.PRODUCING, producing))) {
            if (terminated || stage.getKey().ordinal() > furthest.ordinal() || stage.getValue().isAfter(today)) {
                break;
            }
            reached = stage.getKey();
        }
        draft.signed = signed;
        draft.amount = amount;
        draft.landed = reached.ordinal() >= ProjectStageName.LANDED.ordinal() ? landed : null;
        draft.started = reached.ordinal() >= ProjectStageName.STARTED.ordinal() ? started : null;
        draft.completed = reached.ordinal() >= ProjectStageName.COMPLETED.ordinal() ? completed : null;
        draft.producing = reached == ProjectStageName.PRODUCING ? producing : null;
        draft.reached = reached;
        draft.finalStage = reached;
        LocalDate last = latest(signed, draft.landed, draft.started);
        if (terminated) {
            draft.finalStage = ProjectStageName.TERMINATED;
            draft.stoppedOn = calendar.capped(signed.plusDays(30 + random.nextInt(90)));
        } else if ((reached == ProjectStageName.LANDED || reached == ProjectStageName.STARTED) && random.nextInt(100) < 5) {
            LocalDate suspended = last.plusDays(30 + random.nextInt(60));
            if (!suspended.isAfter(today)) {
                draft.finalStage = ProjectStageName.SUSPENDED;
                draft.stoppedOn = suspended;
            }
        }
        if (!terminated) {
            fundsInPlace(draft);
        }
    }

    /** Leads, intents and negotiations of the last months, and projects terminated after signing or in negotiation. */
    private void pipeline(Owner owner, int leads, int intents, int negotiations, int terminatedAfterSigning,
            int terminatedInNegotiation) {
        List<Unit> units = DemoUnits.PROJECT_UNITS.stream().filter(unit -> unit.owner() == owner).toList();
        List<ProjectStageName> stages = new ArrayList<>();
        stages.addAll(Collections.nCopies(leads, ProjectStageName.LEAD));
        stages.addAll(Collections.nCopies(intents, ProjectStageName.INTENT));
        stages.addAll(Collections.nCopies(negotiations + terminatedInNegotiation, ProjectStageName.NEGOTIATING));
        for (int i = 0; i < stages.size(); i++) {
            Draft draft = newDraft(pick(units));
            draft.reached = stages.get(i);
            draft.finalStage = stages.get(i);
            draft.early = calendar.capped(today.minusDays(5 + random.nextInt(150)));
            if (i >= leads + intents + negotiations) {
                draft.finalStage = ProjectStageName.TERMINATED;
                draft.stoppedOn = calendar.capped(draft.early.plusDays(50 + random.nextInt(60)));
            }
        }
        for (int i = 0; i < terminatedAfterSigning; i++) {
            YearMonth month = YearMonth.of(calendar.lastYear(), 1).plusMonths(random.nextInt(12 + calendar.today().getMonthValue()));
            LocalDate signed = month.atDay(1 + random.nextInt(calendar.lastDayUpToToday(month).getDayOfMonth()));
            signed(pick(units), signed, BigDecimal.valueOf(2 + random.nextInt(8)).multiply(YI), true);
        }
    }

    private Draft newDraft(Unit unit) {
        Draft draft = new Draft();
        serial++;
        draft.serial = serial;
        draft.unit = unit;
        draft.industry = random.nextDouble() < unit.manufacturing() ? pickManufacturing() : pickOther();
        if (unit.guigang() && random.nextDouble() < RESIDENT_TEAM_SHARE) {
            draft.team = pickTeam();
            draft.channel = "RESIDENT_TEAM";
            draft.sourceArea = DemoUnits.TEAMS.get(draft.team).keyArea();
        } else {
            draft.channel = OTHER_CHANNELS.get(random.nextInt(OTHER_CHANNELS.size()));
            draft.sourceArea = SOURCE_AREAS.get(random.nextInt(SOURCE_AREAS.size()));
        }
        draft.registeredEarly = random.nextBoolean();
        draft.landingDocument = random.nextBoolean() ? "BUSINESS_REGISTRATION" : "LAND_GRANT";
        draft.phase = switch (random.nextInt(4)) {
            case 0 -> "一期";
            case 1 -> "二期";
            case 2 -> "扩建";
            default -> "新建";
        };
        drafts.add(draft);
        return draft;
    }

    /**
     * Funds arrive once the project has landed (a few signed ones get a first payment), in
     * instalments every two or three months over its construction, a share of the contract the
     * larger the further it has come, until it is completed or suspended. Months before last year
     * are not reported (the library's history starts there). Amounts are scaled per unit and year
     * afterwards ({@link #scaleFunds}).
     */
    private void fundsInPlace(Draft draft) {
        YearMonth earliest = YearMonth.of(calendar.lastYear(), 1);
        YearMonth stop = draft.finalStage == ProjectStageName.SUSPENDED ? YearMonth.from(draft.stoppedOn) : calendar.currentMonth();
        if (draft.reached == ProjectStageName.SIGNED) {
            if (random.nextInt(100) < 30) {
                YearMonth first = YearMonth.from(draft.signed.plusDays(15 + random.nextInt(30)));
                if (!first.isBefore(earliest) && !first.isAfter(stop)) {
                    draft.funds.put(first, new BigDecimal(draft.amount.doubleValue() * (0.05 + 0.1 * random.nextDouble())));
                }
            }
            return;
        }
        YearMonth start = YearMonth.from(draft.landed);
        YearMonth end = draft.completed != null ? YearMonth.from(draft.completed) : start.plusMonths(9 + random.nextInt(10));
        double share = 0.6 + 0.3 * random.nextDouble();
        List<YearMonth> instalments = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        int total = 0;
        for (YearMonth month = start; !month.isAfter(end); month = month.plusMonths(2 + random.nextInt(3))) {
            instalments.add(month);
            int weight = 1 + random.nextInt(3);
            weights.add(weight);
            total += weight;
        }
        for (int i = 0; i < instalments.size(); i++) {
            YearMonth month = instalments.get(i);
            // of the current month's instalments, those that arrived in its days so far
            boolean arrived = !month.equals(calendar.currentMonth()) || random.nextDouble() < calendar.elapsedShare(month);
            if (!month.isBefore(earliest) && !month.isAfter(stop) && arrived) {
                draft.funds.put(month, new BigDecimal(draft.amount.doubleValue() * share * weights.get(i) / total));
            }
        }
    }

    /**
     * Scales each unit's funds of each year to its plan, then keeps every project's funds to date
     * within 95% of its contract.
     */
    private void scaleFunds() {
        Map<String, BigDecimal> raw = new HashMap<>();
        for (Draft draft : drafts) {
            draft.funds.forEach((month, amount) -> raw.merge(draft.unit.code() + "/" + month.getYear(), amount, BigDecimal::add));
        }
        for (Draft draft : drafts) {
            BigDecimal reported = BigDecimal.ZERO;
            BigDecimal ceiling = draft.amount == null ? BigDecimal.ZERO : draft.amount.multiply(new BigDecimal("0.95"));
            for (Map.Entry<YearMonth, BigDecimal> funds : new java.util.TreeMap<>(draft.funds).entrySet()) {
                BigDecimal planned = plannedFunds(draft.unit, funds.getKey().getYear());
                BigDecimal sum = raw.get(draft.unit.code() + "/" + funds.getKey().getYear());
                BigDecimal amount = wan(funds.getValue().multiply(planned).divide(sum, 10, RoundingMode.HALF_UP));
                amount = amount.min(wan(ceiling.subtract(reported)));
                if (amount.compareTo(new BigDecimal("100000")) < 0) {
                    draft.funds.remove(funds.getKey());
                    continue;
                }
                draft.funds.put(funds.getKey(), amount);
                reported = reported.add(amount);
            }
        }
    }

    /** A project as planned, until its requests are written out. */
    private final class Draft {
        int serial;
        Unit unit;
        Industry industry;
        String channel;
        Integer team;
        String sourceArea;
        boolean registeredEarly;
        String landingDocument;
        String phase;
        ProjectStageName reached;
        ProjectStageName finalStage;
        /** When a project not signed came in: its moves into INTENT and NEGOTIATING follow it. */
        LocalDate early;
        LocalDate signed;
        LocalDate landed;
        LocalDate started;
        LocalDate completed;
        LocalDate producing;
        LocalDate stoppedOn;
        BigDecimal amount;
        final Map<YearMonth, BigDecimal> funds = new java.util.TreeMap<>();

        Plan plan() {
            String name = unit.projectPrefix() + industry.product() + "项目（" + phase + "·" + serial + "）";
            ProjectStageName registeredAt = registeredEarly ? earlierStage(reached) : reached;
            List<Map<String, Object>> evidence = new ArrayList<>();
            Map<String, Object> registration = new LinkedHashMap<>();
            registration.put("name", name);
            registration.put("orgUnit", unit.code());
            registration.put("projectCode", "GX" + unit.code() + "-" + String.format("%04d", serial));
            registration.put("stage", registeredAt.name());
            registration.put("industryCode", industry.code());
            registration.put("industryChainTags", List.of(industry.chain()));
            registration.put("sourceKeyArea", sourceArea);
            registration.put("channel", channel);
            if (registeredAt.ordinal() >= ProjectStageName.SIGNED.ordinal()) {
                registration.put("contractAmount", yuan(amount));
                registration.put("signingDate", signed.toString());
                evidence.add(document("AGREEMENT", "投资协议", signed));
            }
            // a back-filled project records the date of every stage it reached
            if (registeredAt.ordinal() >= ProjectStageName.LANDED.ordinal()) {
                registration.put("landingDate", landed.toString());
                evidence.add(document(landingDocument, landingDocument.equals("LAND_GRANT") ? "土地出让合同" : "营业执照", landed));
            }
            if (registeredAt.ordinal() >= ProjectStageName.STARTED.ordinal()) {
                registration.put("startDate", started.toString());
                evidence.add(document("CONSTRUCTION_PERMIT", "施工许可", started));
            }
            if (registeredAt.ordinal() >= ProjectStageName.COMPLETED.ordinal()) {
                registration.put("completionDate", completed.toString());
            }
            if (registeredAt == ProjectStageName.PRODUCING) {
                registration.put("productionDate", producing.toString());
            }
            if (!evidence.isEmpty()) {
                registration.put("evidence", evidence);
            }
            List<Map<String, Object>> moves = new ArrayList<>();
            for (int stage = registeredAt.ordinal() + 1; stage <= reached.ordinal(); stage++) {
                ProjectStageName to = ProjectStageName.values()[stage];
                Map<String, Object> move = new LinkedHashMap<>();
                move.put("to", to.name());
                switch (to) {
                    case INTENT -> move.put("date", calendar.capped(early.plusDays(20)).toString());
                    case NEGOTIATING -> move.put("date", calendar.capped(early.plusDays(45)).toString());
                    case SIGNED -> {
                        move.put("date", signed.toString());
                        move.put("contractAmount", yuan(amount));
                        move.put("evidence", document("AGREEMENT", "投资协议", signed));
                    }
                    case LANDED -> {
                        move.put("date", landed.toString());
                        move.put("evidence", document(landingDocument, landingDocument.equals("LAND_GRANT") ? "土地出让合同" : "营业执照",
                                landed));
                    }
                    case STARTED -> {
                        move.put("date", started.toString());
                        move.put("evidence", document("CONSTRUCTION_PERMIT", "施工许可", started));
                    }
                    case COMPLETED -> move.put("date", completed.toString());
                    case PRODUCING -> move.put("date", producing.toString());
                    default -> throw new IllegalStateException("no forward move into " + to);
                }
                moves.add(move);
            }
            if (finalStage == ProjectStageName.SUSPENDED || finalStage == ProjectStageName.TERMINATED) {
                moves.add(Map.of("to", finalStage.name(), "date", stoppedOn.toString(),
                        "reason", finalStage == ProjectStageName.SUSPENDED ? "企业资金链紧张，暂缓建设" : "投资方战略调整，终止合作"));
            }
            List<Map<String, Object>> reports = new ArrayList<>();
            int number = 1;
            for (Map.Entry<YearMonth, BigDecimal> entry : funds.entrySet()) {
                YearMonth month = entry.getKey();
                LocalDate arrived = calendar.capped(month.atDay(Math.min(5 + (serial + number * 7) % 20, month.lengthOfMonth())));
                reports.add(Map.of("month", month.toString(), "amount", yuan(entry.getValue()),
                        "evidence", Map.of("documentType", "BANK_VOUCHER",
                                "documentNumber", unit.name() + "到位资金凭证-" + code(month) + "-" + serial + "-" + number++,
                                "documentDate", arrived.toString())));
            }
            return new Plan(unit.owner(), unit.code(), registration, moves, reports, amount, signed, finalStage, team);
        }

        private Map<String, Object> document(String type, String kind, LocalDate date) {
            return Map.of("documentType", type, "documentNumber", unit.name() + kind + "〔" + date.getYear() + "〕" + serial + "号",
                    "documentDate", date.toString());
        }
    }

    private static ProjectStageName earlierStage(ProjectStageName reached) {
        return switch (reached) {
            case LEAD, INTENT, NEGOTIATING -> ProjectStageName.LEAD;
            case SIGNED -> ProjectStageName.NEGOTIATING;
            default -> ProjectStageName.SIGNED;
        };
    }

    /**
     * The team of a resident-team signing: the one furthest behind its share of the year's team
     * signings (its members × how well it does), so that each team ends near its share.
     */
    private int teamFor(int year, BigDecimal amount) {
        double[] sums = teamSigned.computeIfAbsent(year, ignored -> new double[DemoUnits.TEAMS.size()]);
        int behind = 0;
        for (int i = 1; i < sums.length; i++) {
            if (sums[i] / share(DemoUnits.TEAMS.get(i)) < sums[behind] / share(DemoUnits.TEAMS.get(behind))) {
                behind = i;
            }
        }
        sums[behind] += amount.doubleValue();
        return behind;
    }

    private static double share(Team team) {
        return team.members() * team.pace();
    }

    /** A team for a project not signed: by its members and how well it does. */
    private int pickTeam() {
        double total = DemoUnits.TEAMS.stream().mapToDouble(team -> team.members() * team.pace()).sum();
        double draw = random.nextDouble() * total;
        for (int i = 0; i < DemoUnits.TEAMS.size(); i++) {
            Team team = DemoUnits.TEAMS.get(i);
            draw -= team.members() * team.pace();
            if (draw < 0) {
                return i;
            }
        }
        return DemoUnits.TEAMS.size() - 1;
    }

    /** A unit by the size of its target. */
    private Unit pick(List<Unit> units) {
        int total = units.stream().mapToInt(Unit::contractYi).sum();
        int draw = random.nextInt(total);
        for (Unit unit : units) {
            draw -= unit.contractYi();
            if (draw < 0) {
                return unit;
            }
        }
        throw new IllegalStateException("weights");
    }

    private Industry pickManufacturing() {
        List<Industry> manufacturing = INDUSTRIES.stream().filter(Industry::manufacturing).toList();
        return manufacturing.get(random.nextInt(manufacturing.size()));
    }

    private Industry pickOther() {
        List<Industry> others = INDUSTRIES.stream().filter(industry -> !industry.manufacturing()).toList();
        return others.get(random.nextInt(others.size()));
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

    private static BigDecimal wan(BigDecimal yuan) {
        return yuan.divide(WAN, 0, RoundingMode.HALF_UP).multiply(WAN);
    }

    private static String code(YearMonth month) {
        return String.format("%d%02d", month.getYear(), month.getMonthValue());
    }

    private static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
