package cn.gov.zhaoshang.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Uploaded workbooks are opened only within the caps: expanded size, cells and rows. The files over
 * the real caps are written here as an attacker would, a zip of XML parts (what is counted is read
 * before POI builds anything, so they need not be whole workbooks); workbooks POI writes are checked
 * against smaller caps, so that the count is known to be the one POI's sheets have.
 */
class SpreadsheetsTest {

    @Test
    void aWorkbookWithinTheCapsOpensWithItsCells() throws Exception {
        byte[] file = workbook(40, 25);

        try (XSSFWorkbook opened = Spreadsheets.open(file, 1024 * 1024, 1000, 40)) {
            assertThat(opened.getSheetAt(0).getRow(39).getCell(24).getStringCellValue()).isEqualTo("39-24");
        }
        try (XSSFWorkbook opened = Spreadsheets.open(file)) {
            assertThat(opened.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(40);
        }
    }

    @Test
    void aWorkbookOverTheCellCapIsRefusedNamingTheRule() throws Exception {
        byte[] file = workbook(40, 25);

        assertThatThrownBy(() -> Spreadsheets.open(file, 1024 * 1024, 999, 1000))
                .isInstanceOfSatisfying(SpreadsheetTooLargeException.class, refused -> assertThat(refused.violations())
                        .containsExactly(new FieldViolation("file", "WorkbookCells", "the workbook has more than 999 cells in its sheets")));
        assertThatThrownBy(() -> Spreadsheets.open(file, 1024 * 1024, 1000, 39))
                .isInstanceOfSatisfying(SpreadsheetTooLargeException.class, refused -> assertThat(refused.rule()).isEqualTo("WorkbookRows"));
    }

    @Test
    void aSheetOfHalfAMillionAndOneCellsIsRefusedBeforePoiReadsIt() throws Exception {
        StringBuilder sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int row = 0; row < 1000; row++) {
            sheet.append("<row>").append("<c/>".repeat(row == 0 ? 501 : 500)).append("</row>");
        }
        byte[] file = zip(entry("xl/worksheets/sheet1.xml", sheet.append("</sheetData></worksheet>").toString()));

        assertThat(Spreadsheets.MAX_CELLS).isEqualTo(500_000);
        assertThatThrownBy(() -> Spreadsheets.open(file))
                .isInstanceOfSatisfying(SpreadsheetTooLargeException.class, refused -> assertThat(refused.violations())
                        .containsExactly(new FieldViolation("file", "WorkbookCells",
                                "the workbook has more than 500000 cells in its sheets")));
    }

    @Test
    void aHundredThousandAndOneEmptyRowsAreRefused() throws Exception {
        String rows = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row/>".repeat(100_001) + "</sheetData></worksheet>";
        // in a part of any name: POI follows the workbook's relationships, not names
        byte[] file = zip(entry("xl/elsewhere.bin", rows));

        assertThatThrownBy(() -> Spreadsheets.open(file))
                .isInstanceOfSatisfying(SpreadsheetTooLargeException.class, refused -> assertThat(refused.rule()).isEqualTo("WorkbookRows"));
    }

    @Test
    void aSmallFileThatExpandsPastFiftyMegabytesWithinPoisInflateRatioIsRefused() throws Exception {
        // parts of words from a small vocabulary: they compress about tenfold, far within the 100-fold
        // that POI's inflate ratio allows, so only the cap on what all parts expand to stops them
        Random random = new Random(3);
        String[] words = {"桂平", "港北", "项目", "签约", "落地", "开工", "投资", "园区", "alpha", "beta", "gamma", "delta"};
        Entry[] parts = new Entry[6];
        for (int part = 0; part < parts.length; part++) {
            StringBuilder text = new StringBuilder();
            for (int bytes = 0; bytes < 9 * 1024 * 1024; ) {
                String word = words[random.nextInt(words.length)];
                text.append(word).append(' ');
                bytes += word.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            parts[part] = entry("xl/media/notes" + part + ".txt", text.toString());
        }
        byte[] file = zip(parts);

        assertThat(file.length).as("within the upload limit").isLessThan((int) Spreadsheets.MAX_UPLOAD_BYTES);
        assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(0.01);
        assertThatThrownBy(() -> Spreadsheets.open(file))
                .isInstanceOfSatisfying(SpreadsheetTooLargeException.class, refused -> assertThat(refused.violations())
                        .containsExactly(new FieldViolation("file", "WorkbookExpandedSize",
                                "the workbook's parts expand to more than 50 MB (52428800 bytes)")));
    }

    @Test
    void aFileThatIsNotAnXlsxWorkbookIsUnreadableNotTooLarge() {
        assertThatThrownBy(() -> Spreadsheets.open("序号,项目名称\n1,x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Spreadsheets.open(zip(entry("readme.txt", "not a workbook"))))
                .isInstanceOf(IOException.class);
    }

    private static byte[] workbook(int rows, int columns) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("表");
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < columns; c++) {
                    row.createCell(c).setCellValue(r + "-" + c);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private record Entry(String name, String content) {
    }

    private static Entry entry(String name, String content) {
        return new Entry(name, content);
    }

    private static byte[] zip(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Entry entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.name()));
                zip.write(entry.content().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
