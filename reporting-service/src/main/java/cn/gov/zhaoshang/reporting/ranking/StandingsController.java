package cn.gov.zhaoshang.reporting.ranking;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.reporting.definitions.DefinitionRules;
import cn.gov.zhaoshang.reporting.report.Amounts;
import cn.gov.zhaoshang.reporting.report.Figure;
import cn.gov.zhaoshang.reporting.report.Ratio;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rankings (排名通报) and warnings (预警) of the year to date at a month's end:
 * {@code GET /api/reports/units/{code}/rankings?month=2026-10} ranks the unit's child units;
 * {@code GET /api/reports/units/{code}/warnings?month=2026-10} lists the unit, its children and the
 * resident teams under it that warn. A unit outside the caller's scope answers 404.
 */
@RestController
@RequestMapping("/api/reports/units/{code}")
public class StandingsController {

    static final String READERS = "hasAnyRole('viewer','officer','leader','target-admin','auditor','admin','agency')";

    private final Standings standings;
    private final ProjectWarnings projectWarnings;
    private final OrgUnitDirectory orgUnits;
    private final CurrentCaller currentCaller;

    public StandingsController(Standings standings, ProjectWarnings projectWarnings, OrgUnitDirectory orgUnits,
            CurrentCaller currentCaller) {
        this.standings = standings;
        this.projectWarnings = projectWarnings;
        this.orgUnits = orgUnits;
        this.currentCaller = currentCaller;
    }

    @GetMapping("/rankings")
    @PreAuthorize(READERS)
    public RankingResponse rankings(@PathVariable String code,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        Standings.Result result = standings.of(inScope(code).code(), month);
        return new RankingResponse(code, month.toString(), Rules.of(result.rules()),
                result.children().stream().map(UnitRow::of).toList());
    }

    @GetMapping("/warnings")
    @PreAuthorize(READERS)
    public WarningResponse warnings(@PathVariable String code,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        OrgUnit unit = inScope(code);
        Standings.Result result = standings.of(unit.code(), month);
        List<UnitRow> units = Stream.concat(Stream.of(result.total()), result.children().stream())
                .filter(standing -> standing.warning() != null)
                .map(UnitRow::of).toList();
        List<TeamRow> teams = result.teams().stream().filter(team -> team.warning() != null).map(TeamRow::of).toList();
        List<ProjectRow> projects = projectWarnings.openAtEndOf(unit.path(), month).stream().map(ProjectRow::of).toList();
        return new WarningResponse(code, month.toString(), Rules.of(result.rules()), units, teams, projects);
    }

    private OrgUnit inScope(String code) {
        OrgScope scope = currentCaller.scope();
        return orgUnits.find(code).filter(scope::contains).orElseThrow(() -> new NotFoundException("org unit", code));
    }

    /**
     * The rules applied.
     *
     * @param definitionVersion null while reporting knows no published version (metrics.md's defaults apply)
     */
    public record Rules(Integer definitionVersion, String rankingMethod, String yellowBelowGapPoints,
            String redBelowGapPoints) {

        static Rules of(DefinitionRules rules) {
            return new Rules(rules.published() ? rules.version() : null, rules.rankingMethod().name(),
                    rules.yellowBelowGapPoints().toPlainString(), rules.redBelowGapPoints().toPlainString());
        }
    }

    public record RankingResponse(String orgUnit, String month, Rules rules, List<UnitRow> items) {
    }

    /** @param projects project warnings open at the month's end, as project-service raised them */
    public record WarningResponse(String orgUnit, String month, Rules rules, List<UnitRow> units, List<TeamRow> teams,
            List<ProjectRow> projects) {
    }

    /** A project warning: STALE (no update for too long) or NOT_STARTED (planned start passed). */
    public record ProjectRow(String warningId, String projectId, String orgUnit, String kind, String stage, String since,
            String raisedAt) {

        static ProjectRow of(ProjectWarnings.ProjectWarning warning) {
            return new ProjectRow(warning.warningId().toString(), warning.projectId().toString(), warning.orgUnit(),
                    warning.kind(), warning.stage(), warning.since().toString(), warning.raisedAt().toString());
        }
    }

    /**
     * One unit's year to date.
     *
     * @param score              the ranking score, unrounded (34 significant digits); null without targets
     * @param rank               1 for the best, shared by equal scores; null without a score or for the unit itself
     * @param contractInvestment yuan, exact
     * @param completionPercent  contract-investment completion, percent with 2 decimals
     * @param progressGap        completion − time progress in points, unrounded; {@code progressGapPoints} with 1 decimal
     * @param warning            YELLOW, RED or null
     */
    public record UnitRow(String orgUnit, String orgUnitName, Integer rank, String score, String contractInvestment,
            String contractInvestmentYi, String target, String completionPercent, String progressGap,
            String progressGapPoints, String warning) {

        static UnitRow of(Standings.UnitStanding standing) {
            Figure contract = standing.report().contractInvestment();
            return new UnitRow(standing.report().orgUnit(), standing.report().orgUnitName(), standing.rank(),
                    plain(standing.score()), Amounts.yuan(contract.actual()), Amounts.yi(contract.actual()),
                    Amounts.yuan(contract.target()), percent(contract.completion()), gap(contract.progressGap()),
                    contract.progressGap() == null ? null : contract.progressGap().pointsForDisplay(),
                    standing.warning() == null ? null : standing.warning().name());
        }
    }

    /** A resident team against its own contract target. */
    public record TeamRow(String teamId, String name, String orgUnit, String keyArea, String signedInvestment,
            String target, String completionPercent, String progressGap, String progressGapPoints, String warning) {

        static TeamRow of(Standings.TeamStanding team) {
            Figure signed = team.signedInvestment();
            return new TeamRow(team.teamId() == null ? null : team.teamId().toString(), team.name(), team.orgUnit(),
                    team.keyArea(), Amounts.yuan(signed.actual()), Amounts.yuan(signed.target()),
                    percent(signed.completion()), gap(signed.progressGap()),
                    signed.progressGap() == null ? null : signed.progressGap().pointsForDisplay(),
                    team.warning() == null ? null : team.warning().name());
        }
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    static String percent(Ratio ratio) {
        return ratio == null ? null : ratio.percentForDisplay();
    }

    /** The gap in percentage points, unrounded to 34 significant digits. */
    static String gap(Ratio ratio) {
        return ratio == null ? null : plain(ratio.value().multiply(BigDecimal.valueOf(100)));
    }
}
