package cn.gov.zhaoshang.reporting.ranking.web;

import cn.gov.zhaoshang.reporting.ranking.application.Standings;
import java.time.YearMonth;
import java.util.List;

import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.ReportReaderRole;
import cn.gov.zhaoshang.reporting.definitions.model.DefinitionRules;
import cn.gov.zhaoshang.reporting.ranking.application.StandingRows.ProjectRow;
import cn.gov.zhaoshang.reporting.ranking.application.StandingRows.TeamRow;
import cn.gov.zhaoshang.reporting.ranking.application.StandingRows.UnitRow;
import cn.gov.zhaoshang.reporting.ranking.application.StandingRows.WarningLists;
import org.springframework.format.annotation.DateTimeFormat;
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

    private final Standings standings;
    private final OrgUnitDirectory orgUnits;
    private final CurrentCaller currentCaller;

    public StandingsController(Standings standings, OrgUnitDirectory orgUnits, CurrentCaller currentCaller) {
        this.standings = standings;
        this.orgUnits = orgUnits;
        this.currentCaller = currentCaller;
    }

    @GetMapping("/rankings")
    @ReportReaderRole
    public RankingResponse rankings(@PathVariable String code,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        Standings.Result result = standings.of(inScope(code).code(), month);
        return new RankingResponse(code, month.toString(), Rules.of(result.rules()),
                result.children().stream().map(UnitRow::of).toList());
    }

    @GetMapping("/warnings")
    @ReportReaderRole
    public WarningResponse warnings(@PathVariable String code,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        OrgUnit unit = inScope(code);
        Standings.Result result = standings.of(unit.code(), month);
        WarningLists lists = WarningLists.of(result, standings.openProjectWarnings(unit.path(), month));
        return new WarningResponse(code, month.toString(), Rules.of(result.rules()), lists.units(), lists.teams(),
                lists.projects());
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
}
