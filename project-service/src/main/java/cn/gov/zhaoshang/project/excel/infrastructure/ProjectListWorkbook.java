package cn.gov.zhaoshang.project.excel.infrastructure;

import static cn.gov.zhaoshang.project.excel.model.ProjectListLayout.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import cn.gov.zhaoshang.platform.excel.SheetCells;
import cn.gov.zhaoshang.platform.excel.SpreadsheetTooLargeException;
import cn.gov.zhaoshang.platform.excel.Spreadsheets;
import cn.gov.zhaoshang.platform.validation.PlainText;
import cn.gov.zhaoshang.project.excel.model.CellError;
import cn.gov.zhaoshang.project.excel.model.FundsRow;
import cn.gov.zhaoshang.project.excel.model.FundsSheetLayout;
import cn.gov.zhaoshang.project.excel.model.ListRow;
import cn.gov.zhaoshang.project.excel.model.ProjectListLayout;
import cn.gov.zhaoshang.project.excel.model.StageCells;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads and writes 招商引资项目月报表 (and, for historical imports, its 到位资金 sheet). Reading converts
 * every cell to its value (a date, a stage, an amount in yuan) and collects every cell it cannot
 * convert with its location. Which values are allowed is the API's business: each row is checked
 * against the registration request's Bean Validation rules ({@code ListRowRules}), and what the
 * values mean (units in scope, stage requirements, duplicates) is the importer's.
 */
public final class ProjectListWorkbook {

    /** A file larger than this is refused before it is read. */
    public static final int MAX_ROWS = 20_000;

    private static final int WAN = 4;
    private static final Pattern USCC_SYNTAX = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");

    private ProjectListWorkbook() {
    }

    /** What a file says, and every cell it got wrong. */
    public record Parsed(List<ListRow> rows, List<FundsRow> funds, List<CellError> errors) {
    }

