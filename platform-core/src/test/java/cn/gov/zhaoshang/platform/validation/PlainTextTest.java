package cn.gov.zhaoshang.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhaoshang.platform.validation.PlainText.Lines;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void textWithoutControlCharactersIsPlain() {
        assertThat(PlainText.problemWith("桂平市木材精深加工项目 (一期) 😀", Lines.SINGLE)).isEmpty();
        assertThat(PlainText.problemWith("", Lines.SINGLE)).isEmpty();
        assertThat(PlainText.problemWith(null, Lines.SINGLE)).isEmpty();
    }

    @Test
    void everyControlCharacterIsRefusedAndNamed() {
        assertThat(PlainText.problemWith("桂平\u0000项目", Lines.MULTI)).hasValue("must not contain the control character U+0000 (at index 2)");
        assertThat(PlainText.problemWith("a\u001Fb", Lines.MULTI)).hasValueSatisfying(problem -> assertThat(problem).contains("U+001F"));
        assertThat(PlainText.problemWith("a\u007Fb", Lines.MULTI)).hasValueSatisfying(problem -> assertThat(problem).contains("U+007F"));
        assertThat(PlainText.problemWith("a\u0085b", Lines.MULTI)).hasValueSatisfying(problem -> assertThat(problem).contains("U+0085"));
        assertThat(PlainText.problemWith("a\u009Fb", Lines.MULTI)).hasValueSatisfying(problem -> assertThat(problem).contains("U+009F"));
        assertThat(PlainText.problemWith("a\u00A0b", Lines.MULTI)).isEmpty();
    }

    @Test
    void tabAndLineBreaksAreAllowedOnlyInMultiLineText() {
        assertThat(PlainText.problemWith("第一行\r\n第二行\t备注", Lines.MULTI)).isEmpty();
        assertThat(PlainText.problemWith("a\tb", Lines.SINGLE)).hasValueSatisfying(problem -> assertThat(problem).contains("U+0009"));
        assertThat(PlainText.problemWith("a\nb", Lines.SINGLE)).hasValueSatisfying(problem -> assertThat(problem).contains("U+000A"));
        assertThat(PlainText.problemWith("a\rb", Lines.SINGLE)).hasValueSatisfying(problem -> assertThat(problem).contains("U+000D"));
    }

    @Test
    void anUnpairedSurrogateIsNotUnicode() {
        assertThat(PlainText.problemWith("a\uD800b", Lines.MULTI)).hasValue("must be valid Unicode: an unpaired surrogate U+D800 at index 1");
        assertThat(PlainText.problemWith("a\uDC00", Lines.MULTI)).hasValueSatisfying(problem -> assertThat(problem).contains("U+DC00"));
        assertThat(PlainText.problemWith("\uD83D", Lines.MULTI)).isPresent();
        assertThat(PlainText.problemWith("\uD83D\uDE00", Lines.MULTI)).isEmpty();
    }
}
