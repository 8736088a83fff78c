package cn.gov.zhaoshang.reporting.exports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.reporting.definitions.model.DefinitionRules;
import cn.gov.zhaoshang.reporting.definitions.model.RankingMethod;
import cn.gov.zhaoshang.reporting.ranking.model.ProgressWarning;
import cn.gov.zhaoshang.reporting.ranking.model.ProjectWarning;
import cn.gov.zhaoshang.reporting.ranking.application.Standings;
import cn.gov.zhaoshang.reporting.report.model.Figure;
import cn.gov.zhaoshang.reporting.report.model.Ratio;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import cn.gov.zhaoshang.reporting.report.model.TargetFigures;
import cn.gov.zhaoshang.reporting.report.model.UnitReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The briefing of a fixed quarter, rendered without a server. The page is compared with the one the
 * hand-written StringBuilder rendering produced for the same input ({@code quarterly-briefing-2030-Q3.html},
 * written by it before the template replaced it), character for character.
 */
class QuarterlyBriefingTest {

    private static final ReportPeriod PERIOD = ReportPeriod.quarter(2030, 3);
    private static final Ratio TIME_PROGRESS = Ratio.of(BigDecimal.valueOf(9), BigDecimal.valueOf(12));

    @Test
    void theTemplateRendersThePageTheStringBuilderDid() throws IOException {
        String html = QuarterlyBriefing.write(input(List.of(
                child("450202", "城中区", "3000000000", "2400000000", null),
                child("450203", "鱼峰区", "800000000", "2000000000", ProgressWarning.RED),
                child("450205", "柳北区<&\"'>", "1700000000", "2500000000", ProgressWarning.YELLOW),
                child("450206", "柳江区", "500000000", null, null))));

        assertThat(html).isEqualTo(expected("quarterly-briefing-2030-Q3.html"));
    }

    @Test
    void longUnitNamesUnderTheBarsWrapWithinTheirSlotAndNeverReachTheirNeighbours() {
        List<Standings.UnitStanding> children = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = i % 2 == 0 ? "柳州市第" + i + "高新技术产业开发区" : "柳城县";
            children.add(child("4502" + (10 + i), name, "1000000000", "2000000000", null));
        }

        Document page = Jsoup.parse(QuarterlyBriefing.write(input(children)));

