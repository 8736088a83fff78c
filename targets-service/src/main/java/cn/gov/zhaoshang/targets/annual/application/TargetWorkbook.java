package cn.gov.zhaoshang.targets.annual.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.zhaoshang.platform.excel.SheetCells;
import cn.gov.zhaoshang.platform.excel.SpreadsheetTooLargeException;
import cn.gov.zhaoshang.platform.excel.Spreadsheets;
import cn.gov.zhaoshang.platform.validation.PlainText;
import cn.gov.zhaoshang.targets.annual.model.FigureKind;
import cn.gov.zhaoshang.targets.annual.model.TargetFigure;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The layout of 年度目标任务表 (excel-formats.md): 单位代码, 单位名称, 年度, then one column per target
 * figure headed by its Chinese name and unit. Amounts are in 亿元 in the file and converted exactly
 * to yuan; an empty cell means no target for that figure. A title row may sit above the header,
 * which is found by its first cell.
 */
public final class TargetWorkbook {

    public static final String SHEET = "年度目标任务表";
    public static final String CODE = "单位代码";
    static final String NAME = "单位名称";
    public static final String YEAR = "年度";
    private static final int FIXED_COLUMNS = 3;
    /** 亿元 → 元 */
    private static final int AMOUNT_SHIFT = 8;

    private TargetWorkbook() {
    }

    /** The header of a figure's column, e.g. 合同投资额(亿元) or 制造业占比(%). */
    public static String header(TargetFigure figure) {
        String unit = figure.kind() == FigureKind.AMOUNT ? "亿元" : figure.kind().unitZh();
        return figure.nameZh() + "(" + unit + ")";
    }

    /** One row of the template: a unit and its confirmed figures (in yuan for amounts). */
    public record TemplateRow(String code, String name, Map<TargetFigure, BigDecimal> figures) {
    }

