package cn.gov.zhaoshang.enterprise.editionimport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import org.junit.jupiter.api.Test;

/** Issue 25, finding 9, for the list editions' files: malformed text is 400 naming where it is. */
class EditionFileReaderTest {

    private static final String HEADER = "序号,排名,企业名称,统一社会信用代码\r\n";
    private final EditionFileReader reader = new EditionFileReader();

    @Test
    void aWellFormedCsvIsRead() {
        byte[] csv = (HEADER + "1,1,某某科技有限公司,\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read(csv)).singleElement().satisfies(row -> assertThat(row.cells()).containsEntry("企业名称", "某某科技有限公司"));
    }

    @Test
    void aNulInACellIsRefusedNamingItsRowAndColumn() {
        byte[] csv = (HEADER + "1,1,某某\u0000科技有限公司,\r\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read(csv)).isInstanceOfSatisfying(RequestValidationException.class, refused ->
                assertThat(refused.violations()).singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("row 2 企业名称");
                    assertThat(violation.rule()).isEqualTo("PlainText");
                    assertThat(violation.message()).contains("U+0000");
                }));
    }

    @Test
    void aCsvThatIsNotUtf8IsRefusedInsteadOfReadWithReplacementCharacters() {
        byte[] head = HEADER.getBytes(StandardCharsets.UTF_8);
        // an overlong encoding of '/' (C0 AF) in the name
        byte[] row = {'1', ',', '1', ',', (byte) 0xC0, (byte) 0xAF, ',', '\r', '\n'};
        byte[] csv = new byte[head.length + row.length];
        System.arraycopy(head, 0, csv, 0, head.length);
        System.arraycopy(row, 0, csv, head.length, row.length);
        assertThatThrownBy(() -> reader.read(csv)).isInstanceOfSatisfying(RequestValidationException.class, refused ->
                assertThat(refused.violations()).singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("file");
                    assertThat(violation.message()).contains("UTF-8");
                }));
    }
}
