package cn.gov.zhaoshang.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SheetCellsTest {

    @Test
    void numbersAreReadAsExcelShowsThemFromNumericAndTextCells() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row row = workbook.createSheet().createRow(0);
            row.createCell(0).setCellValue(8800.123456);
            row.createCell(1).setCellValue(" 1,500.50 ");
            row.createCell(2).setCellValue("一千万");
            row.createCell(3).setCellValue("   ");

            assertThat(SheetCells.number(row.getCell(0))).contains(new BigDecimal("8800.123456"));
            assertThat(SheetCells.number(row.getCell(1))).contains(new BigDecimal("1500.50"));
            assertThat(SheetCells.number(row.getCell(2))).isEmpty();
            assertThat(SheetCells.isEmpty(row.getCell(3))).isTrue();
            assertThat(SheetCells.isEmpty(row.getCell(4))).isTrue();
            assertThat(SheetCells.text(row.getCell(0))).isEqualTo("8800.123456");
        }
    }

    @Test
    void datesComeFromDateCellsOrIsoText() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row row = workbook.createSheet().createRow(0);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Cell dated = row.createCell(0);
            dated.setCellValue(LocalDate.of(2019, 6, 1));
            dated.setCellStyle(dateStyle);
            row.createCell(1).setCellValue("2019-06-28");
            row.createCell(2).setCellValue("2019/06/28");
            row.createCell(3).setCellValue(43617);

            assertThat(SheetCells.date(row.getCell(0))).contains(LocalDate.of(2019, 6, 1));
            assertThat(SheetCells.date(row.getCell(1))).contains(LocalDate.of(2019, 6, 28));
            assertThat(SheetCells.date(row.getCell(2))).isEmpty();
            assertThat(SheetCells.date(row.getCell(3))).as("a plain number is not a date").isEmpty();
        }
    }

    @Test
    void textWithAControlCharacterIsRefusedNamingItsCellButLineBreaksAreText() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row row = workbook.createSheet("年度目标任务表").createRow(4);
            row.createCell(1).setCellValue("450\u0000881");
            row.createCell(2).setCellValue(" 第一行\n第二行\t备注 ");

            assertThatThrownBy(() -> SheetCells.text(row.getCell(1)))
                    .isInstanceOfSatisfying(SheetCells.NotPlainText.class, invalid -> {
                        assertThat(invalid.violations()).containsExactly(new FieldViolation("年度目标任务表!B5", "PlainText",
                                "sheet 年度目标任务表, row 5, column B: must not contain the control character U+0000 (at index 3)"));
                        assertThat(List.of(invalid.sheet(), invalid.row(), invalid.column()))
                                .containsExactly("年度目标任务表", 5, "B");
                    });
            assertThat(SheetCells.text(row.getCell(2))).isEqualTo("第一行\n第二行\t备注");
        }
    }
}