        List<Element> labels = page.select("#completion-chart > text[text-anchor=middle]").stream()
                .filter(text -> Integer.parseInt(text.attr("y")) > 212).toList();
        assertThat(labels).hasSize(10);
        int slot = (640 - 56 - 10) / 10;
        Element wrapped = labels.get(0);
        assertThat(wrapped.select("tspan")).hasSizeGreaterThan(1);
        assertThat(wrapped.selectFirst("title").text()).isEqualTo("柳州市第0高新技术产业开发区");
        assertThat(labels.get(1).select("tspan")).isEmpty();
        assertThat(labels.get(1).ownText()).isEqualTo("柳城县");
        for (int i = 0; i + 1 < labels.size(); i++) {
            double rightEdge = Integer.parseInt(labels.get(i).attr("x")) + widest(labels.get(i)) / 2;
            double leftEdgeOfNext = Integer.parseInt(labels.get(i + 1).attr("x")) - widest(labels.get(i + 1)) / 2;
            assertThat(rightEdge).as("label %d ends before label %d begins", i, i + 1).isLessThan(leftEdgeOfNext);
        }
        for (Element label : labels) {
            assertThat(widest(label)).isLessThanOrEqualTo(slot - 4);
            // every line stays within the chart's bottom margin
            label.select("tspan").forEach(line -> assertThat(Integer.parseInt(line.attr("y"))).isLessThan(260));
        }
    }

    @Test
    void aProjectWarningOfAnOverdueProblemIsNamedInChineseWithItsStage() {
        QuarterlyBriefing.Input base = input(List.of(child("450202", "城中区", "3000000000", "2400000000", null)));
        ProjectWarning overdue = new ProjectWarning(UUID.fromString("5d0e3f9a-3333-4b6c-8d7e-1f2a3b4c5d6e"),
                UUID.fromString("7e1f2a3b-4444-4c5d-9e6f-2a3b4c5d6e7f"), "450202", "PROBLEM_OVERDUE", "STARTED",
                LocalDate.of(2030, 8, 20), Instant.parse("2030-09-01T00:00:00Z"), false);

        Document page = Jsoup.parse(QuarterlyBriefing.write(new QuarterlyBriefing.Input(base.year(), base.quarter(),
                base.standings(), base.monthlyContract(), List.of(new QuarterlyBriefing.NamedProjectWarning(overdue, "城中区")))));

        Element row = page.selectFirst("tr[data-id=5d0e3f9a-3333-4b6c-8d7e-1f2a3b4c5d6e]");
        assertThat(row).isNotNull();
        assertThat(row.selectFirst("td[data-col=kind]").text()).isEqualTo("问题逾期未解决");
        assertThat(row.text()).contains("开工", "2030-08-20").doesNotContain("PROBLEM_OVERDUE", "STARTED");
    }

    private static double widest(Element label) {
        List<Element> lines = label.select("tspan");
        return lines.isEmpty() ? QuarterlyBriefing.textWidth(label.ownText())
                : lines.stream().mapToDouble(line -> QuarterlyBriefing.textWidth(line.text())).max().orElseThrow();
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = QuarterlyBriefingTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static QuarterlyBriefing.Input input(List<Standings.UnitStanding> children) {
        UnitReport report = mock(UnitReport.class);
        when(report.orgUnitName()).thenReturn("柳州市");
        when(report.level()).thenReturn("CITY");
        when(report.timeProgress()).thenReturn(TIME_PROGRESS);
        when(report.signedCount()).thenReturn(Figure.of("SIGNED_COUNT", new BigDecimal("42"), null, new BigDecimal("60"), TIME_PROGRESS));
        when(report.contractInvestment()).thenReturn(Figure.of("CONTRACT_INVESTMENT", new BigDecimal("6000000000"), null,
                new BigDecimal("10000000000"), TIME_PROGRESS));
        Standings.UnitStanding total = new Standings.UnitStanding(figures("450200", "柳州市", "6000000000", "10000000000"),
                null, null, ProgressWarning.YELLOW);
        DefinitionRules rules = new DefinitionRules(3, LocalDate.of(2030, 1, 1), List.of(), new BigDecimal("-10"),
                new BigDecimal("-20"), RankingMethod.COMPLETION_RATE, Map.of(), null, 5, false);
        Standings.TeamStanding team = new Standings.TeamStanding(UUID.fromString("6f1c2b9e-8d1a-4c55-9d0e-0b8d3c2a1f00"),
                "驻深圳工作队", "450200", "GBA", Figure.of(null, new BigDecimal("100000000"), null, new BigDecimal("1000000000"),
                        TIME_PROGRESS), ProgressWarning.RED);
        Standings.Result standings = new Standings.Result(YearMonth.of(2030, 9), rules, report, total, children, List.of(team));
        List<QuarterlyBriefing.MonthAmount> months = List.of(
                new QuarterlyBriefing.MonthAmount(YearMonth.of(2030, 1), new BigDecimal("500000000")),
                new QuarterlyBriefing.MonthAmount(YearMonth.of(2030, 2), null),
                new QuarterlyBriefing.MonthAmount(YearMonth.of(2030, 3), new BigDecimal("1250000000")),
                new QuarterlyBriefing.MonthAmount(YearMonth.of(2030, 4), new BigDecimal("700000000")));
        ProjectWarning warning = new ProjectWarning(
                UUID.fromString("0b6f4c7e-1111-4a2b-9c3d-5e6f7a8b9c0d"), UUID.fromString("2c4e6a8b-2222-4d3e-8f9a-0b1c2d3e4f5a"),
                "450202", "STALE", "SIGNED", LocalDate.of(2030, 6, 1), Instant.parse("2030-09-30T00:00:00Z"), false);
        return new QuarterlyBriefing.Input(2030, 3, standings, months,
                List.of(new QuarterlyBriefing.NamedProjectWarning(warning, "城中区")));
    }

    static Standings.UnitStanding child(String code, String name, String actual, String target, ProgressWarning warning) {
        TargetFigures figures = figures(code, name, actual, target);
        return new Standings.UnitStanding(figures, null, target == null ? null : Integer.parseInt(code.substring(4)), warning);
    }

    private static TargetFigures figures(String code, String name, String actual, String target) {
        return new TargetFigures(code, name, "COUNTY", PERIOD, Map.of(TargetFigures.CONTRACT_INVESTMENT, new BigDecimal(actual)),
                target == null ? Map.of() : Map.of(TargetFigures.CONTRACT_INVESTMENT, new BigDecimal(target)));
    }
}
