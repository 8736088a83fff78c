package cn.gov.zhaoshang.project.library.model;

import java.util.regex.Pattern;

/**
 * A GB/T 4754-2017 industry code: a section letter, optionally followed by a two-digit division
 * and one or two more digits (group, class), e.g. {@code C}, {@code C39}, {@code C396}, {@code C3963}.
 */
public record IndustryCode(String value) {

    public static final String PATTERN = "^[A-T](\\d{2}(\\d{1,2})?)?$";
    private static final Pattern SYNTAX = Pattern.compile(PATTERN);

    public IndustryCode {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("not a GB/T 4754 industry code: " + value);
        }
    }

    /**
     * Manufacturing (制造业) is section C, divisions 13–43. A bare section letter C counts as
     * manufacturing; the manufacturing flag is always derived from the code, never entered.
     */
    public boolean isManufacturing() {
        if (value.charAt(0) != 'C') {
            return false;
        }
        if (value.length() == 1) {
            return true;
        }
        int division = Integer.parseInt(value.substring(1, 3));
        return division >= 13 && division <= 43;
    }

}
