package cn.gov.zhaoshang.reporting.exports.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.reporting.ranking.application.Standings;
import cn.gov.zhaoshang.reporting.report.model.Figure;
import cn.gov.zhaoshang.reporting.report.model.Ratio;
import cn.gov.zhaoshang.reporting.report.model.UnitReport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 招商引资工作月统计表 (excel-formats.md): one row per child unit, then 合计 for the unit itself, with
 * the year to date at the month's end. Amounts in 亿元 with 2 decimals, rates in percent with 2
 * decimals, the progress gap in points with 1 decimal (metrics.md), all rounded half up from the
 * exact figures only here; an undefined rate is "—".
 */
public final class MonthlyStatisticsWorkbook {

    public static final String SHEET = "月统计表";
    public static final List<String> HEADERS = List.of("单位", "新签约项目(个)", "合同投资额(亿元)", "年度目标(亿元)", "完成率(%)",
            "序时进度(%)", "超(慢)序时进度(个百分点)", "同比增长(%)", "制造业项目(个)", "制造业投资额(亿元)", "制造业占比(%)",
            "到位资金(亿元)", "到位资金完成率(%)", "到位资金同比(%)", "四类500强项目(个)", "10亿元以上项目(个)", "驻点签约额(亿元)",
            "驻点完成率(%)", "排名", "预警");
    public static final String TOTAL = "合计";
    public static final String UNDEFINED = "—";
    /** Rows above the first unit: the title and the header. */
    public static final int HEADER_ROW = 1;

    private MonthlyStatisticsWorkbook() {
    }

    /**
     * @param standings    the unit's standings at the month (its children's order, ranks and warnings)
     * @param childReports the children's full reports of the same year to date, by code (the table's figures)
     */
    public static byte[] write(Standings.Result standings, Map<String, UnitReport> childReports) {
        YearMonth month = standings.month();
        UnitReport total = standings.report();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(SHEET);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(total.orgUnitName() + "招商引资工作月统计表（" + month.getYear() + "年1-"
                    + month.getMonthValue() + "月）");
            title.getCell(0).setCellStyle(styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
            Row header = sheet.createRow(HEADER_ROW);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
                header.getCell(c).setCellStyle(styles.header);
            }
            int r = HEADER_ROW + 1;
            for (Standings.UnitStanding child : standings.children()) {
                UnitReport report = childReports.get(child.figures().orgUnit());
                if (report == null) {
                    throw new IllegalArgumentException("no report of the child " + child.figures().orgUnit());
                }
                writeRow(sheet.createRow(r++), report, child, report.orgUnitName(), styles);
            }
            writeRow(sheet.createRow(r), total, standings.total(), TOTAL, styles);
            sheet.createFreezePane(1, HEADER_ROW + 1);
            sheet.setColumnWidth(0, 16 * 256);
            for (int c = 1; c < HEADERS.size(); c++) {
                sheet.setColumnWidth(c, 13 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRow(Row row, UnitReport report, Standings.UnitStanding standing, String label, Styles styles) {
        Figure contract = report.contractInvestment();
        Figure funds = report.fundsInPlace();
        Figure teams = report.residentTeams().total().signedInvestment();
        List<Object> values = new ArrayList<>();
        values.add(label);
        values.add(count(report.signedCount().actual()));
        values.add(yi(contract.actual()));
        values.add(yi(contract.target()));
        values.add(percent(contract.completion()));
        values.add(percent(report.timeProgress()));
        values.add(points(contract.progressGap()));
        values.add(percent(contract.yearOnYear()));
        values.add(count(report.manufacturingCount().actual()));
        values.add(yi(report.manufacturingInvestment().actual()));
        values.add(percent(report.manufacturingShare().actual()));
        values.add(yi(funds.actual()));
        values.add(percent(funds.completion()));
        values.add(percent(funds.yearOnYear()));
        values.add(count(report.top500().fourClasses().actual()));
        values.add(count(report.sizeBands().atLeast1Billion().actual()));
        values.add(yi(teams.actual()));
        values.add(percent(teams.completion()));
        values.add(standing.rank() == null ? "" : BigDecimal.valueOf(standing.rank()));
        values.add(standing.warning() == null ? "" : standing.warning().labelZh());
        for (int c = 0; c < values.size(); c++) {
            Cell cell = row.createCell(c);
            Object value = values.get(c);
            if (value instanceof BigDecimal number) {
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(number.scale() == 2 ? styles.twoDecimals : number.scale() == 1 ? styles.oneDecimal : styles.integer);
            } else {
                cell.setCellValue(value == null ? UNDEFINED : (String) value);
                cell.setCellStyle(c == 0 ? styles.text : styles.centered);
            }
        }
    }

    /** 亿元 with 2 decimals, half up; null stays null ("—"). */
    static BigDecimal yi(BigDecimal yuan) {
        return yuan == null ? null : yuan.movePointLeft(8).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(Ratio ratio) {
        return ratio == null ? null : ratio.percent(2);
    }

    static BigDecimal points(Ratio ratio) {
        return ratio == null ? null : ratio.percent(1);
    }

    static BigDecimal count(BigDecimal count) {
        return count == null ? null : count.setScale(0, RoundingMode.UNNECESSARY);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle centered;
        final CellStyle integer;
        final CellStyle oneDecimal;
        final CellStyle twoDecimals;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            title = workbook.createCellStyle();
            title.setFont(bold);
            title.setAlignment(HorizontalAlignment.CENTER);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            text = workbook.createCellStyle();
            centered = workbook.createCellStyle();
            centered.setAlignment(HorizontalAlignment.CENTER);
            integer = numeric(workbook, "0");
            oneDecimal = numeric(workbook, "0.0");
            twoDecimals = numeric(workbook, "0.00");
        }

        private static CellStyle numeric(XSSFWorkbook workbook, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }
    }
}
