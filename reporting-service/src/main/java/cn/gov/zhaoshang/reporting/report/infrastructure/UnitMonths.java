package cn.gov.zhaoshang.reporting.report.infrastructure;

import cn.gov.zhaoshang.reporting.report.application.UnitReports;
import cn.gov.zhaoshang.reporting.report.model.UnitMonth;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's contract investment and funds in place month by month (its own records and everything
 * under it), read from the same (unit, month) aggregates and under the same rules as
 * {@link UnitReports}: a signing counts in the month of its signing date, funds in the month they are
 * reported for; terminated projects, unconfirmed signings and projects moved away are already out of
 * the aggregates, and each project counts under its current unit. So the months of a span add up
 * exactly to the report's figure of that span.
 *
 * <p>One grouped statement for any number of months, instead of a report per month. It does not
 * check who asks.
 */
@Component
public class UnitMonths {

    private static final String SQL = UnitReportRepository.UNITS + """
            , signing AS (
                SELECT month, sum(contract_investment) AS amount FROM unit_month_signing
                WHERE month BETWEEN :first AND :last AND org_unit_code IN (SELECT code FROM units)
                GROUP BY month),
            funds AS (
                SELECT month, sum(amount) AS amount FROM unit_month_funds_in_place
                WHERE month BETWEEN :first AND :last AND org_unit_code IN (SELECT code FROM units)
                GROUP BY month)
            SELECT month, coalesce(s.amount, 0) AS contract_investment, coalesce(f.amount, 0) AS funds_in_place
            FROM signing s FULL JOIN funds f USING (month)""";

    private final JdbcClient jdbc;

    public UnitMonths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every month from {@code first} to {@code last}, oldest first; a month without records is zero. */
    @Transactional(readOnly = true)
    public List<UnitMonth> of(String orgUnitCode, YearMonth first, YearMonth last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the last month " + last + " is before the first " + first);
        }
        Map<YearMonth, UnitMonth> found = new HashMap<>();
        jdbc.sql(SQL).param("code", orgUnitCode).param("first", first.atDay(1)).param("last", last.atEndOfMonth())
                .query((rs, row) -> {
                    YearMonth month = YearMonth.from(rs.getObject("month", LocalDate.class));
                    return new UnitMonth(month, rs.getBigDecimal("contract_investment"), rs.getBigDecimal("funds_in_place"));
                })
                .list().forEach(month -> found.put(month.month(), month));
        List<UnitMonth> months = new ArrayList<>();
        BigDecimal zero = new BigDecimal("0.00");
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(found.getOrDefault(month, new UnitMonth(month, zero, zero)));
        }
        return months;
    }
}
