package cn.gov.zhaoshang.platform.excel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.validation.PlainText;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Reading the cells of the spreadsheets bureaus exchange, the same way in every service: numbers
 * as Excel shows them (never through binary arithmetic of our own), from numeric or text cells;
 * dates from date cells or {@code yyyy-mm-dd} text. Only for services that depend on Apache POI.
 */
public final class SheetCells {

    private SheetCells() {
    }

    /** Empty: no cell, a blank cell or blank text. */
    public static boolean isEmpty(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK
                || (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank())
                || (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.BLANK);
    }

    /**
     * The cell's text, stripped; a number as Excel shows it; empty for anything else.
     *
     * @throws NotPlainText when its text is not {@link PlainText} (line breaks and tabs are allowed): a
     *     file's XML may spell U+0000 as {@code _x0000_}, which PostgreSQL refuses
     */
    public static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> plainText(cell, cell.getStringCellValue().strip());
            case NUMERIC -> NumberToTextConverter.toText(cell.getNumericCellValue());
            default -> "";
        };
    }

    private static String plainText(Cell cell, String text) {
        PlainText.problemWith(text, PlainText.Lines.MULTI).ifPresent(problem -> {
            throw new NotPlainText(cell.getSheet().getSheetName(), cell.getRowIndex() + 1,
                    CellReference.convertNumToColString(cell.getColumnIndex()), problem);
        });
        return text;
    }

    /**
     * A cell whose text is not {@link PlainText}: 400 naming the cell ({@code 年度目标任务表!B5}) when it
     * reaches the error handler; a reader that lists its cell errors takes the cell's place from it.
     */
    public static final class NotPlainText extends RequestValidationException {

        private final String sheet;
        private final int row;
        private final String column;
        private final String problem;

        NotPlainText(String sheet, int row, String column, String problem) {
            super(List.of(new FieldViolation(sheet + "!" + column + row, PlainText.RULE,
                    "sheet " + sheet + ", row " + row + ", column " + column + ": " + problem)));
            this.sheet = sheet;
            this.row = row;
            this.column = column;
            this.problem = problem;
        }

        public String sheet() {
            return sheet;
        }

        /** As Excel numbers rows, from 1. */
        public int row() {
            return row;
        }

        /** As Excel names columns, e.g. {@code B}. */
        public String column() {
            return column;
        }

        /** What is wrong with the text, for a person. */
        public String problem() {
            return problem;
        }
    }

    /** A number from a numeric cell or from text (thousands separators allowed); empty when it is not one. */
    public static Optional<BigDecimal> number(Cell cell) {
        if (cell == null) {
            return Optional.empty();
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        try {
            return switch (type) {
                case NUMERIC -> Optional.of(new BigDecimal(NumberToTextConverter.toText(cell.getNumericCellValue())));
                case STRING -> Optional.of(new BigDecimal(cell.getStringCellValue().strip().replace(",", "")));
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A date from a date-formatted numeric cell or from {@code yyyy-mm-dd} text; empty when it is not one. */
    public static Optional<LocalDate> date(Cell cell) {
        if (cell == null) {
            return Optional.empty();
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            return DateUtil.isCellDateFormatted(cell)
                    ? Optional.of(cell.getLocalDateTimeCellValue().toLocalDate())
                    : Optional.empty();
        }
        if (type == CellType.STRING) {
            try {
                return Optional.of(LocalDate.parse(cell.getStringCellValue().strip()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
