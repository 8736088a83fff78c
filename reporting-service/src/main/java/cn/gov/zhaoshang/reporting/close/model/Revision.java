package cn.gov.zhaoshang.reporting.close.model;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A figure of a closed month that differs now from what was frozen: a later correction, shown in a
 * later report (metrics.md, "Submission and close").
 *
 * @param difference current − frozen, or null when either is undefined
 */
public record Revision(YearMonth month, String figure, String frozen, String current, String difference) {

    /** The figures whose value now differs from the frozen one, by figure code. */
    public static List<Revision> between(YearMonth month, Map<String, String> frozen, Map<String, String> current) {
        List<Revision> revisions = new ArrayList<>();
        TreeSet<String> codes = new TreeSet<>(frozen.keySet());
        codes.addAll(current.keySet());
        for (String code : codes) {
            String before = frozen.get(code);
            String now = current.get(code);
            if (sameValue(before, now)) {
                continue;
            }
            String difference = before == null || now == null ? null
                    : plain(new BigDecimal(now).subtract(new BigDecimal(before)));
            revisions.add(new Revision(month, code, before, now, difference));
        }
        return revisions;
    }

    private static boolean sameValue(String a, String b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
