package cn.gov.zhaoshang.platform.validation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.zhaoshang.platform.errors.FieldViolation;

/**
 * The text rules of a request's query parameters and path variables (docs/security.md, "Input
 * rules"): each is single-line {@link PlainText}, and a query parameter's percent-encoded bytes are
 * strictly UTF-8. The query string is read here as sent, not as the servlet container decoded it
 * (which may put U+FFFD in place of bytes that are not UTF-8), and whatever way a controller reads
 * its parameters (one by one or as a map), these rules have held.
 */
public final class RequestLineText {

    /** The field of a violation in a query parameter whose very name cannot be read. */
    public static final String QUERY = "query";

    private RequestLineText() {
    }

    /**
     * Every parameter and path variable that breaks the rules, each once, query first.
     *
     * @param rawQuery the query string as sent (still percent-encoded), or null
     * @param pathVariables the path variables as matched (already decoded), or null
     */
    public static List<FieldViolation> violations(String rawQuery, Map<String, String> pathVariables) {
        Map<String, FieldViolation> violations = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                Optional<String> name = decode(equals < 0 ? pair : pair.substring(0, equals));
                if (name.isEmpty()) {
                    violations.putIfAbsent(QUERY, encoding(QUERY, "has a parameter name that"));
                    continue;
                }
                String field = name.get();
                Optional<String> nameProblem = PlainText.problemWith(field, PlainText.Lines.SINGLE);
                if (nameProblem.isPresent()) {
                    violations.putIfAbsent(QUERY, new FieldViolation(QUERY, PlainText.RULE, "has a parameter name that " + nameProblem.get()));
                    continue;
                }
                Optional<String> value = equals < 0 ? Optional.of("") : decode(pair.substring(equals + 1));
                if (value.isEmpty()) {
                    violations.putIfAbsent(field, encoding(field, "must be"));
                } else {
                    PlainText.problemWith(value.get(), PlainText.Lines.SINGLE)
                            .ifPresent(problem -> violations.putIfAbsent(field, new FieldViolation(field, PlainText.RULE, problem)));
                }
            }
        }
        if (pathVariables != null) {
            pathVariables.forEach((name, value) -> PlainText.problemWith(value, PlainText.Lines.SINGLE)
                    .ifPresent(problem -> violations.putIfAbsent(name, new FieldViolation(name, PlainText.RULE, problem))));
        }
        return List.copyOf(violations.values());
    }

    private static FieldViolation encoding(String field, String subject) {
        return new FieldViolation(field, JsonBodyText.ENCODING_RULE,
                subject + " valid percent-encoded UTF-8: a malformed escape, or a malformed or overlong byte sequence");
    }

    /** {@code application/x-www-form-urlencoded} decoding, strict: empty when an escape or the UTF-8 it spells is malformed. */
    static Optional<String> decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                int codePoint = encoded.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException malformed) {
            return Optional.empty();
        }
    }
}
