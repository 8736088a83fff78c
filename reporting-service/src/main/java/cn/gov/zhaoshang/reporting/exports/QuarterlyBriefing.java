package cn.gov.zhaoshang.reporting.exports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.gov.zhaoshang.reporting.ranking.ProjectWarnings;
import cn.gov.zhaoshang.reporting.ranking.Standings;
import cn.gov.zhaoshang.reporting.report.TargetFigures;
import cn.gov.zhaoshang.reporting.report.Ratio;
import cn.gov.zhaoshang.reporting.report.UnitReport;

/**
 * 季度通报: a printable HTML page (print styles, no script) with the ranking of the child units,
 * a bar chart of their completion, a trend line of the unit's monthly contract investment, and
 * the warnings. The charts are inline SVG drawn here, so the page needs nothing but a browser or a
 * printer. Every number is the exact figure rounded for display as the API shows it, and carries a
 * {@code data-value} attribute with that same display value for machines.
 */
public final class QuarterlyBriefing {

    private static final int CHART_WIDTH = 640;
    private static final int CHART_HEIGHT = 260;
    private static final int MARGIN_LEFT = 56;
    private static final int MARGIN_BOTTOM = 48;
    private static final int MARGIN_TOP = 20;

    private QuarterlyBriefing() {
    }

    /**
     * @param monthlyContract the unit's contract investment of each month from January to the quarter's end
     */
    /**
     * @param projectWarnings project warnings open at the quarter's end, with the name of each project's unit
     */
    public record Input(int year, int quarter, Standings.Result standings, List<MonthAmount> monthlyContract,
            List<NamedProjectWarning> projectWarnings) {
    }

    public record NamedProjectWarning(ProjectWarnings.ProjectWarning warning, String orgUnitName) {
    }

    public record MonthAmount(YearMonth month, BigDecimal yuan) {
    }

    public static String write(Input input) {
        Standings.Result standings = input.standings();
        UnitReport total = standings.report();
        String title = total.orgUnitName() + input.year() + "年第" + input.quarter() + "季度招商引资工作通报";
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"SimSun\",sans-serif;margin:2em;color:#222}\n")
                .append("h1{font-size:1.5em;text-align:center}h2{font-size:1.15em;border-left:4px solid #b22;padding-left:.5em}\n")
                .append("table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border:1px solid #999;padding:.3em .5em;text-align:center}\n")
                .append("th{background:#f3e9e9}td.name{text-align:left}.yellow{background:#fff3b0}.red{background:#f7c5c5}\n")
                .append("figure{margin:0 0 1.5em}figcaption{font-size:.9em;color:#555}\n")
                .append("@page{size:A4;margin:15mm}\n")
                .append("@media print{body{margin:0}h2{break-after:avoid}table,figure{break-inside:avoid}th{background:#eee !important;-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        html.append("<p class=\"summary\">截至").append(standings.month().getYear()).append("年")
                .append(standings.month().getMonthValue()).append("月底，全").append(escape(levelWord(total)))
                .append("新签约项目<span data-figure=\"signedCount\">").append(count(total.signedCount().actual()))
                .append("</span>个，合同投资额<span data-figure=\"contractInvestmentYi\">")
                .append(yiOrDash(total.contractInvestment().actual())).append("</span>亿元，完成年度目标的<span data-figure=\"completionPercent\">")
                .append(percentOrDash(total.contractInvestment().completion())).append("</span>%，序时进度<span data-figure=\"timeProgressPercent\">")
                .append(percentOrDash(total.timeProgress())).append("</span>%。</p>\n");

