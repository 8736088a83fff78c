package cn.gov.zhaoshang.platform.validation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text rules of a JSON request body (docs/security.md, "Input rules"), checked on the body's
 * bytes before it is bound, so that they hold for every body whatever it is bound to: the bytes
 * are strictly valid in their charset (UTF-8 unless the request says otherwise; Jackson alone reads
 * the overlong {@code C0 AF} as {@code /}), and every string and property name is
 * {@link PlainText} (multi-line). A violation names the field the way bean validation does
 * ({@code evidence[0].documentNumber}); {@value #BODY} is the body itself.
 */
public final class JsonBodyText {

    /** The field of a violation that is not inside an object or array. */
    public static final String BODY = "body";

    /** The rule's name when the bytes are not text in the body's charset. */
    public static final String ENCODING_RULE = "Encoding";

    private JsonBodyText() {
    }

    /**
     * Every field that breaks the rules, in body order, each once; empty when none does. A body that
     * is not JSON is not judged here: binding refuses it as before.
     */
    public static List<FieldViolation> violations(byte[] body, Charset charset, JsonMapper json) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(body.length * (double) decoder.maxCharsPerByte()) + 16);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            String field = fieldAtEndOf(withoutByteOrderMark(out.flip().toString()), json);
            String message = "must be valid " + (charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset.name())
                    + ": a malformed or overlong byte sequence at byte offset " + in.position();
            return List.of(new FieldViolation(field, ENCODING_RULE, message));
        }
        return plainTextViolations(withoutByteOrderMark(out.flip().toString()), json);
    }

    private static List<FieldViolation> plainTextViolations(String text, JsonMapper json) {
        Map<String, FieldViolation> violations = new LinkedHashMap<>();
        try (JsonParser parser = json.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME) {
                    String field = path(parser.streamReadContext(), false);
                    PlainText.problemWith(parser.currentName(), PlainText.Lines.SINGLE).ifPresent(problem -> violations
                            .putIfAbsent(field, new FieldViolation(field, PlainText.RULE, "has a property name that " + problem)));
                } else if (token == JsonToken.VALUE_STRING) {
                    String field = path(parser.streamReadContext(), true);
                    PlainText.problemWith(parser.getString(), PlainText.Lines.MULTI).ifPresent(problem -> violations
                            .putIfAbsent(field, new FieldViolation(field, PlainText.RULE, problem)));
                }
            }
        } catch (JacksonException notJson) {
            // binding will say what is wrong with it; what was found before stands
        }
        return new ArrayList<>(violations.values());
    }

    /** The field in which {@code prefix}, the valid start of a body, ends. */
    private static String fieldAtEndOf(String prefix, JsonMapper json) {
        try (JsonParser parser = json.createParser(prefix)) {
            JsonToken last = null;
            while (true) {
                JsonToken token;
                try {
                    token = parser.nextToken();
                } catch (JacksonException endsInAToken) {
                    // inside a property name, or a value that is not a string: the property's value
                    // when its name was read last, otherwise the object or array itself
                    return path(parser.streamReadContext(), last == JsonToken.PROPERTY_NAME);
                }
                if (token == null) {
                    return path(parser.streamReadContext(), false);
                }
                last = token;
                if (token == JsonToken.VALUE_STRING) {
                    try {
                        parser.getString();
                    } catch (JacksonException endsInThisString) {
                        return path(parser.streamReadContext(), true);
                    }
                }
            }
        } catch (JacksonException notJson) {
            return BODY;
        }
    }

    /**
     * {@code evidence[0].documentNumber}; with {@code current} false, the innermost object or array
     * itself rather than its current entry.
     */
    static String path(TokenStreamContext context, boolean current) {
        List<String> parts = new ArrayList<>();
        for (TokenStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
            if (level == context && !current) {
                continue;
            }
            if (level.inObject() && level.currentName() != null) {
                parts.addFirst("." + level.currentName());
            } else if (level.inArray() && level.getCurrentIndex() >= 0) {
                parts.addFirst("[" + level.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? BODY : printable(path);
    }

    /** A property name in a field is shown with {@code ?} for its control characters (they are the violation). */
    private static String printable(String path) {
        StringBuilder shown = new StringBuilder(path.length());
        path.codePoints().forEach(c -> shown.appendCodePoint(PlainText.isControl(c) || (c >= 0xD800 && c <= 0xDFFF) ? '?' : c));
        return shown.toString();
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