    public static Parsed read(byte[] content) {
        List<CellError> errors = new ArrayList<>();
        List<ListRow> rows = new ArrayList<>();
        List<FundsRow> funds = new ArrayList<>();
        try (Workbook workbook = Spreadsheets.open(content)) {
            Sheet list = workbook.getSheet(SHEET) != null ? workbook.getSheet(SHEET) : workbook.getSheetAt(0);
            readList(list, rows, errors);
            Sheet fundsSheet = workbook.getSheet(FundsSheetLayout.SHEET);
            if (fundsSheet != null) {
                readFunds(fundsSheet, funds, errors);
            }
        } catch (SheetCells.NotPlainText notText) {
            errors.add(new CellError(notText.sheet(), notText.row(), notText.column(), "-", PlainText.RULE, notText.problem()));
            return new Parsed(List.of(), List.of(), errors);
        } catch (SpreadsheetTooLargeException overACap) {
            // not a file that cannot be read: refused as the request it came in (400 naming the cap)
            throw overACap;
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof TooLarge) {
                errors.add(new CellError(SHEET, 1, "A", SERIAL, "MaxRows", "a file has at most " + MAX_ROWS + " rows"));
            } else {
                errors.add(new CellError(SHEET, 1, "A", SERIAL, "Workbook", "the file is not a readable xlsx workbook"));
            }
            return new Parsed(List.of(), List.of(), errors);
        }
        return new Parsed(rows, funds, errors);
    }

    private static final class TooLarge extends RuntimeException {
    }

    /** The header row (the first whose first cell is 序号): header → column index. */
    private static Optional<Map.Entry<Integer, Map<String, Integer>>> header(Sheet sheet) {
        for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), 20); r++) {
            Row row = sheet.getRow(r);
            if (row != null && SERIAL.equals(SheetCells.text(row.getCell(0)))) {
                Map<String, Integer> columns = new HashMap<>();
                for (Cell cell : row) {
                    String title = SheetCells.text(cell).replace('（', '(').replace('）', ')');
                    if (!title.isEmpty()) {
                        columns.putIfAbsent(title, cell.getColumnIndex());
                    }
                }
                return Optional.of(Map.entry(r, columns));
            }
        }
        return Optional.empty();
    }

    private static void readList(Sheet sheet, List<ListRow> rows, List<CellError> errors) {
        String sheetName = SHEET;
        var header = header(sheet);
        if (header.isEmpty()) {
            errors.add(new CellError(sheetName, 1, "A", SERIAL, "HeaderRow", "no header row starting with " + SERIAL));
            return;
        }
        Map<String, Integer> index = header.get().getValue();
        List<String> missing = REQUIRED_HEADERS.stream().filter(title -> !index.containsKey(title)).toList();
        if (!missing.isEmpty()) {
            errors.add(new CellError(sheetName, header.get().getKey() + 1, "A", SERIAL, "HeaderRow",
                    "the header lacks " + String.join(", ", missing) + "; the columns are " + String.join(", ", HEADERS)));
            return;
        }
        Map<String, String> letters = new HashMap<>();
        index.forEach((title, column) -> letters.put(title, CellReference.convertNumToColString(column)));
        if (sheet.getLastRowNum() - header.get().getKey() > MAX_ROWS) {
            throw new TooLarge();
        }
        for (int r = header.get().getKey() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(row, index)) {
                continue;
            }
            int excelRow = r + 1;
            Cells cells = new Cells(row, index, letters, sheetName, excelRow, errors);
            String uscc = cells.text(USCC);
            if (!uscc.isEmpty() && !USCC_SYNTAX.matcher(uscc).matches()) {
                cells.error(USCC, "Uscc", "a unified social credit code is 18 characters (GB 32100)");
            }
            String keyArea = cells.oneOf(KEY_AREA, KEY_AREAS);
            String channel = cells.oneOf(CHANNEL, CHANNELS);
            // a team's name as an officer types it, or its id; resolved against the local copy of the teams by the import
            String team = cells.text(TEAM);
            ProjectStage stage = null;
            String stageText = cells.text(STAGE);
            if (stageText.isEmpty()) {
                cells.error(STAGE, "Required", "one of " + stageLabels());
            } else {
                stage = ProjectListLayout.stage(stageText).orElse(null);
                if (stage == null) {
                    cells.error(STAGE, "AllowedValue", "one of " + stageLabels() + ", not \"" + stageText + "\"");
                }
            }
            // An exported file carries masked contacts (张*, 138****5678): read back, they say nothing and are dropped.
            rows.add(new ListRow(excelRow, cells.text(CODE), cells.text(NAME), cells.text(INVESTOR), uscc, cells.text(COUNTY),
                    cells.text(PARK), cells.text(INDUSTRY), cells.text(CHAINS), keyArea, channel, team, stage,
                    cells.date(SIGNING_DATE), cells.wan(AMOUNT), cells.wan(FDI), cells.date(PLANNED_START), cells.text(SITE),
                    masked(cells.text(CONTACT)), masked(cells.text(PHONE)), cells.text(REMARK),
                    new StageCells(cells.date(LANDING_DATE), cells.date(START_DATE), cells.date(COMPLETION_DATE),
                            cells.date(PRODUCTION_DATE), blankToNull(cells.text(AGREEMENT_NUMBER)),
                            ProjectListLayout.landingDocument(cells.oneOf(LANDING_DOCUMENT_TYPE, LANDING_DOCUMENTS)),
                            blankToNull(cells.text(LANDING_DOCUMENT_NUMBER)), blankToNull(cells.text(PERMIT_NUMBER))),
                    letters));
        }
    }

    private static void readFunds(Sheet sheet, List<FundsRow> funds, List<CellError> errors) {
        String sheetName = FundsSheetLayout.SHEET;
        var header = header(sheet);
        List<String> required = List.of(FundsSheetLayout.MONTH, FundsSheetLayout.AMOUNT, FundsSheetLayout.VOUCHER_NUMBER,
                FundsSheetLayout.VOUCHER_DATE);
        if (header.isEmpty() || !header.get().getValue().keySet().containsAll(required)) {
            errors.add(new CellError(sheetName, 1, "A", FundsSheetLayout.SERIAL, "HeaderRow",
                    "the header row starts with 序号 and has " + String.join(", ", FundsSheetLayout.HEADERS)));
            return;
        }
        Map<String, Integer> index = header.get().getValue();
        Map<String, String> letters = new HashMap<>();
        index.forEach((title, column) -> letters.put(title, CellReference.convertNumToColString(column)));
        for (int r = header.get().getKey() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(row, index)) {
                continue;
            }
            Cells cells = new Cells(row, index, letters, sheetName, r + 1, errors);
            String code = cells.text(FundsSheetLayout.CODE);
            String name = cells.text(FundsSheetLayout.NAME);
            if (code.isEmpty() && name.isEmpty()) {
                cells.error(FundsSheetLayout.NAME, "Required", "the project's code or name, as in " + SHEET);
            }
            YearMonth month = cells.month(FundsSheetLayout.MONTH);
            BigDecimal amount = cells.wan(FundsSheetLayout.AMOUNT);
            String voucher = cells.text(FundsSheetLayout.VOUCHER_NUMBER);
            LocalDate voucherDate = cells.date(FundsSheetLayout.VOUCHER_DATE);
            funds.add(new FundsRow(r + 1, code, name, month, amount, voucher, voucherDate, letters));
        }
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String masked(String value) {
        return value.contains("*") ? "" : value;
    }

    private static boolean blank(Row row, Map<String, Integer> index) {
        return index.entrySet().stream().filter(entry -> !entry.getKey().equals(SERIAL))
                .allMatch(entry -> SheetCells.isEmpty(row.getCell(entry.getValue())));
    }

    /** The cells of one row by header, recording the errors they have. */
    private static final class Cells {

        private final Row row;
        private final Map<String, Integer> index;
        private final Map<String, String> letters;
        private final String sheet;
        private final int excelRow;
        private final List<CellError> errors;

        Cells(Row row, Map<String, Integer> index, Map<String, String> letters, String sheet, int excelRow, List<CellError> errors) {
            this.row = row;
            this.index = index;
            this.letters = letters;
            this.sheet = sheet;
            this.excelRow = excelRow;
            this.errors = errors;
        }

        Cell cell(String header) {
            Integer column = index.get(header);
            return column == null ? null : row.getCell(column);
        }

        String text(String header) {
            return SheetCells.text(cell(header));
        }

        void error(String header, String rule, String message) {
            errors.add(new CellError(sheet, excelRow, letters.getOrDefault(header, "A"), header, rule, message));
        }

        String oneOf(String header, List<String> allowed) {
            String value = text(header);
            if (!value.isEmpty() && !allowed.contains(value)) {
                error(header, "AllowedValue", "one of " + String.join(" / ", allowed) + ", not \"" + value + "\"");
                return null;
            }
            return value.isEmpty() ? null : value;
        }

        LocalDate date(String header) {
            Cell cell = cell(header);
            if (SheetCells.isEmpty(cell)) {
                return null;
            }
            Optional<LocalDate> date = SheetCells.date(cell);
            if (date.isEmpty()) {
                error(header, "Date", "a date yyyy-mm-dd, not \"" + SheetCells.text(cell) + "\"");
            }
            return date.orElse(null);
        }

        YearMonth month(String header) {
            Cell cell = cell(header);
            if (SheetCells.isEmpty(cell)) {
                error(header, "Required", "the month, yyyy-mm");
                return null;
            }
            Optional<LocalDate> date = SheetCells.date(cell);
            if (date.isPresent()) {
                return YearMonth.from(date.get());
            }
            try {
                return YearMonth.parse(SheetCells.text(cell));
            } catch (DateTimeParseException e) {
                error(header, "Month", "a month yyyy-mm, not \"" + SheetCells.text(cell) + "\"");
                return null;
            }
        }

        /**
         * An amount in 万元 converted exactly to the unit below (yuan or dollars); what amounts the API
         * takes (decimals, sign, size) is the API's rule, checked on the request the row stands for.
         */
        BigDecimal wan(String header) {
            Cell cell = cell(header);
            if (SheetCells.isEmpty(cell)) {
                return null;
            }
            Optional<BigDecimal> value = SheetCells.number(cell);
            if (value.isEmpty()) {
                error(header, "Amount", "an amount in 万元, not \"" + SheetCells.text(cell) + "\"");
                return null;
            }
            BigDecimal units = value.get().stripTrailingZeros().movePointRight(WAN);
            return units.scale() < 0 ? units.setScale(0) : units;
        }
    }

    /** One project of an export, with its values already as the file shows them. */
    public record ExportRow(String code, String name, String investor, String uscc, String county, String park,
            String industryCode, String chains, String keyArea, String channel, String team, String stage,
            LocalDate signingDate, BigDecimal contractAmountYuan, BigDecimal fdiUsd, LocalDate plannedStartDate,
            String site, String contactName, String contactPhone, String remark, LocalDate landingDate, LocalDate startDate,
            LocalDate completionDate, LocalDate productionDate, String agreementNumber, String landingDocumentType,
            String landingDocumentNumber, String permitNumber) {
    }

    /** One month of an exported project's funds in place (its latest version), amount in yuan. */
    public record ExportFundsRow(String code, String name, YearMonth month, BigDecimal amountYuan, String voucherNumber,
            LocalDate voucherDate) {
    }

    /**
     * The library as the monthly list: a title row, the headers (A–U and the platform's V–AC), one
     * row per project; and the 到位资金 sheet with every month of their funds, so that the file read
     * back changes nothing.
     */
    public static byte[] write(String title, List<ExportRow> rows, List<ExportFundsRow> funds) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            sheet.createRow(0).createCell(0).setCellValue(title);
            sheet.getRow(0).getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(1);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            int r = 2;
            for (ExportRow project : rows) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 1);
                List<Function<ExportRow, Object>> values = List.of(ExportRow::code, ExportRow::name, ExportRow::investor,
                        ExportRow::uscc, ExportRow::county, ExportRow::park, ExportRow::industryCode, ExportRow::chains,
                        ExportRow::keyArea, ExportRow::channel, ExportRow::team, ExportRow::stage, ExportRow::signingDate,
                        p -> p.contractAmountYuan() == null ? null : p.contractAmountYuan().movePointLeft(WAN),
                        p -> p.fdiUsd() == null ? null : p.fdiUsd().movePointLeft(WAN),
                        ExportRow::plannedStartDate, ExportRow::site, ExportRow::contactName, ExportRow::contactPhone,
                        ExportRow::remark, ExportRow::landingDate, ExportRow::startDate, ExportRow::completionDate,
                        ExportRow::productionDate, ExportRow::agreementNumber, ExportRow::landingDocumentType,
                        ExportRow::landingDocumentNumber, ExportRow::permitNumber);
                for (int c = 0; c < values.size(); c++) {
                    write(row.createCell(c + 1), values.get(c).apply(project), date);
                }
                r++;
            }
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.setColumnWidth(c, 14 * 256);
            }
            Sheet fundsSheet = workbook.createSheet(FundsSheetLayout.SHEET);
            Row fundsHeader = fundsSheet.createRow(0);
            for (int c = 0; c < FundsSheetLayout.HEADERS.size(); c++) {
                fundsHeader.createCell(c).setCellValue(FundsSheetLayout.HEADERS.get(c));
                fundsHeader.getCell(c).setCellStyle(bold);
                fundsSheet.setColumnWidth(c, 14 * 256);
            }
            int f = 1;
            for (ExportFundsRow month : funds) {
                Row row = fundsSheet.createRow(f);
                // a project registered without a code has none here (List.of would refuse the null)
                List<Object> values = Arrays.asList(f, month.code(), month.name(), month.month().toString(),
                        month.amountYuan().movePointLeft(WAN), month.voucherNumber(), month.voucherDate());
                for (int c = 0; c < values.size(); c++) {
                    write(row.createCell(c), values.get(c), date);
                }
                f++;
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Cell cell, Object value, CellStyle date) {
        switch (value) {
            case null -> cell.setBlank();
            case LocalDate day -> {
                cell.setCellValue(day);
                cell.setCellStyle(date);
            }
            // a number when a double holds it exactly (15 significant digits), else exact text
            case BigDecimal amount -> {
                if (amount.precision() <= 15) {
                    cell.setCellValue(amount.doubleValue());
                } else {
                    cell.setCellValue(amount.stripTrailingZeros().toPlainString());
                }
            }
            case Integer number -> cell.setCellValue(number);
            default -> cell.setCellValue(value.toString());
        }
    }
}
