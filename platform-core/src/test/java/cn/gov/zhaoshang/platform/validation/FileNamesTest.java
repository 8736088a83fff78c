package cn.gov.zhaoshang.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void aNameWithoutAPathIsAccepted() {
        assertThat(FileNames.problemWith("投资协议.pdf")).isEmpty();
        assertThat(FileNames.problemWith("..hidden.pdf")).isEmpty();
        assertThat(FileNames.problemWith("a".repeat(255))).isEmpty();
        assertThat(FileNames.problemWith(null)).isEmpty();
    }

    @Test
    void pathsControlCharactersBidiControlsAndOddLengthsAreRefused() {
        assertThat(FileNames.problemWith("../../../../etc/passwd")).hasValueSatisfying(problem -> assertThat(problem).contains("'/'"));
        assertThat(FileNames.problemWith("..\\..\\boot.ini")).isPresent();
        assertThat(FileNames.problemWith("合同\r\n.pdf")).hasValueSatisfying(problem -> assertThat(problem).contains("U+000D"));
        assertThat(FileNames.problemWith("合同\u0000.pdf")).hasValueSatisfying(problem -> assertThat(problem).contains("U+0000"));
        assertThat(FileNames.problemWith("a\tb.pdf")).isPresent();
        assertThat(FileNames.problemWith("evil\u202Efdp.exe")).hasValueSatisfying(problem -> assertThat(problem).contains("U+202E"));
        assertThat(FileNames.problemWith("..")).isPresent();
        assertThat(FileNames.problemWith(".")).isPresent();
        assertThat(FileNames.problemWith(" ")).isPresent();
        assertThat(FileNames.problemWith("")).isPresent();
        assertThat(FileNames.problemWith("a".repeat(256))).isPresent();
    }

    @Test
    void aStoredNameIsMadeSafeForDownload() {
        assertThat(FileNames.forDownload("投资协议.pdf", "x")).isEqualTo("投资协议.pdf");
        assertThat(FileNames.forDownload("../../../../etc/passwd", "x")).isEqualTo(".._.._.._.._etc_passwd");
        assertThat(FileNames.forDownload("合同\r\n.pdf", "x")).isEqualTo("合同__.pdf");
        assertThat(FileNames.forDownload("a\u0000b\u202E\uD800.pdf", "x")).isEqualTo("a_b__.pdf");
        assertThat(FileNames.forDownload("..", "evidence-1")).isEqualTo("evidence-1");
        assertThat(FileNames.forDownload("  ", "evidence-1")).isEqualTo("evidence-1");
        assertThat(FileNames.forDownload(null, "evidence-1")).isEqualTo("evidence-1");
        assertThat(FileNames.forDownload("😀".repeat(200), "x")).hasSize(254).isEqualTo("😀".repeat(127));
    }
}
