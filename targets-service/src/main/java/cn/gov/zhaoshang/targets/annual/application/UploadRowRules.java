package cn.gov.zhaoshang.targets.annual.application;

import java.util.List;

import cn.gov.zhaoshang.targets.annual.application.TargetWorkbook.CellError;
import cn.gov.zhaoshang.targets.annual.application.TargetWorkbook.UploadRow;

/**
 * The API's rules for setting a unit's targets, applied to a row of 年度目标任务表, so that a file and
 * the API refuse the same values. The request record that states them belongs to the web layer,
 * which implements this.
 */
public interface UploadRowRules {

    /** Every cell of the row that breaks a rule of the API's request, at most one error per cell. */
    List<CellError> check(UploadRow row);
}
