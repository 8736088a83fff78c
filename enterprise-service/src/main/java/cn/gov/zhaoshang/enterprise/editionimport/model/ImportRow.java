package cn.gov.zhaoshang.enterprise.editionimport.model;

import java.util.List;
import java.util.UUID;

/**
 * One row of an imported edition file, as read and as matched.
 *
 * @param rowNumber the row's number in the sheet (1-based, title and header rows included), as people see it
 * @param serial the row's 序号 cell
 * @param enterpriseId the matched enterprise; null for NEW (or CHOSEN to be created), REVIEW and ERROR
 */
public record ImportRow(int rowNumber, String serial, String rank, String name, String uscc, MatchKind match,
        UUID enterpriseId, List<Candidate> candidates, List<RowError> errors) {

    public ImportRow {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A registered enterprise the row may be about. */
    public record Candidate(UUID id, String nameZh, String uscc, double similarity) {
    }

    /** What is wrong with a cell of the row; {@code column} is the Chinese header. */
    public record RowError(String column, String rule, String message) {
    }

    public Integer rankValue() {
        return rank == null || rank.isBlank() ? null : Integer.valueOf(rank.strip());
    }
}