        rankingTable(html, standings);
        barChart(html, standings);
        trendLine(html, input.monthlyContract());
        warnings(html, standings);
        projectWarnings(html, input.projectWarnings());
        html.append("<p class=\"note\">说明：完成率、序时进度按百分比保留两位小数，超(慢)序时进度按百分点保留一位小数，均四舍五入；“—”表示无目标或分母为零。预警按未四舍五入的差值判断，严格低于阈值（黄色")
                .append(escape(standings.rules().yellowBelowGapPoints().toPlainString())).append("个百分点，红色")
                .append(escape(standings.rules().redBelowGapPoints().toPlainString())).append("个百分点）。</p>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void rankingTable(StringBuilder html, Standings.Result standings) {
        html.append("<h2>一、排名情况</h2>\n<table id=\"ranking\">\n<thead><tr><th>排名</th><th>单位</th><th>合同投资额(亿元)</th>")
                .append("<th>年度目标(亿元)</th><th>完成率(%)</th><th>超(慢)序时进度(个百分点)</th><th>预警</th></tr></thead>\n<tbody>\n");
        for (Standings.UnitStanding child : standings.children()) {
            TargetFigures.Progress contract = child.figures().contractInvestment();
            String warningClass = child.warning() == null ? "" : " class=\"" + child.warning().name().toLowerCase() + "\"";
            html.append("<tr data-org-unit=\"").append(escape(child.figures().orgUnit())).append("\"").append(warningClass).append(">")
                    .append("<td data-col=\"rank\">").append(child.rank() == null ? "—" : child.rank()).append("</td>")
                    .append("<td class=\"name\">").append(escape(child.figures().orgUnitName())).append("</td>")
                    .append("<td data-col=\"contractInvestmentYi\">").append(yiOrDash(contract.actual())).append("</td>")
                    .append("<td data-col=\"targetYi\">").append(yiOrDash(contract.target())).append("</td>")
                    .append("<td data-col=\"completionPercent\">").append(percentOrDash(contract.completion())).append("</td>")
                    .append("<td data-col=\"progressGapPoints\">").append(pointsOrDash(contract.progressGap())).append("</td>")
                    .append("<td data-col=\"warning\">").append(child.warning() == null ? "" : child.warning().labelZh()).append("</td>")
                    .append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** Completion of contract investment per child unit, with time progress as a dashed line. */
    private static void barChart(StringBuilder html, Standings.Result standings) {
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
        html.append("<h2>二、各单位完成率</h2>\n<figure>\n<svg id=\"completion-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(CHART_WIDTH).append("\" height=\"").append(CHART_HEIGHT).append("\" viewBox=\"0 0 ").append(CHART_WIDTH)
                .append(' ').append(CHART_HEIGHT).append("\" role=\"img\" aria-label=\"各单位合同投资额完成率\" font-size=\"11\">\n");
        axis(html, max, plotHeight, "%");
        int slot = children.isEmpty() ? plotWidth : plotWidth / children.size();
        int barWidth = Math.max(8, slot * 3 / 5);
        for (int i = 0; i < children.size(); i++) {
            Standings.UnitStanding child = children.get(i);
            Ratio completion = child.figures().contractInvestment().completion();
            int x = MARGIN_LEFT + i * slot + (slot - barWidth) / 2;
            String label = escape(child.figures().orgUnitName());
            html.append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(CHART_HEIGHT - MARGIN_BOTTOM + 16)
                    .append("\" text-anchor=\"middle\">").append(label).append("</text>\n");
            if (completion == null) {
                html.append("<text class=\"bar-value\" data-org-unit=\"").append(escape(child.figures().orgUnit()))
                        .append("\" data-value=\"—\" x=\"").append(x + barWidth / 2).append("\" y=\"")
                        .append(CHART_HEIGHT - MARGIN_BOTTOM - 4).append("\" text-anchor=\"middle\">—</text>\n");
                continue;
            }
            BigDecimal percent = completion.percent(2);
            int height = scaled(percent.max(BigDecimal.ZERO), max, plotHeight);
            int y = CHART_HEIGHT - MARGIN_BOTTOM - height;
            String fill = child.warning() == null ? "#c0392b" : child.warning().name().equals("RED") ? "#8e1b1b" : "#d4a017";
            html.append("<rect class=\"bar\" data-org-unit=\"").append(escape(child.figures().orgUnit())).append("\" data-value=\"")
                    .append(percent.toPlainString()).append("\" x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"")
                    .append(barWidth).append("\" height=\"").append(height).append("\" fill=\"").append(fill).append("\"/>\n")
                    .append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(y - 4).append("\" text-anchor=\"middle\">")
                    .append(percent.toPlainString()).append("%</text>\n");
        }
        int progressY = CHART_HEIGHT - MARGIN_BOTTOM - scaled(timeProgress, max, plotHeight);
        html.append("<line id=\"time-progress\" data-value=\"").append(timeProgress.toPlainString()).append("\" x1=\"").append(MARGIN_LEFT)
                .append("\" x2=\"").append(CHART_WIDTH - 10).append("\" y1=\"").append(progressY).append("\" y2=\"").append(progressY)
                .append("\" stroke=\"#1f4e79\" stroke-dasharray=\"6 4\"/>\n<text x=\"").append(CHART_WIDTH - 12).append("\" y=\"")
                .append(progressY - 4).append("\" text-anchor=\"end\" fill=\"#1f4e79\">序时进度 ").append(timeProgress.toPlainString())
                .append("%</text>\n</svg>\n<figcaption>图1 各单位合同投资额完成率（%），虚线为序时进度</figcaption>\n</figure>\n");
    }

    /** The unit's contract investment month by month, in 亿元. */
    private static void trendLine(StringBuilder html, List<MonthAmount> months) {
        BigDecimal max = BigDecimal.ONE;
        for (MonthAmount month : months) {
            max = max.max(yi(month.yuan()));
        }
        max = roundUpTo(max, 10);
        int plotWidth = CHART_WIDTH - MARGIN_LEFT - 20;
        int plotHeight = CHART_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
        html.append("<h2>三、月度合同投资额走势</h2>\n<figure>\n<svg id=\"trend-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(CHART_WIDTH).append("\" height=\"").append(CHART_HEIGHT).append("\" viewBox=\"0 0 ").append(CHART_WIDTH)
                .append(' ').append(CHART_HEIGHT).append("\" role=\"img\" aria-label=\"月度合同投资额走势\" font-size=\"11\">\n");
        axis(html, max, plotHeight, "");
        int step = months.size() <= 1 ? 0 : plotWidth / (months.size() - 1);
        StringBuilder points = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            MonthAmount month = months.get(i);
            BigDecimal value = yi(month.yuan());
            int x = MARGIN_LEFT + 10 + i * step;
            int y = CHART_HEIGHT - MARGIN_BOTTOM - scaled(value, max, plotHeight);
            points.append(points.isEmpty() ? "" : " ").append(x).append(',').append(y);
            marks.append("<circle class=\"point\" data-month=\"").append(month.month()).append("\" data-value=\"")
                    .append(value.toPlainString()).append("\" cx=\"").append(x).append("\" cy=\"").append(y)
                    .append("\" r=\"3\" fill=\"#1f4e79\"/>\n<text x=\"").append(x).append("\" y=\"").append(y - 6)
                    .append("\" text-anchor=\"middle\">").append(value.toPlainString()).append("</text>\n<text x=\"").append(x)
                    .append("\" y=\"").append(CHART_HEIGHT - MARGIN_BOTTOM + 16).append("\" text-anchor=\"middle\">")
                    .append(month.month().getMonthValue()).append("月</text>\n");
        }
        html.append("<polyline fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\" points=\"").append(points).append("\"/>\n")
                .append(marks).append("</svg>\n<figcaption>图2 月度合同投资额（亿元）</figcaption>\n</figure>\n");
    }

    private static void warnings(StringBuilder html, Standings.Result standings) {
        html.append("<h2>四、预警情况</h2>\n<table id=\"warnings\">\n<thead><tr><th>对象</th><th>名称</th><th>完成率(%)</th>")
                .append("<th>超(慢)序时进度(个百分点)</th><th>预警</th></tr></thead>\n<tbody>\n");
        int rows = 0;
        for (Standings.UnitStanding unit : concat(standings.total(), standings.children())) {
            if (unit.warning() != null) {
                TargetFigures.Progress contract = unit.figures().contractInvestment();
                warningRow(html, "单位", unit.figures().orgUnit(), unit.figures().orgUnitName(), contract.completion(),
                        contract.progressGap(), unit.warning().name(), unit.warning().labelZh());
                rows++;
            }
        }
        for (Standings.TeamStanding team : standings.teams()) {
            if (team.warning() != null) {
                warningRow(html, "驻点工作队", team.teamId() == null ? "" : team.teamId().toString(),
                        team.name() == null ? String.valueOf(team.teamId()) : team.name(),
                        team.signedInvestment().completion(), team.signedInvestment().progressGap(), team.warning().name(),
                        team.warning().labelZh());
                rows++;
            }
        }
        if (rows == 0) {
            html.append("<tr><td colspan=\"5\">无</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** As project-service raised them; the read model keeps no project names, so projects show by id. */
    private static void projectWarnings(StringBuilder html, List<NamedProjectWarning> warnings) {
        html.append("<h3>项目预警（").append(warnings.size()).append("个）</h3>\n<table id=\"project-warnings\">\n<thead><tr>")
                .append("<th>单位</th><th>项目ID</th><th>预警类型</th><th>阶段</th><th>起始日期</th></tr></thead>\n<tbody>\n");
        for (NamedProjectWarning named : warnings) {
            ProjectWarnings.ProjectWarning warning = named.warning();
            html.append("<tr data-id=\"").append(warning.warningId()).append("\"><td class=\"name\">")
                    .append(escape(named.orgUnitName())).append("</td><td>").append(warning.projectId()).append("</td><td data-col=\"kind\">")
                    .append(switch (warning.kind()) {
                        case "STALE" -> "长期未更新";
                        case "NOT_STARTED" -> "逾期未开工";
                        default -> escape(warning.kind());
                    }).append("</td><td>").append(switch (warning.stage()) {
                        case "NEGOTIATING" -> "在谈";
                        case "SIGNED" -> "签约";
                        case "LANDED" -> "落地";
                        default -> escape(warning.stage());
                    }).append("</td><td>").append(warning.since()).append("</td></tr>\n");
        }
        if (warnings.isEmpty()) {
            html.append("<tr><td colspan=\"5\">无</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void warningRow(StringBuilder html, String kind, String id, String name, Ratio completion,
            Ratio progressGap, String level, String label) {
        html.append("<tr class=\"").append(level.toLowerCase()).append("\" data-id=\"").append(escape(id)).append("\"><td>")
                .append(kind).append("</td><td class=\"name\">").append(escape(name)).append("</td><td data-col=\"completionPercent\">")
                .append(percentOrDash(completion)).append("</td><td data-col=\"progressGapPoints\">")
                .append(pointsOrDash(progressGap)).append("</td><td data-col=\"warning\">").append(label).append("</td></tr>\n");
    }

    private static void axis(StringBuilder html, BigDecimal max, int plotHeight, String unit) {
        int bottom = CHART_HEIGHT - MARGIN_BOTTOM;
        html.append("<line x1=\"").append(MARGIN_LEFT).append("\" y1=\"").append(MARGIN_TOP).append("\" x2=\"").append(MARGIN_LEFT)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#555\"/>\n<line x1=\"").append(MARGIN_LEFT).append("\" y1=\"")
                .append(bottom).append("\" x2=\"").append(CHART_WIDTH - 10).append("\" y2=\"").append(bottom).append("\" stroke=\"#555\"/>\n");
        for (int tick = 0; tick <= 4; tick++) {
            BigDecimal value = max.multiply(BigDecimal.valueOf(tick)).divide(BigDecimal.valueOf(4), 0, RoundingMode.HALF_UP);
            int y = bottom - plotHeight * tick / 4;
            html.append("<text x=\"").append(MARGIN_LEFT - 6).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\" fill=\"#555\">")
                    .append(value.toPlainString()).append(unit).append("</text>\n");
        }
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

    private static String count(BigDecimal count) {
        return count == null ? "—" : count.stripTrailingZeros().toPlainString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
