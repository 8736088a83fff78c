package cn.gov.zhaoshang.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import org.junit.jupiter.api.Test;

class RequestLineTextTest {

    @Test
    void plainParametersAndPathVariablesPass() {
        assertThat(RequestLineText.violations("q=%E6%A1%82%E5%B9%B3+%E9%A1%B9%E7%9B%AE&stage=SIGNED,LANDED&page=0&flag&empty=",
                Map.of("orgUnit", "450881"))).isEmpty();
        assertThat(RequestLineText.violations(null, null)).isEmpty();
        assertThat(RequestLineText.decode("%E6%A1%82%E5%B9%B3+a%2Bb")).hasValue("桂平 a+b");
    }

    @Test
    void aControlCharacterIsNamedByItsParameterOrPathVariable() {
        assertThat(RequestLineText.violations("q=%00&page=0", null))
                .containsExactly(new FieldViolation("q", "PlainText", "must not contain the control character U+0000 (at index 0)"));
        assertThat(RequestLineText.violations("fileName=a%0D%0Ab.pdf&q=a%09b", null)).extracting(FieldViolation::field)
                .containsExactly("fileName", "q");
        assertThat(RequestLineText.violations(null, Map.of("orgUnit", "450\u0000881"))).extracting(FieldViolation::field)
                .containsExactly("orgUnit");
        assertThat(RequestLineText.violations("a%00b=1", null)).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(tuple("query", "PlainText"));
    }

    @Test
    void anEscapeOrByteSequenceThatIsNotUtf8IsNamedByItsParameter() {
        // %C0%AF is an overlong "/"
        assertThat(RequestLineText.violations("q=%C0%AF&page=0", null)).containsExactly(new FieldViolation("q", "Encoding",
                "must be valid percent-encoded UTF-8: a malformed escape, or a malformed or overlong byte sequence"));
        assertThat(RequestLineText.violations("q=%ED%A0%80", null)).extracting(FieldViolation::field).containsExactly("q");
        assertThat(RequestLineText.violations("q=%E6%A1", null)).extracting(FieldViolation::field).containsExactly("q");
        assertThat(RequestLineText.violations("q=%zz", null)).extracting(FieldViolation::field).containsExactly("q");
        assertThat(RequestLineText.violations("q=%4", null)).extracting(FieldViolation::field).containsExactly("q");
        assertThat(RequestLineText.violations("%FF=1", null)).extracting(FieldViolation::field).containsExactly("query");
    }
}
