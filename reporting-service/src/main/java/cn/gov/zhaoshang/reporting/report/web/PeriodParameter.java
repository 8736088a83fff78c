package cn.gov.zhaoshang.reporting.report.web;

import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import java.util.List;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;

/** The {@code period} query parameter of the report APIs: a bad one is a 400 naming {@code period}. */
public final class PeriodParameter {

    private PeriodParameter() {
    }

    /**
     * @throws RequestValidationException naming {@code period} when the text is not a period
     */
    public static ReportPeriod parse(String period) {
        try {
            return ReportPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw new RequestValidationException(List.of(new FieldViolation("period", "ReportPeriod",
                    "must be a month (2022-10), quarter (2022-Q3), half year (2022-H1), year (2022) or year to date (2022-10-YTD)")));
        }
    }
}
