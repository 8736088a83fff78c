package cn.gov.zhaoshang.platform.validation;

import java.util.Optional;

/**
 * The name a file is uploaded under and saved as (docs/security.md, "Input rules"): a name, never a
 * path. An upload's name is refused when it breaks the rule ({@link #problemWith}); a name stored
 * before the rule is made safe on the way out ({@link #forDownload}), so that every stored file can
 * still be downloaded.
 */
public final class FileNames {

    /** The rule's name in a field violation. */
    public static final String RULE = "FileName";

    /** In characters (UTF-16 code units), as the column {@code varchar(255)} never holds fewer. */
    public static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /** What is wrong with an upload's name, for a person, or empty when nothing is. */
    public static Optional<String> problemWith(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.isBlank() || name.length() > MAX_LENGTH) {
            return Optional.of("must be 1 to " + MAX_LENGTH + " characters");
        }
        Optional<String> text = PlainText.problemWith(name, PlainText.Lines.SINGLE);
        if (text.isPresent()) {
            return text;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                return Optional.of("must be a file name without a path: no '/' or '\\' (at index " + i + ")");
            }
            if (isBidiControl(c)) {
                return Optional.of("must not contain the bidirectional control " + PlainText.codePoint(c) + " (at index " + i + ")");
            }
        }
        if (name.strip().equals(".") || name.strip().equals("..")) {
            return Optional.of("must be a file name, not . or ..");
        }
        return Optional.empty();
    }

    /**
     * The name to save a stored file as: each character {@link #problemWith} refuses becomes
     * {@code _}; a name that is then empty, {@code .} or {@code ..} becomes {@code fallback}.
     */
    public static String forDownload(String stored, String fallback) {
        if (stored == null) {
            return fallback;
        }
        StringBuilder safe = new StringBuilder(Math.min(stored.length(), MAX_LENGTH));
        for (int i = 0; i < stored.length() && safe.length() < MAX_LENGTH; i++) {
            char c = stored.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < stored.length() && Character.isLowSurrogate(stored.charAt(i + 1))) {
                if (safe.length() + 2 > MAX_LENGTH) {
                    break;
                }
                safe.append(c).append(stored.charAt(++i));
            } else if (Character.isSurrogate(c) || PlainText.isControl(c) || c == '/' || c == '\\' || isBidiControl(c)) {
                safe.append('_');
            } else {
                safe.append(c);
            }
        }
        String name = safe.toString().strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? fallback : name;
    }

    /** The embeddings, overrides and isolates that can make {@code evil‮fdp.exe} look like a PDF. */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }
}
