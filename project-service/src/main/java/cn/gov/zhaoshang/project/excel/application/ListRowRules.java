package cn.gov.zhaoshang.project.excel.application;

import java.util.List;

import cn.gov.zhaoshang.project.excel.model.CellError;
import cn.gov.zhaoshang.project.excel.model.FundsRow;
import cn.gov.zhaoshang.project.excel.model.ListRow;

/**
 * The API's rules for registering a project and for reporting a month's funds, applied to a row of
 * the list and of its 到位资金 sheet, so that a file and the API refuse the same values. The request
 * records that state them belong to the web layer, which implements this.
 */
public interface ListRowRules {

    /**
     * Every cell of the row that breaks a rule of the API's request, at most one error per cell.
     *
     * @param orgUnit the code of the unit the row lands in, or the county cell's text when it names none
     */
    List<CellError> check(ListRow row, String orgUnit);

    /** Every cell of a 到位资金 row that breaks a rule of the API's funds request, at most one error per cell. */
    List<CellError> check(FundsRow row);
}
