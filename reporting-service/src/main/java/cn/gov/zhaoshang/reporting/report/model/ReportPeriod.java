package cn.gov.zhaoshang.reporting.report.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span a report covers (metrics.md, Periods): a calendar month, a quarter, a half year, a year,
 * or the year to date up to the end of a month ("1–10月"). Written as {@code 2022-10},
 * {@code 2022-Q3}, {@code 2022-H1}, {@code 2022} and {@code 2022-10-YTD}.
 *
 * @param kind  what kind of span
 * @param year  the calendar year
 * @param index the month (MONTH, YEAR_TO_DATE: 1–12), the quarter (1–4), the half (1–2); 0 for YEAR
 */
public record ReportPeriod(Kind kind, int year, int index) {

    public enum Kind { MONTH, QUARTER, HALF_YEAR, YEAR, YEAR_TO_DATE }

    private static final Pattern FORMAT = Pattern.compile(
            "(?<year>\\d{4})(?:-(?:(?<month>\\d{2})(?<ytd>-YTD)?|Q(?<quarter>[1-4])|H(?<half>[12])))?");

    public ReportPeriod {
        Objects.requireNonNull(kind, "kind");
        if (year < 1900 || year > 2999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        int max = switch (kind) {
            case MONTH, YEAR_TO_DATE -> 12;
            case QUARTER -> 4;
            case HALF_YEAR -> 2;
            case YEAR -> 0;
        };
        if (kind == Kind.YEAR ? index != 0 : index < 1 || index > max) {
            throw new IllegalArgumentException(kind + " index out of range: " + index);
        }
    }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(Kind.MONTH, month.getYear(), month.getMonthValue());
    }

    public static ReportPeriod yearToDate(YearMonth lastMonth) {
        return new ReportPeriod(Kind.YEAR_TO_DATE, lastMonth.getYear(), lastMonth.getMonthValue());
    }

    public static ReportPeriod quarter(int year, int quarter) {
        return new ReportPeriod(Kind.QUARTER, year, quarter);
    }

    public static ReportPeriod halfYear(int year, int half) {
        return new ReportPeriod(Kind.HALF_YEAR, year, half);
    }

    public static ReportPeriod year(int year) {
        return new ReportPeriod(Kind.YEAR, year, 0);
    }

    /**
     * Reads the written form ({@code 2022-10}, {@code 2022-Q3}, {@code 2022-H1}, {@code 2022},
     * {@code 2022-10-YTD}).
     *
     * @throws IllegalArgumentException when the text is none of them
     */
    public static ReportPeriod parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a period (2022-10, 2022-Q3, 2022-H1, 2022 or 2022-10-YTD): " + text);
        }
        int year = Integer.parseInt(m.group("year"));
        if (m.group("month") != null) {
            int month = Integer.parseInt(m.group("month"));
            return new ReportPeriod(m.group("ytd") != null ? Kind.YEAR_TO_DATE : Kind.MONTH, year, month);
        }
        if (m.group("quarter") != null) {
            return quarter(year, Integer.parseInt(m.group("quarter")));
        }
        if (m.group("half") != null) {
            return halfYear(year, Integer.parseInt(m.group("half")));
        }
        return year(year);
    }

    public YearMonth firstMonth() {
        return switch (kind) {
            case MONTH -> YearMonth.of(year, index);
            case QUARTER -> YearMonth.of(year, 3 * index - 2);
            case HALF_YEAR -> YearMonth.of(year, 6 * index - 5);
            case YEAR, YEAR_TO_DATE -> YearMonth.of(year, 1);
        };
    }

    public YearMonth lastMonth() {
        return switch (kind) {
            case MONTH, YEAR_TO_DATE -> YearMonth.of(year, index);
            case QUARTER -> YearMonth.of(year, 3 * index);
            case HALF_YEAR -> YearMonth.of(year, 6 * index);
            case YEAR -> YearMonth.of(year, 12);
        };
    }

    /** First day, inclusive. */
    public LocalDate from() {
        return firstMonth().atDay(1);
    }

    /** Last day, inclusive. */
    public LocalDate to() {
        return lastMonth().atEndOfMonth();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from()) && !date.isAfter(to());
    }

    /** 去年同期: the same span one year earlier. */
    public ReportPeriod sameLastYear() {
        return new ReportPeriod(kind, year - 1, index);
    }

    /** The year to date up to this period's last month: the span of "signed projects of the year". */
    public ReportPeriod yearToDateAtEnd() {
        return yearToDate(lastMonth());
    }

    /** The half year holding this period's last month (leader activities are required per half year). */
    public ReportPeriod halfYearAtEnd() {
        return halfYear(year, lastMonth().getMonthValue() <= 6 ? 1 : 2);
    }

    /** 序时进度 = months elapsed by the period's end ÷ 12, as an exact fraction (10/12 at the end of October). */
    public Ratio timeProgress() {
        return Ratio.of(java.math.BigDecimal.valueOf(lastMonth().getMonthValue()), java.math.BigDecimal.valueOf(12));
    }

    /** The written form, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> YearMonth.of(year, index).toString();
            case YEAR_TO_DATE -> YearMonth.of(year, index) + "-YTD";
            case QUARTER -> year + "-Q" + index;
            case HALF_YEAR -> year + "-H" + index;
            case YEAR -> String.valueOf(year);
        };
    }
}