    public static byte[] write(int year, List<TemplateRow> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(year + "年度招商引资目标任务表");
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(1);
            List<String> headers = new ArrayList<>(List.of(CODE, NAME, YEAR));
            for (TargetFigure figure : TargetFigure.values()) {
                headers.add(header(figure));
            }
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            int r = 2;
            for (TemplateRow unit : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(unit.code());
                row.createCell(1).setCellValue(unit.name());
                row.createCell(2).setCellValue(year);
                TargetFigure[] figures = TargetFigure.values();
                for (int f = 0; f < figures.length; f++) {
                    BigDecimal value = unit.figures().get(figures[f]);
                    if (value != null) {
                        row.createCell(FIXED_COLUMNS + f).setCellValue(toFileUnit(figures[f], value).doubleValue());
                    }
                }
            }
            sheet.createFreezePane(2, 2);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell the file got wrong: where (sheet, row, column as Excel names them) and which rule. */
    public record CellError(String sheet, int row, String column, String header, String rule, String message) {
        public String location() {
            return sheet + "!" + column + row;
        }
    }

    /**
     * One data row of an upload.
     *
     * @param year the year column's whole number, or null when it holds none
     * @param figures figure → value in yuan for amounts, or empty for an empty cell (no target)
     */
    public record UploadRow(int rowNumber, String codeColumn, String code, String yearColumn, Integer year,
            Map<TargetFigure, Optional<BigDecimal>> figures, Map<TargetFigure, String> columns) {

        /** An error in this row's cell under {@code header} (a figure's column, or 单位代码 or 年度). */
        public CellError error(String header, String rule, String message) {
            String column = header.equals(YEAR) ? yearColumn
                    : columns.entrySet().stream().filter(entry -> header(entry.getKey()).equals(header))
                            .map(Map.Entry::getValue).findFirst().orElse(codeColumn);
            return new CellError(SHEET, rowNumber, column, header, rule, header + " " + message);
        }
    }

    /**
     * What a file says, and every cell it got wrong: cells are converted here (numbers, 亿元 to yuan)
     * and checked against the figures' own rules; the rules of the API's request are checked on each
     * row by the caller ({@link UploadRowRules}).
     */
    public record Parsed(List<UploadRow> rows, List<CellError> errors) {
    }

    /**
     * @throws SpreadsheetTooLargeException over one of
     *     {@link Spreadsheets}' caps (400 naming it), not an error of a cell
     */
    public static Parsed read(byte[] file) {
        List<CellError> errors = new ArrayList<>();
        List<UploadRow> rows = new ArrayList<>();
        try (Workbook workbook = Spreadsheets.open(file)) {
            Sheet sheet = workbook.getSheet(SHEET) != null ? workbook.getSheet(SHEET) : workbook.getSheetAt(0);
            String sheetName = sheet.getSheetName();
            Row header = null;
            for (Row row : sheet) {
                String first = text(row.getCell(0));
                if (CODE.equals(first) || "序号".equals(first)) {
                    header = row;
                    break;
                }
            }
            if (header == null) {
                errors.add(new CellError(sheetName, 1, "A", CODE, "HeaderRow", "no header row starting with 单位代码"));
                return new Parsed(rows, errors);
            }
            Map<Integer, TargetFigure> figureColumns = new LinkedHashMap<>();
            int codeColumn = -1;
            int yearColumn = -1;
            for (Cell cell : header) {
                String title = text(cell);
                if (CODE.equals(title)) {
                    codeColumn = cell.getColumnIndex();
                } else if (YEAR.equals(title)) {
                    yearColumn = cell.getColumnIndex();
                } else {
                    for (TargetFigure figure : TargetFigure.values()) {
                        if (header(figure).equals(title)) {
                            figureColumns.put(cell.getColumnIndex(), figure);
                        }
                    }
                }
            }
            int headerRow = header.getRowNum() + 1;
            if (codeColumn < 0 || yearColumn < 0) {
                errors.add(new CellError(sheetName, headerRow, "A", CODE, "HeaderRow", "the header needs 单位代码 and 年度"));
                return new Parsed(rows, errors);
            }
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || text(row.getCell(codeColumn)).isEmpty()) {
                    continue;
                }
                int excelRow = r + 1;
                String code = text(row.getCell(codeColumn));
                Integer year = null;
                Optional<BigDecimal> yearValue = number(row.getCell(yearColumn));
                if (yearValue.isPresent() && yearValue.get().stripTrailingZeros().scale() <= 0
                        && yearValue.get().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                    year = yearValue.get().intValueExact();
                } else if (!isEmpty(row.getCell(yearColumn))) {
                    errors.add(error(sheetName, excelRow, yearColumn, YEAR, "Year", "must be a year, a whole number"));
                }
                Map<TargetFigure, Optional<BigDecimal>> figures = new LinkedHashMap<>();
                Map<TargetFigure, String> columns = new LinkedHashMap<>();
                figureColumns.forEach((index, figure) -> columns.put(figure, CellReference.convertNumToColString(index)));
                for (Map.Entry<Integer, TargetFigure> column : figureColumns.entrySet()) {
                    TargetFigure figure = column.getValue();
                    Cell cell = row.getCell(column.getKey());
                    if (isEmpty(cell)) {
                        figures.put(figure, Optional.empty());
                        continue;
                    }
                    Optional<BigDecimal> value = number(cell);
                    if (value.isEmpty()) {
                        errors.add(error(sheetName, excelRow, column.getKey(), header(figure), "Number", "is not a number"));
                        continue;
                    }
                    BigDecimal inYuan = fromFileUnit(figure, value.get());
                    Optional<String> problem = figure.problemWith(inYuan);
                    if (problem.isPresent()) {
                        errors.add(error(sheetName, excelRow, column.getKey(), header(figure), "FigureValue", problem.get()));
                        continue;
                    }
                    figures.put(figure, Optional.of(figure.normalize(inYuan)));
                }
                rows.add(new UploadRow(excelRow, CellReference.convertNumToColString(codeColumn), code,
                        CellReference.convertNumToColString(yearColumn), year, figures, columns));
            }
        } catch (SheetCells.NotPlainText notText) {
            errors.add(new CellError(notText.sheet(), notText.row(), notText.column(), "-", PlainText.RULE, notText.problem()));
            return new Parsed(List.of(), errors);
        } catch (SpreadsheetTooLargeException overACap) {
            // not a file that cannot be read: refused as the request it came in (400 naming the cap)
            throw overACap;
        } catch (IOException | RuntimeException e) {
            // not a zip, not OOXML, or a part POI refuses to parse: a DOCTYPE (POIXMLException), broken XML
            errors.add(new CellError("-", 0, "-", "-", "Xlsx", "the upload is not an xlsx workbook"));
        }
        return new Parsed(rows, errors);
    }

    static CellError error(String sheet, int row, int column, String header, String rule, String message) {
        return new CellError(sheet, row, CellReference.convertNumToColString(column), header, rule, header + " " + message);
    }

    private static BigDecimal toFileUnit(TargetFigure figure, BigDecimal value) {
        return figure.kind() == FigureKind.AMOUNT ? value.movePointLeft(AMOUNT_SHIFT) : value;
    }

    private static BigDecimal fromFileUnit(TargetFigure figure, BigDecimal value) {
        return figure.kind() == FigureKind.AMOUNT ? value.movePointRight(AMOUNT_SHIFT) : value;
    }

    private static boolean isEmpty(Cell cell) {
        return SheetCells.isEmpty(cell);
    }

    private static Optional<BigDecimal> number(Cell cell) {
        return SheetCells.number(cell);
    }

    private static String text(Cell cell) {
        return SheetCells.text(cell);
    }
}
