package cn.gov.zhaoshang.platform.validation;

import java.util.Locale;
import java.util.Optional;

/**
 * What text the platform accepts from a request (docs/security.md, "Input rules"): valid Unicode
 * without control characters. PostgreSQL refuses U+0000 in text (a 500 before this rule), an unpaired
 * surrogate would be stored as {@code ?}, and the other control characters have no business in a
 * name, a number or a remark. Multi-line text (a JSON string) may hold tab, line feed and carriage
 * return; a single-line value (a query parameter, a path variable, a header) holds none of them.
 */
public final class PlainText {

    /** The rule's name in a field violation. */
    public static final String RULE = "PlainText";

    /** Whether tab, line feed and carriage return are allowed. */
    public enum Lines {
        SINGLE, MULTI
    }

    private PlainText() {
    }

    /** What is wrong with {@code text}, for a person ("must not contain…"), or empty when nothing is. */
    public static Optional<String> problemWith(CharSequence text, Lines lines) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must be valid Unicode: an unpaired surrogate " + codePoint(c) + " at index " + i);
            } else if (isControl(c) && !(lines == Lines.MULTI && (c == '\t' || c == '\n' || c == '\r'))) {
                return Optional.of("must not contain the control character " + codePoint(c) + " (at index " + i + ")");
            }
        }
        return Optional.empty();
    }

    /** Unicode's control characters (category Cc): U+0000–U+001F, U+007F and U+0080–U+009F. */
    public static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /** {@code U+0000}. */
    public static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }
}
