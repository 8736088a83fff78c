package cn.gov.zhaoshang.reporting.exports.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import cn.gov.zhaoshang.reporting.ranking.application.Standings;
import cn.gov.zhaoshang.reporting.ranking.model.ProjectWarning;
import cn.gov.zhaoshang.reporting.report.model.TargetFigures;
import cn.gov.zhaoshang.reporting.report.model.Ratio;
import cn.gov.zhaoshang.reporting.report.model.UnitReport;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * 季度通报: a printable HTML page (print styles, no script) with the ranking of the child units,
 * a bar chart of their completion, a trend line of the unit's monthly contract investment, and
 * the warnings, rendered from the Mustache template {@code quarterly-briefing.mustache} beside this
 * class. The charts are inline SVG whose coordinates are computed here, so the page needs nothing
 * but a browser or a printer. Every number is the exact figure rounded for display as the API shows it, and carries a
 * {@code data-value} attribute with that same display value for machines.
 */
public final class QuarterlyBriefing {

    private static final int CHART_WIDTH = 640;
    private static final int CHART_HEIGHT = 260;
    private static final int MARGIN_LEFT = 56;
    private static final int MARGIN_BOTTOM = 48;
    private static final int MARGIN_TOP = 20;

    private static final int FONT_SIZE = 11;
    private static final int LABEL_LINES = 3;
    private static final int LABEL_LINE_HEIGHT = 13;

    private static final String TEMPLATE_NAME = "quarterly-briefing.mustache";

    /** The page; what it shows is computed here, and every text is escaped as HTML by the template. */
    private static final Template TEMPLATE = template(TEMPLATE_NAME);

    /**
     * The Content-Security-Policy the page is served with (issue 25, finding 11): it loads nothing and
     * runs nothing (no script source at all), its one inline style sheet is allowed by that sheet's
     * SHA-256 and no other style, no form goes anywhere, no base URL redirects its links, and no other
     * page may frame it. The charts are inline SVG and need nothing more.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + styleSheetHash()
            + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private QuarterlyBriefing() {
    }

    /**
     * @param monthlyContract the unit's contract investment of each month from January to the quarter's end
     * @param projectWarnings project warnings open at the quarter's end, with the name of each project's unit
     */
    public record Input(int year, int quarter, Standings.Result standings, List<MonthAmount> monthlyContract,
            List<NamedProjectWarning> projectWarnings) {
    }

    public record NamedProjectWarning(ProjectWarning warning, String orgUnitName) {
    }

    public record MonthAmount(YearMonth month, BigDecimal yuan) {
    }

    public static String write(Input input) {
        Standings.Result standings = input.standings();
        UnitReport total = standings.report();
        String title = total.orgUnitName() + input.year() + "年第" + input.quarter() + "季度招商引资工作通报";
        Summary summary = new Summary(standings.month().getYear(), standings.month().getMonthValue(), levelWord(total),
                count(total.signedCount().actual()), yiOrDash(total.contractInvestment().actual()),
                percentOrDash(total.contractInvestment().completion()), percentOrDash(total.timeProgress()));
        List<ProjectWarningRow> projectWarnings = projectWarnings(input.projectWarnings());
        return TEMPLATE.execute(new Page(title, summary, ranking(standings), completionChart(standings),
                trendChart(input.monthlyContract()), warnings(standings), projectWarnings, projectWarnings.size(),
                standings.rules().yellowBelowGapPoints().toPlainString(), standings.rules().redBelowGapPoints().toPlainString()));
    }

    // What the template shows: every value already a display string or a coordinate.

    record Page(String title, Summary summary, List<RankingRow> ranking, CompletionChart completion, TrendChart trend,
            List<WarningRow> warnings, List<ProjectWarningRow> projectWarnings, int projectWarningCount,
            String yellowBelowPoints, String redBelowPoints) {
    }

    record Summary(int year, int month, String levelWord, String signedCount, String contractInvestmentYi,
            String completionPercent, String timeProgressPercent) {
    }

    /** @param warningClass yellow or red, or empty */
    record RankingRow(String orgUnit, String warningClass, String rank, String name, String contractInvestmentYi,
            String targetYi, String completionPercent, String progressGapPoints, String warning) {
    }

