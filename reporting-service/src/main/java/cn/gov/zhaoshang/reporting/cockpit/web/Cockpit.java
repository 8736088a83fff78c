package cn.gov.zhaoshang.reporting.cockpit.web;

import cn.gov.zhaoshang.reporting.cockpit.model.CardWarnings;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.reporting.cockpit.web.CockpitResponse.Cards;
import cn.gov.zhaoshang.reporting.cockpit.web.CockpitResponse.CountCard;
import cn.gov.zhaoshang.reporting.cockpit.web.CockpitResponse.Funnel;
import cn.gov.zhaoshang.reporting.cockpit.web.CockpitResponse.Ranking;
import cn.gov.zhaoshang.reporting.cockpit.web.CockpitResponse.ShareCard;
import cn.gov.zhaoshang.reporting.cockpit.web.CockpitResponse.Siblings;
import cn.gov.zhaoshang.reporting.cockpit.web.CockpitResponse.TrendMonth;
import cn.gov.zhaoshang.reporting.cockpit.web.CockpitResponse.UnitStandingRow;
import cn.gov.zhaoshang.reporting.definitions.model.DefinitionRules;
import cn.gov.zhaoshang.reporting.ranking.application.StandingRows.WarningLists;
import cn.gov.zhaoshang.reporting.ranking.application.Standings;
import cn.gov.zhaoshang.reporting.readmodel.application.ReadModelVersion;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import cn.gov.zhaoshang.reporting.report.model.UnitMonth;
import cn.gov.zhaoshang.reporting.report.model.UnitReport;
import cn.gov.zhaoshang.reporting.report.web.UnitReportResponse;
import cn.gov.zhaoshang.reporting.report.web.UnitReportResponse.RateDto;
import cn.gov.zhaoshang.reporting.report.application.UnitReports;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composes the cockpit from the existing reading beans: the period's {@link UnitReports report} for
 * the cards and the funnel, {@link Standings} at the warning month for the levels, the children's
 * ranking, the siblings' standing and the open project warnings, and the report's month-by-month sums
 * for the trend. Nothing is computed here that those do not already compute; this class only picks
 * the warning month and maps. It does not check who asks: the controller checks the caller's scope
 * for the unit; the siblings' standing is the one deliberate exception (see {@link #of}).
 */
@Component
public class Cockpit {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int TREND_MONTHS = 24;

    private final UnitReports reports;
    private final Standings standings;
    private final ReadModelVersion readModelVersion;
    private final Clock clock;

    public Cockpit(UnitReports reports, Standings standings, ReadModelVersion readModelVersion, Clock clock) {
        this.reports = reports;
        this.standings = standings;
        this.readModelVersion = readModelVersion;
        this.clock = clock;
    }

    /** An answer and the read-model version of the snapshot it was read from. */
    public record Versioned(long readModelVersion, CockpitResponse answer) {
    }

    /**
     * The month whose year to date the levels, rankings and warnings are evaluated on: the period's
     * last month, or the current month (Asia/Shanghai) when the period ends later. The only part of
     * the answer that depends on today's date.
     */
    public YearMonth warningMonth(ReportPeriod period) {
        return CardWarnings.warningMonth(period, YearMonth.now(clock.withZone(CHINA)));
    }

    /**
     * The cockpit of a unit the caller may see, with its parent as the caller read it (null for the
     * region; its name heads the siblings). Its siblings' standing is read from the parent even
     * when the parent lies outside the caller's scope (排名通报 is circulated to every unit of a
     * level), and only as {@link UnitStandingRow}s: no report, team, project or warning list of a
     * sibling leaves this method.
     *
     * <p>One read-only transaction at REPEATABLE READ: every part of the answer (cards, ranking,
     * trend, warnings) is read from one snapshot, so they agree with each other while events arrive,
     * and the read-model version read in it is the version of exactly that snapshot ({@link CockpitCache}).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Versioned of(OrgUnit unit, OrgUnit parent, ReportPeriod period, YearMonth warningMonth) {
        long version = readModelVersion.current();
        ReportPeriod basis = ReportPeriod.yearToDate(warningMonth);

        Standings.Result standing = standings.of(unit.code(), warningMonth);
        UnitReport yearToDate = standing.report();
        // the common case, the year to date of the current month, is the report the standings just read
        UnitReport report = period.equals(basis) ? yearToDate : reports.of(unit.code(), period);
        UnitReportResponse figures = UnitReportResponse.of(report);
        DefinitionRules rules = standing.rules();

        Cards cards = new Cards(
                CountCard.of(figures.signedCount(), CardWarnings.ofFigure(yearToDate.signedCount(), basis, rules)),
                CountCard.of(figures.contractInvestment(), CardWarnings.ofFigure(yearToDate.contractInvestment(), basis, rules)),
                CountCard.of(figures.fundsInPlace(), CardWarnings.ofFigure(yearToDate.fundsInPlace(), basis, rules)),
                CountCard.of(figures.top500().fourClasses(),
                        CardWarnings.ofFigure(yearToDate.top500().fourClasses(), basis, rules)),
                ShareCard.of(figures.manufacturingShare(), CardWarnings.ofShare(yearToDate.manufacturingShare(), rules)),
                ShareCard.of(figures.landingRate(), CardWarnings.ofShare(yearToDate.landingRate(), rules)),
                ShareCard.of(figures.startRate(), CardWarnings.ofShare(yearToDate.startRate(), rules)));

        RateDto basisProgress = RateDto.rate(basis.timeProgress());
        Ranking ranking = new Ranking(rules.rankingMethod(), basisProgress,
                rows(standing.children(), rules, unit.code()));

        return new Versioned(version, new CockpitResponse(figures.orgUnit(), figures.orgUnitName(), figures.level(), unit.parentCode(),
                figures.period(), figures.from(), figures.to(), figures.definitionVersion(), figures.timeProgress(),
                basis.toString(), cards, ranking, siblings(unit, parent, warningMonth, rules, basisProgress),
                trend(unit.code(), period.lastMonth()),
                new Funnel(figures.residentTeams().total(), figures.residentTeams().keyAreas()),
                WarningLists.of(standing, standings.openProjectWarnings(unit.path(), warningMonth))));
    }

    private Siblings siblings(OrgUnit unit, OrgUnit parent, YearMonth warningMonth, DefinitionRules rules,
            RateDto basisProgress) {
        if (unit.parentCode() == null) {
            return null;
        }
        Standings.Ranking parents = standings.childrenOf(unit.parentCode(), warningMonth, rules);
        String parentName = parent == null ? null : parent.nameZh();
        return new Siblings(unit.parentCode(), parentName, parents.rules().rankingMethod(), basisProgress,
                rows(parents.children(), parents.rules(), unit.code()));
    }

    private static List<UnitStandingRow> rows(List<Standings.UnitStanding> standings, DefinitionRules rules, String self) {
        return standings.stream().map(standing -> UnitStandingRow.of(standing, rules.rankingMethod(), self)).toList();
    }

    /** 24 months to the period's last month with the month a year before each: 36 months in one statement. */
    private List<TrendMonth> trend(String unitCode, YearMonth lastMonth) {
        List<UnitMonth> months = reports.monthByMonth(unitCode, lastMonth.minusMonths(TREND_MONTHS + 11L), lastMonth);
        List<TrendMonth> trend = new ArrayList<>(TREND_MONTHS);
        for (int i = 12; i < months.size(); i++) {
            trend.add(TrendMonth.of(months.get(i), months.get(i - 12)));
        }
        return trend;
    }
}
