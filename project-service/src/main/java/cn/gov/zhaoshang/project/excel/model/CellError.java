package cn.gov.zhaoshang.project.excel.model;

import cn.gov.zhaoshang.platform.errors.FieldViolation;

/**
 * A cell a file got wrong: where (sheet, row and column as Excel names them, and the column's
 * header) and which rule.
 */
public record CellError(String sheet, int row, String column, String header, String rule, String message) {

    /** {@code 招商引资项目月报表!O5}. */
    public String location() {
        return sheet + "!" + column + row;
    }

    /** As problem details list it: the field is the cell, the message says sheet, row and column in words. */
    public FieldViolation toViolation() {
        return new FieldViolation(location(), rule,
                "sheet " + sheet + ", row " + row + ", column " + column + " (" + header + "): " + message);
    }
}