    record Axis(int width, int height, int left, int top, int bottom, int right, List<Tick> ticks) {
    }

    record Tick(int x, int y, String label) {
    }

    record CompletionChart(Axis axis, List<Bar> bars, TimeProgressLine timeProgress) {
    }

    /** @param drawn false for a unit without completion, shown as a dash */
    record Bar(Label label, String orgUnit, boolean drawn, String value, int x, int y, int width, int height, String fill,
            int centre, int valueY) {
    }

    /**
     * A unit's name under its bar: on one line when it fits the bar's slot, else wrapped onto lines
     * that do, the whole name kept as the label's title.
     */
    record Label(int x, int y, String oneLine, List<LabelLine> lines, String fullName) {
    }

    record LabelLine(int x, int y, String text) {
    }

    record TimeProgressLine(String value, int x1, int x2, int y, int labelX, int labelY) {
    }

    record TrendChart(Axis axis, String points, List<Mark> marks) {
    }

    record Mark(String month, String value, int x, int y, int valueY, int monthY, String monthLabel) {
    }

    record WarningRow(String level, String id, String kind, String name, String completionPercent,
            String progressGapPoints, String label) {
    }

    record ProjectWarningRow(String id, String orgUnitName, String projectId, String kind, String stage, String since) {
    }

    private static List<RankingRow> ranking(Standings.Result standings) {
        List<RankingRow> rows = new ArrayList<>();
        for (Standings.UnitStanding child : standings.children()) {
            TargetFigures.Progress contract = child.figures().contractInvestment();
            rows.add(new RankingRow(child.figures().orgUnit(), child.warning() == null ? "" : child.warning().name().toLowerCase(),
                    child.rank() == null ? "—" : child.rank().toString(), child.figures().orgUnitName(), yiOrDash(contract.actual()),
                    yiOrDash(contract.target()), percentOrDash(contract.completion()), pointsOrDash(contract.progressGap()),
                    child.warning() == null ? "" : child.warning().labelZh()));
        }
        return rows;
    }

