package cn.gov.zhaoshang.reporting.monthly.web;

/**
 * Signings of one month for a unit and everything under it.
 *
 * @param contractInvestment sum of contract amounts, a decimal string in yuan
 */
public record MonthlyReport(String orgUnit, String orgUnitName, String month, long signedCount,
        String contractInvestment) {
}
