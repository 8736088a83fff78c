package cn.gov.zhaoshang.launcher;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The day the demo data is made for, and the periods around it: this year up to that day, all of
 * last year, and the last complete month. The data is generated relative to the platform's first
 * start, so that the console's default period (this year to date) is never empty.
 *
 * @param today the day of the first start; no generated date is later
 */
record DemoCalendar(LocalDate today) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * Today in China, but not later than the day on this machine: the services judge "not in the
     * future" ({@code @PastOrPresent}) by the JVM's own time zone, so between midnight in China and
     * midnight here (8 hours on a UTC machine) China's date would be refused.
     */
    static DemoCalendar ofFirstStart() {
        LocalDate china = LocalDate.now(CHINA);
        LocalDate here = LocalDate.now();
        return new DemoCalendar(china.isAfter(here) ? here : china);
    }

    int year() {
        return today.getYear();
    }

    int lastYear() {
        return today.getYear() - 1;
    }

    YearMonth currentMonth() {
        return YearMonth.from(today);
    }

    /** The month before the current one: in the first days of January, December of last year. */
    YearMonth lastCompleteMonth() {
        return currentMonth().minusMonths(1);
    }

    /** January of this year up to the current month. */
    List<YearMonth> monthsOfThisYear() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.of(year(), 1); !month.isAfter(currentMonth()); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** The twelve months of last year. */
    List<YearMonth> monthsOfLastYear() {
        List<YearMonth> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            months.add(YearMonth.of(lastYear(), month));
        }
        return months;
    }

    /** How much of a month lies up to today: 1 for an earlier month, the days so far for the current one, 0 later. */
    double elapsedShare(YearMonth month) {
        if (month.isBefore(currentMonth())) {
            return 1;
        }
        return month.equals(currentMonth()) ? (double) today.getDayOfMonth() / month.lengthOfMonth() : 0;
    }

    /** The share of this year elapsed by the end of today, counted in months as time progress is (6 December: 11.19 / 12). */
    double yearElapsed() {
        return (today.getMonthValue() - 1 + elapsedShare(currentMonth())) / 12;
    }

    /** The last day of a month that lies up to today. */
    LocalDate lastDayUpToToday(YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        return end.isAfter(today) ? today : end;
    }

    LocalDate capped(LocalDate date) {
        return date.isAfter(today) ? today : date;
    }
}
