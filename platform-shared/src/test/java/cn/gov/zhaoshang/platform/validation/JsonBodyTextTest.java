package cn.gov.zhaoshang.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonBodyTextTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void plainTextIncludingLineBreaksAndTabsPasses() {
        assertThat(check("{\"name\":\"桂平市项目 😀\",\"remark\":\"第一行\\r\\n第二行\\t备注\",\"n\":1,\"ok\":true,\"x\":null}")).isEmpty();
        assertThat(check("\uFEFF{\"name\":\"a\"}")).isEmpty();
    }

    @Test
    void aControlCharacterIsNamedByItsPathInTheBody() {
        assertThat(check("{\"name\":\"桂平\\u0000项目\"}"))
                .containsExactly(new FieldViolation("name", "PlainText", "must not contain the control character U+0000 (at index 2)"));
        assertThat(check("{\"evidence\":[{\"documentNumber\":\"XY-1\"},{\"documentNumber\":\"XY\\u001b\"}],\"tags\":[\"a\",\"b\\u007f\"]}"))
                .extracting(FieldViolation::field).containsExactly("evidence[1].documentNumber", "tags[1]");
        assertThat(check("\"\\u0000\"")).extracting(FieldViolation::field).containsExactly("body");
    }

    @Test
    void aControlCharacterInAPropertyNameNamesItsObject() {
        assertThat(check("{\"contact\":{\"na\\u0000me\":\"x\"}}"))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("contact");
                    assertThat(violation.message()).startsWith("has a property name that must not contain the control character U+0000");
                });
        assertThat(check("{\"a\\u0000\":{\"b\":\"\\u0001\"}}")).extracting(FieldViolation::field).containsExactly("body", "a?.b");
    }

    @Test
    void anUnpairedSurrogateEscapeIsNotUnicode() {
        assertThat(check("{\"name\":\"\\ud800x\"}")).singleElement()
                .satisfies(violation -> assertThat(violation.message()).contains("unpaired surrogate U+D800"));
        assertThat(check("{\"name\":\"\\ud83d\\ude00\"}")).isEmpty();
    }

    @Test
    void anOverlongOrMalformedUtf8SequenceIsNamedByTheFieldItIsIn() {
        // C0 AF is an overlong "/": Jackson alone reads it as one
        assertThat(violations(bytes("{\"orgUnit\":\"450881\",\"name\":\"a", 0xC0, 0xAF, "b\"}")))
                .containsExactly(new FieldViolation("name", "Encoding",
                        "must be valid UTF-8: a malformed or overlong byte sequence at byte offset 29"));
        // an encoded surrogate, a byte that never starts a sequence, a sequence cut short
        assertThat(violations(bytes("{\"a\":[\"x\",\"", 0xED, 0xA0, 0x80, "\"]}"))).extracting(FieldViolation::field)
                .containsExactly("a[1]");
        assertThat(violations(bytes("{\"a\":{\"b\":\"", 0xFF, "\"}}"))).extracting(FieldViolation::field).containsExactly("a.b");
        assertThat(violations(bytes("{\"a\":\"", 0xE6, 0x8A, "\"}"))).extracting(FieldViolation::field).containsExactly("a");
        // in a property name: the object it is in
        assertThat(violations(bytes("{\"a\":\"x\",\"b", 0xC0, 0xAF, "\":1}"))).extracting(FieldViolation::field).containsExactly("body");
        assertThat(violations(bytes("{\"a\":{\"b", 0xC0, 0xAF, "\":1}}"))).extracting(FieldViolation::field).containsExactly("a");
        assertThat(violations(bytes(0xC0, 0xAF))).extracting(FieldViolation::rule).containsExactly("Encoding");
    }

    @Test
    void aBodyThatIsNotJsonIsLeftToBinding() {
        assertThat(check("{\"name\": ")).isEmpty();
        assertThat(check("not json")).isEmpty();
        assertThat(check("")).isEmpty();
    }

    private static List<FieldViolation> check(String body) {
        return violations(body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<FieldViolation> violations(byte[] body) {
        return JsonBodyText.violations(body, StandardCharsets.UTF_8, JSON);
    }

    /** Text parts as UTF-8, integers as single bytes. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
