package cn.gov.zhaoshang.platform.excel;

import java.util.List;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;

/**
 * An uploaded workbook over one of {@link Spreadsheets}' caps: 400 problem details whose error
 * names the field {@code file} and the rule ({@code WorkbookExpandedSize}, {@code WorkbookCells},
 * {@code WorkbookRows}). Not a file that cannot be read: readers that turn those into errors of
 * their own let this one through.
 */
public class SpreadsheetTooLargeException extends RequestValidationException {

    private final String rule;

    public SpreadsheetTooLargeException(String rule, String message) {
        super(List.of(new FieldViolation("file", rule, message)));
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
