package cn.gov.zhaoshang.project.excel.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * One row of the 到位资金 sheet of a historical import: a month's funds of a project of the same file,
 * named by its code or, without one, its name.
 *
 * @param amount in yuan
 */
public record FundsRow(int row, String code, String name, YearMonth month, BigDecimal amount, String voucherNumber,
        LocalDate voucherDate, Map<String, String> columns) {

    public CellError error(String header, String rule, String message) {
        return new CellError(FundsSheetLayout.SHEET, row, columns.getOrDefault(header, "A"), header, rule, message);
    }
}
