package cn.gov.zhaoshang.reporting.ranking.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import cn.gov.zhaoshang.reporting.ranking.model.ProjectWarning;
import cn.gov.zhaoshang.reporting.report.model.Amounts;
import cn.gov.zhaoshang.reporting.report.model.Figure;
import cn.gov.zhaoshang.reporting.report.model.Ratio;
import cn.gov.zhaoshang.reporting.report.model.TargetFigures;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The rows the rankings and warnings API shows, and the warning lists of a unit: written once, for
 * {@code GET …/rankings}, {@code GET …/warnings} and the cockpit, which lists exactly the same rows.
 */
public final class StandingRows {

    private StandingRows() {
    }

    /**
     * What warns under a unit at a month's end: the unit itself and its children whose contract
     * investment warns, the resident teams that warn, and the project warnings open at the month's end.
     *
     * @param projects project warnings open at the month's end, as project-service raised them
     */
    @Schema(requiredProperties = {"units", "teams", "projects"})
    public record WarningLists(List<UnitRow> units, List<TeamRow> teams, List<ProjectRow> projects) {

        public static WarningLists of(Standings.Result standings, List<ProjectWarning> openProjectWarnings) {
            List<UnitRow> units = Stream.concat(Stream.of(standings.total()), standings.children().stream())
                    .filter(standing -> standing.warning() != null)
                    .map(UnitRow::of).toList();
            List<TeamRow> teams = standings.teams().stream().filter(team -> team.warning() != null).map(TeamRow::of).toList();
            List<ProjectRow> projects = openProjectWarnings.stream().map(ProjectRow::of).toList();
            return new WarningLists(units, teams, projects);
        }
    }

    /**
     * A project warning: STALE (no update for too long), NOT_STARTED (planned start passed) or
     * PROBLEM_OVERDUE (an open problem past its deadline); {@code keyProject} marks a key project's
     * (重点项目), to be shown apart.
     */
    @Schema(requiredProperties = {"warningId", "projectId", "orgUnit", "kind", "stage", "since", "raisedAt", "keyProject"})
    public record ProjectRow(String warningId, String projectId, String orgUnit, String kind, String stage, String since,
            String raisedAt, boolean keyProject) {

        public static ProjectRow of(ProjectWarning warning) {
            return new ProjectRow(warning.warningId().toString(), warning.projectId().toString(), warning.orgUnit(),
                    warning.kind(), warning.stage(), warning.since().toString(), warning.raisedAt().toString(), warning.keyProject());
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
    @Schema(requiredProperties = {"orgUnit", "orgUnitName", "rank", "score", "contractInvestment", "contractInvestmentYi",
            "target", "completionPercent", "progressGap", "progressGapPoints", "warning"})
    public record UnitRow(String orgUnit, String orgUnitName, @Schema(nullable = true) Integer rank,
            @Schema(nullable = true) String score, String contractInvestment, String contractInvestmentYi,
            @Schema(nullable = true) String target, @Schema(nullable = true) String completionPercent,
            @Schema(nullable = true) String progressGap, @Schema(nullable = true) String progressGapPoints,
            @Schema(nullable = true, allowableValues = {"YELLOW", "RED"}) String warning) {

        public static UnitRow of(Standings.UnitStanding standing) {
            TargetFigures.Progress contract = standing.figures().contractInvestment();
            return new UnitRow(standing.figures().orgUnit(), standing.figures().orgUnitName(), standing.rank(),
                    plain(standing.score()), Amounts.yuan(contract.actual()), Amounts.yi(contract.actual()),
                    Amounts.yuan(contract.target()), percent(contract.completion()), gap(contract.progressGap()),
                    contract.progressGap() == null ? null : contract.progressGap().pointsForDisplay(),
                    standing.warning() == null ? null : standing.warning().name());
        }
    }

    /** A resident team against its own contract target. */
    @Schema(requiredProperties = {"teamId", "name", "orgUnit", "keyArea", "signedInvestment", "target",
            "completionPercent", "progressGap", "progressGapPoints", "warning"})
    public record TeamRow(@Schema(nullable = true) String teamId, @Schema(nullable = true) String name,
            @Schema(nullable = true) String orgUnit, @Schema(nullable = true) String keyArea, String signedInvestment,
            @Schema(nullable = true) String target, @Schema(nullable = true) String completionPercent,
            @Schema(nullable = true) String progressGap, @Schema(nullable = true) String progressGapPoints,
            @Schema(nullable = true, allowableValues = {"YELLOW", "RED"}) String warning) {

        public static TeamRow of(Standings.TeamStanding team) {
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