    /** Completion of contract investment per child unit, with time progress as a dashed line. */
    private static CompletionChart completionChart(Standings.Result standings) {
        List<Standings.UnitStanding> children = standings.children();
        BigDecimal timeProgress = standings.report().timeProgress().percent(2);
        BigDecimal max = timeProgress.max(BigDecimal.valueOf(100));
        for (Standings.UnitStanding child : children) {
            Ratio completion = child.figures().contractInvestment().completion();
            if (completion != null) {
                max = max.max(completion.percent(2));
            }
        }
        max = roundUpTo(max, 20);
        int plotWidth = CHART_WIDTH - MARGIN_LEFT - 10;
        int plotHeight = CHART_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
        int bottom = CHART_HEIGHT - MARGIN_BOTTOM;
        int slot = children.isEmpty() ? plotWidth : plotWidth / children.size();
        int barWidth = Math.max(8, slot * 3 / 5);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Standings.UnitStanding child = children.get(i);
            Ratio completion = child.figures().contractInvestment().completion();
            int x = MARGIN_LEFT + i * slot + (slot - barWidth) / 2;
            int centre = x + barWidth / 2;
            Label label = label(child.figures().orgUnitName(), centre, bottom + 16, slot);
            if (completion == null) {
                bars.add(new Bar(label, child.figures().orgUnit(), false, "—", x, bottom, barWidth, 0, "", centre, bottom - 4));
                continue;
            }
            BigDecimal percent = completion.percent(2);
            int height = scaled(percent.max(BigDecimal.ZERO), max, plotHeight);
            int y = bottom - height;
            String fill = child.warning() == null ? "#c0392b" : child.warning().name().equals("RED") ? "#8e1b1b" : "#d4a017";
            bars.add(new Bar(label, child.figures().orgUnit(), true, percent.toPlainString(), x, y, barWidth, height, fill,
                    centre, y - 4));
        }
        int progressY = bottom - scaled(timeProgress, max, plotHeight);
        return new CompletionChart(axis(max, plotHeight, "%"), bars, new TimeProgressLine(timeProgress.toPlainString(),
                MARGIN_LEFT, CHART_WIDTH - 10, progressY, CHART_WIDTH - 12, progressY - 4));
    }

    /**
     * The name on one line when it fits the slot (less a little space between neighbours), else cut
     * into lines that do, at most {@link #LABEL_LINES} of them, the last one ending in … when the
     * name is longer still.
     */
    static Label label(String name, int x, int y, int slot) {
        double room = slot - 4;
        if (textWidth(name) <= room) {
            return new Label(x, y, name, List.of(), "");
        }
        List<LabelLine> lines = new ArrayList<>();
        int[] codePoints = name.codePoints().toArray();
        int start = 0;
        while (start < codePoints.length && lines.size() < LABEL_LINES) {
            boolean last = lines.size() == LABEL_LINES - 1;
            int end = start;
            double width = 0;
            while (end < codePoints.length && width + charWidth(codePoints[end]) <= room) {
                width += charWidth(codePoints[end]);
                end++;
            }
            end = Math.max(end, start + 1);
            String text = new String(codePoints, start, end - start);
            if (last && end < codePoints.length) {
                int keep = Math.max(1, end - start - 1);
                text = new String(codePoints, start, keep) + "…";
            }
            lines.add(new LabelLine(x, y + lines.size() * LABEL_LINE_HEIGHT, text));
            start = end;
        }
        return new Label(x, y, "", lines, name);
    }

    /** Width in pixels at the charts' font size: a Chinese character is square, Latin letters and digits about half. */
    static double textWidth(String text) {
        return text.codePoints().mapToDouble(QuarterlyBriefing::charWidth).sum();
    }

    private static double charWidth(int codePoint) {
        return codePoint >= 0x2E80 ? FONT_SIZE : FONT_SIZE * 0.6;
    }

    /** The unit's contract investment month by month, in 亿元. */
    private static TrendChart trendChart(List<MonthAmount> months) {
        BigDecimal max = BigDecimal.ONE;
        for (MonthAmount month : months) {
            max = max.max(yi(month.yuan()));
        }
        max = roundUpTo(max, 10);
        int plotWidth = CHART_WIDTH - MARGIN_LEFT - 20;
        int plotHeight = CHART_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
        int step = months.size() <= 1 ? 0 : plotWidth / (months.size() - 1);
        List<String> points = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            MonthAmount month = months.get(i);
            BigDecimal value = yi(month.yuan());
            int x = MARGIN_LEFT + 10 + i * step;
            int y = CHART_HEIGHT - MARGIN_BOTTOM - scaled(value, max, plotHeight);
            points.add(x + "," + y);
            marks.add(new Mark(month.month().toString(), value.toPlainString(), x, y, y - 6, CHART_HEIGHT - MARGIN_BOTTOM + 16,
                    month.month().getMonthValue() + "月"));
        }
        return new TrendChart(axis(max, plotHeight, ""), String.join(" ", points), marks);
    }

    private static List<WarningRow> warnings(Standings.Result standings) {
        List<WarningRow> rows = new ArrayList<>();
        for (Standings.UnitStanding unit : concat(standings.total(), standings.children())) {
            if (unit.warning() != null) {
                TargetFigures.Progress contract = unit.figures().contractInvestment();
                rows.add(new WarningRow(unit.warning().name().toLowerCase(), unit.figures().orgUnit(), "单位",
                        unit.figures().orgUnitName(), percentOrDash(contract.completion()), pointsOrDash(contract.progressGap()),
                        unit.warning().labelZh()));
            }
        }
        for (Standings.TeamStanding team : standings.teams()) {
            if (team.warning() != null) {
                rows.add(new WarningRow(team.warning().name().toLowerCase(), team.teamId() == null ? "" : team.teamId().toString(),
                        "驻点工作队", team.name() == null ? String.valueOf(team.teamId()) : team.name(),
                        percentOrDash(team.signedInvestment().completion()), pointsOrDash(team.signedInvestment().progressGap()),
                        team.warning().labelZh()));
            }
        }
        return rows;
    }

    /** As project-service raised them; the read model keeps no project names, so projects show by id. */
    private static List<ProjectWarningRow> projectWarnings(List<NamedProjectWarning> warnings) {
        return warnings.stream().map(named -> {
            ProjectWarning warning = named.warning();
            return new ProjectWarningRow(warning.warningId().toString(), named.orgUnitName(), warning.projectId().toString(),
                    switch (warning.kind()) {
                        case "STALE" -> "长期未更新";
                        case "NOT_STARTED" -> "逾期未开工";
                        case "PROBLEM_OVERDUE" -> "问题逾期未解决";
                        default -> warning.kind();
                    }, switch (warning.stage()) {
                        case "NEGOTIATING" -> "在谈";
                        case "SIGNED" -> "签约";
                        case "LANDED" -> "落地";
                        case "STARTED" -> "开工";
                        case "COMPLETED" -> "竣工投产";
                        case "PRODUCING" -> "达产达效";
                        default -> warning.stage();
                    }, String.valueOf(warning.since()));
        }).toList();
    }

    private static Axis axis(BigDecimal max, int plotHeight, String unit) {
        int bottom = CHART_HEIGHT - MARGIN_BOTTOM;
        List<Tick> ticks = new ArrayList<>();
        for (int tick = 0; tick <= 4; tick++) {
            BigDecimal value = max.multiply(BigDecimal.valueOf(tick)).divide(BigDecimal.valueOf(4), 0, RoundingMode.HALF_UP);
            int y = bottom - plotHeight * tick / 4;
            ticks.add(new Tick(MARGIN_LEFT - 6, y + 4, value.toPlainString() + unit));
        }
        return new Axis(CHART_WIDTH, CHART_HEIGHT, MARGIN_LEFT, MARGIN_TOP, bottom, CHART_WIDTH - 10, ticks);
    }

    private static int scaled(BigDecimal value, BigDecimal max, int plotHeight) {
        if (max.signum() == 0) {
            return 0;
        }
        return value.multiply(BigDecimal.valueOf(plotHeight)).divide(max, 0, RoundingMode.HALF_UP).intValue();
    }

    private static BigDecimal roundUpTo(BigDecimal value, int step) {
        BigDecimal steps = value.divide(BigDecimal.valueOf(step), 0, RoundingMode.CEILING);
        return steps.max(BigDecimal.ONE).multiply(BigDecimal.valueOf(step));
    }

    private static List<Standings.UnitStanding> concat(Standings.UnitStanding first, List<Standings.UnitStanding> rest) {
        List<Standings.UnitStanding> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String levelWord(UnitReport report) {
        return switch (report.level()) {
            case "REGION" -> "区";
            case "CITY" -> "市";
            case "COUNTY" -> "县(市、区)";
            default -> "园区";
        };
    }

    static BigDecimal yi(BigDecimal yuan) {
        return yuan == null ? BigDecimal.ZERO.setScale(2) : MonthlyStatisticsWorkbook.yi(yuan);
    }

    private static String yiOrDash(BigDecimal yuan) {
        return yuan == null ? "—" : MonthlyStatisticsWorkbook.yi(yuan).toPlainString();
    }

    private static String percentOrDash(Ratio ratio) {
        return ratio == null ? "—" : ratio.percentForDisplay();
    }

    private static String pointsOrDash(Ratio ratio) {
        return ratio == null ? "—" : ratio.pointsForDisplay();
    }

    /** Base64 of the SHA-256 of the template's style sheet, the text between {@code <style>} and {@code </style>}, as browsers hash it. */
    private static String styleSheetHash() {
        try (InputStream in = QuarterlyBriefing.class.getResourceAsStream(TEMPLATE_NAME)) {
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = page.indexOf("<style>");
            int end = page.indexOf("</style>");
            if (start < 0 || end < start || page.indexOf("<style", start + 1) >= 0) {
                throw new IllegalStateException(TEMPLATE_NAME + " must hold exactly one <style> element for its Content-Security-Policy");
            }
            byte[] sheet = page.substring(start + "<style>".length(), end).getBytes(StandardCharsets.UTF_8);
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(sheet));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Template template(String name) {
        try (Reader reader = new InputStreamReader(QuarterlyBriefing.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            return Mustache.compiler()
                    .withEscaper(Escapers.simple(new String[][] {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"},
                            {"\"", "&quot;"}, {"'", "&#39;"}}))
                    .emptyStringIsFalse(true)
                    .compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String count(BigDecimal count) {
        return count == null ? "—" : count.stripTrailingZeros().toPlainString();
    }
}
