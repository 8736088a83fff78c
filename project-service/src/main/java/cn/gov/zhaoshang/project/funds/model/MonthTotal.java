package cn.gov.zhaoshang.project.funds.model;

import java.math.BigDecimal;

/** A month's total of funds in place in scope and how many projects it counts. */
public record MonthTotal(BigDecimal total, long projects) {
}
