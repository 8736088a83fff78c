package cn.gov.zhaoshang.reporting.report.model;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One month's sums of a unit (its own records and everything under it), in yuan, exact. */
public record UnitMonth(YearMonth month, BigDecimal contractInvestment, BigDecimal fundsInPlace) {
}
