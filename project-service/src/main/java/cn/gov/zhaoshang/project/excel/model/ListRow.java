package cn.gov.zhaoshang.project.excel.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import cn.gov.zhaoshang.project.library.model.ProjectStage;

/**
 * One data row of the monthly list, its cells converted to values (dates, stages, amounts already in
 * yuan (CNY) and US dollars); what the values may be is checked by the API's rules afterwards
 * ({@code ListRowRules}). Fields the project library does not hold yet are read all the same.
 *
 * @param row the Excel row number (1-based)
 * @param stages the platform's columns V–AC: stage dates and document numbers
 * @param columns header → Excel column letter, to locate errors found later
 */
public record ListRow(int row, String code, String name, String investor, String uscc, String county, String park,
        String industryCode, String chains, String keyArea, String channel, String team, ProjectStage stage,
        LocalDate signingDate, BigDecimal contractAmount, BigDecimal fdiUsd, LocalDate plannedStartDate, String site,
        String contactName, String contactPhone, String remark, StageCells stages, Map<String, String> columns) {

    public CellError error(String header, String rule, String message) {
        // a list of the bureaus' layout has no 开工日期: its start date came from 计划开工日期
        if (!columns.containsKey(header) && header.equals(ProjectListLayout.START_DATE) && columns.containsKey(ProjectListLayout.PLANNED_START)) {
            return new CellError(ProjectListLayout.SHEET, row, columns.get(ProjectListLayout.PLANNED_START), ProjectListLayout.PLANNED_START,
                    rule, message);
        }
        return new CellError(ProjectListLayout.SHEET, row, columns.getOrDefault(header, "A"), header, rule, message);
    }
}
