package cn.gov.zhaoshang.project.library.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalised project names, which the duplicate rules compare: full-width characters made
 * half-width, whitespace and punctuation removed, and generic words dropped, so that
 * "桂平市 新能源（一期）项目" and "桂平市新能源一期" are the same name.
 */
public final class ProjectNames {

    // Longest first, so that 有限责任公司 is dropped whole rather than leaving 责任.
    private static final List<String> GENERIC_WORDS = List.of("有限责任公司", "有限公司", "项目", "股份", "集团");
    private static final Pattern SPACE_AND_PUNCTUATION = Pattern.compile("[\\s\\p{P}\\p{S}]+");

    private ProjectNames() {
    }

    public static String normalize(String name) {
        StringBuilder halfWidth = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (c == 0x3000) {
                halfWidth.append(' ');
            } else if (c >= 0xFF01 && c <= 0xFF5E) {
                halfWidth.appendCodePoint(c - 0xFEE0);
            } else {
                halfWidth.appendCodePoint(c);
            }
        });
        String normalized = SPACE_AND_PUNCTUATION.matcher(halfWidth).replaceAll("").toLowerCase(Locale.ROOT);
        for (String generic : GENERIC_WORDS) {
            normalized = normalized.replace(generic, "");
        }
        return normalized;
    }
}
