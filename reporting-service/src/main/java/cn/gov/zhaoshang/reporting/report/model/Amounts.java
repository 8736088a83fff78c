package cn.gov.zhaoshang.reporting.report.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How amounts are shown: 亿元 (10⁸ yuan) with 2 decimals, half up (metrics.md). */
public final class Amounts {

    private Amounts() {
    }

    /** Yuan to 亿元 with 2 decimals, half up: 89015000000.00 → "890.15". */
    public static String yi(BigDecimal yuan) {
        return yuan == null ? null : yuan.movePointLeft(8).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Yuan as the API gives amounts: a plain decimal string, exact, with at least 2 decimals. */
    public static String yuan(BigDecimal yuan) {
        if (yuan == null) {
            return null;
        }
        return yuan.scale() <= 2 ? yuan.setScale(2).toPlainString() : yuan.toPlainString();
    }
}
