package cn.gov.zhaoshang.project.excel.model;

import java.util.List;

/**
 * The optional second sheet of a historical import, 到位资金: the monthly funds in place of the
 * projects of the first sheet (the platform's own layout; excel-formats.md has no funds list).
 */
public final class FundsSheetLayout {

    public static final String SHEET = "到位资金";

    public static final String SERIAL = "序号";
    public static final String CODE = "项目编号";
    public static final String NAME = "项目名称";
    public static final String MONTH = "月份";
    public static final String AMOUNT = "到位资金(万元)";
    public static final String VOUCHER_NUMBER = "凭证编号";
    public static final String VOUCHER_DATE = "凭证日期";

    public static final List<String> HEADERS = List.of(SERIAL, CODE, NAME, MONTH, AMOUNT, VOUCHER_NUMBER, VOUCHER_DATE);

    private FundsSheetLayout() {
    }
}
