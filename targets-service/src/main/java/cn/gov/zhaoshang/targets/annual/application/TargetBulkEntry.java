package cn.gov.zhaoshang.targets.annual.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.targets.annual.application.TargetWorkbook.CellError;
import cn.gov.zhaoshang.targets.annual.application.TargetWorkbook.UploadRow;
import cn.gov.zhaoshang.targets.annual.model.TargetFigure;
import cn.gov.zhaoshang.targets.orgunits.infrastructure.OrgUnitRegistry;
import cn.gov.zhaoshang.targets.orgunits.model.RegisteredOrgUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk entry of annual targets from 年度目标任务表. A file is validated as a whole: any bad cell
 * rejects it with every error located (sheet!cell, rule), and nothing is applied. A dry run shows
 * what would change; a real upload applies all rows in one transaction through the same rules,
 * audit and events as {@link TargetSetting#set}.
 */
@Service
public class TargetBulkEntry {

    private final TargetSetting setting;
    private final OrgUnitRegistry registry;
    private final UploadRowRules rowRules;

    public TargetBulkEntry(TargetSetting setting, OrgUnitRegistry registry, UploadRowRules rowRules) {
        this.setting = setting;
        this.registry = registry;
        this.rowRules = rowRules;
    }

    /** One figure that would change (values in yuan for amounts; null = no target). */
    public record FigureChange(TargetFigure figure, BigDecimal before, BigDecimal after) {
    }

    public record UnitChange(String orgUnit, int year, List<FigureChange> figures) {
    }

    public record Result(boolean applied, List<UnitChange> changes) {
    }

    /** The template: every unit in the caller's scope below their own unit, with its confirmed targets of the year. */
    @Transactional(readOnly = true)
    public byte[] template(int year, OrgScope scope) {
        List<TargetWorkbook.TemplateRow> rows = registry.subtree(scope.path()).stream()
                .filter(unit -> !unit.code().equals(scope.unit().code()))
                .map(unit -> new TargetWorkbook.TemplateRow(unit.code(), unit.unit().nameZh(), setting.confirmedOf(unit, year)))
                .toList();
        return TargetWorkbook.write(year, rows);
    }

    @Transactional
    public Result upload(byte[] file, boolean dryRun, OrgScope scope) {
        TargetWorkbook.Parsed parsed = TargetWorkbook.read(file);
        List<CellError> errors = new ArrayList<>(parsed.errors());
        Map<UploadRow, RegisteredOrgUnit> units = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (UploadRow row : parsed.rows()) {
            rowRules.check(row).stream()
                    // a cell that could not be read has said what is wrong with it already
                    .filter(error -> errors.stream().noneMatch(known -> known.row() == error.row()
                            && known.column().equals(error.column())))
                    .forEach(errors::add);
            Optional<RegisteredOrgUnit> unit = registry.findByCodeOrAlias(row.code())
                    .filter(candidate -> scope.contains(candidate.unit()))
                    .filter(candidate -> !candidate.code().equals(scope.unit().code()));
            if (unit.isEmpty()) {
                errors.add(new CellError(TargetWorkbook.SHEET, row.rowNumber(), row.codeColumn(), TargetWorkbook.CODE,
                        "UnitBelowCaller", TargetWorkbook.CODE + " " + row.code() + " is not a unit below yours"));
            } else if (!seen.add(unit.get().id() + "/" + row.year())) {
                errors.add(new CellError(TargetWorkbook.SHEET, row.rowNumber(), row.codeColumn(), TargetWorkbook.CODE,
                        "Duplicate", TargetWorkbook.CODE + " " + row.code() + " appears twice for " + row.year()));
            } else {
                units.put(row, unit.get());
                row.figures().forEach((figure, value) -> value.flatMap(v -> figure.problemFor(unit.get().level(), v))
                        .ifPresent(problem -> errors.add(new CellError(TargetWorkbook.SHEET, row.rowNumber(),
                                row.columns().get(figure), TargetWorkbook.header(figure), "FigureForLevel",
                                TargetWorkbook.header(figure) + " " + problem))));
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors.stream()
                    .map(error -> new FieldViolation(error.location(), error.rule(), "sheet " + error.sheet() + ", row "
                            + error.row() + ", column " + error.column() + ": " + error.message()))
                    .toList());
        }
        List<UnitChange> changes = new ArrayList<>();
        units.forEach((row, unit) -> {
            Map<TargetFigure, BigDecimal> before = setting.confirmedOf(unit, row.year());
            List<FigureChange> figureChanges = new ArrayList<>();
            Map<String, String> toSet = new LinkedHashMap<>();
            row.figures().forEach((figure, value) -> {
                BigDecimal old = before.get(figure);
                BigDecimal now = value.orElse(null);
                if (!Objects.equals(old, now)) {
                    figureChanges.add(new FigureChange(figure, old, now));
                    toSet.put(figure.name(), now == null ? null : now.toPlainString());
                }
            });
            if (!figureChanges.isEmpty()) {
                changes.add(new UnitChange(unit.code(), row.year(), figureChanges));
                if (!dryRun) {
                    setting.set(unit.code(), row.year(), toSet, scope);
                }
            }
        });
        return new Result(!dryRun && !changes.isEmpty(), changes);
    }
}
