package cn.gov.zhaoshang.enterprise.editionimport.infrastructure;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.enterprise.editionimport.model.EditionFile;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.excel.SpreadsheetTooLargeException;
import cn.gov.zhaoshang.platform.excel.Spreadsheets;
import cn.gov.zhaoshang.platform.validation.PlainText;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.stereotype.Component;

/**
 * Reads the rows of an edition file, xlsx (recognised by its zip signature, opened within
 * {@link Spreadsheets}' caps) or UTF-8 CSV. A CSV that is not valid UTF-8, or a cell holding a
 * control character (a NUL, which PostgreSQL refuses, or an escape), is 400 naming the file or the
 * cell, never stored and never a 500.
 */
@Component
public class EditionFileReader {

    private static final int MAX_ROWS = 20_000;

    public List<EditionFile.Row> read(byte[] content) {
        List<List<String>> lines = isZip(content) ? xlsxLines(content) : csvLines(content);
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            if (!lines.get(i).isEmpty() && EditionFile.SERIAL.equals(lines.get(i).getFirst().strip())) {
                header = i;
            }
        }
        if (header < 0) {
            throw invalidFile("has no header row starting with " + EditionFile.SERIAL);
        }
        List<String> headers = lines.get(header).stream().map(String::strip).toList();
        if (!headers.contains(EditionFile.NAME)) {
            throw invalidFile("has no column " + EditionFile.NAME);
        }
        List<EditionFile.Row> rows = new ArrayList<>();
        for (int i = header + 1; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            if (line.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < headers.size() && c < line.size(); c++) {
                int rowNumber = i + 1;
                String column = headers.get(c);
                PlainText.problemWith(line.get(c), PlainText.Lines.MULTI).ifPresent(problem -> {
                    throw new RequestValidationException(List.of(new FieldViolation(
                            "row " + rowNumber + " " + column, PlainText.RULE, problem)));
                });
                cells.put(column, line.get(c));
            }
            rows.add(new EditionFile.Row(i + 1, cells));
        }
        if (rows.size() > MAX_ROWS) {
            throw invalidFile("has more than " + MAX_ROWS + " rows");
        }
        return rows;
    }

    private static boolean isZip(byte[] content) {
        return content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static List<List<String>> xlsxLines(byte[] content) {
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = Spreadsheets.open(content)) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> lines = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> line = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        line.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                }
                lines.add(line);
            }
            return lines;
        } catch (SpreadsheetTooLargeException overACap) {
            throw overACap;
        } catch (IOException | RuntimeException e) {
            throw invalidFile("is not a readable xlsx workbook");
        }
    }

    /** RFC 4180: fields may be quoted, quotes doubled inside; a UTF-8 byte-order mark is ignored. */
    static List<List<String>> csvLines(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw invalidFile("is neither an xlsx workbook nor UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !line.isEmpty()) {
            line.add(field.toString());
            lines.add(line);
        }
        return lines;
    }

    private static RequestValidationException invalidFile(String problem) {
        return new RequestValidationException(List.of(new FieldViolation("file", "EditionFile",
                "the file " + problem + "; expected columns " + String.join(", ", EditionFile.COLUMNS))));
    }
}
