package cn.gov.zhaoshang.project.excel.web;

import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.project.excel.application.ProjectListImport;
import cn.gov.zhaoshang.project.excel.model.CellError;

/**
 * What an import did or a preview would do: errors first (each located as sheet, row, column and
 * rule), then the rows the duplicate rules pool.
 */
public record ImportResponse(UUID importId, boolean applied, boolean valid, int rows, int registered, int updated, int unchanged,
        int fundsMonths, List<FieldViolation> errors, List<Duplicate> duplicates, List<RowResponse> outcomes) {

    /** What became of a row: NEW, UPDATED (with what changed, by the list's headers) or UNCHANGED. */
    public record RowResponse(int row, String code, String status, UUID projectId, List<String> changes) {
    }

    /** A row that lands in the review pool: the project it may duplicate and the rule. */
    public record Duplicate(int row, String name, UUID duplicateOf, String rule) {
    }

    static ImportResponse of(ProjectListImport.Outcome outcome, boolean applied) {
        return new ImportResponse(outcome.importId(), applied, outcome.errors().isEmpty(), outcome.rows(),
                outcome.registered(), outcome.updated(), outcome.unchanged(), outcome.fundsMonths(),
                outcome.errors().stream().map(CellError::toViolation).toList(),
                outcome.duplicates().stream().map(row -> new Duplicate(row.row(), row.name(), row.duplicateOf(), row.rule())).toList(),
                outcome.outcomes().stream().map(row -> new RowResponse(row.row(), row.code(), row.status(), row.projectId(),
                        row.changes())).toList());
    }
}
