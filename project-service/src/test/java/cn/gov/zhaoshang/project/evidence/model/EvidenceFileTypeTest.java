package cn.gov.zhaoshang.project.evidence.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class EvidenceFileTypeTest {

    @Test
    void theDeclaredTypeMustBeOnTheAllowListIgnoringCaseAndParameters() {
        assertThat(EvidenceFileType.declaredBy("application/pdf")).hasValue(EvidenceFileType.PDF);
        assertThat(EvidenceFileType.declaredBy("Application/PDF; charset=binary")).hasValue(EvidenceFileType.PDF);
        assertThat(EvidenceFileType.declaredBy("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .hasValue(EvidenceFileType.DOCX);
        assertThat(EvidenceFileType.declaredBy("application/vnd.ms-excel")).hasValue(EvidenceFileType.XLS);
        assertThat(EvidenceFileType.declaredBy("text/html")).isEmpty();
        assertThat(EvidenceFileType.declaredBy("image/svg+xml")).isEmpty();
        assertThat(EvidenceFileType.declaredBy("application/octet-stream")).isEmpty();
        assertThat(EvidenceFileType.declaredBy("application/pdfx")).isEmpty();
        assertThat(EvidenceFileType.declaredBy(null)).isEmpty();
    }

    @Test
    void theFileMustBeginAsItsTypeBegins() {
        assertThat(EvidenceFileType.PDF.matches(ascii("%PDF-1.7\n%"))).isTrue();
        assertThat(EvidenceFileType.PDF.matches(ascii("<html>"))).isFalse();
        assertThat(EvidenceFileType.PNG.matches(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13))).isTrue();
        assertThat(EvidenceFileType.JPEG.matches(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isTrue();
        assertThat(EvidenceFileType.JPEG.matches(bytes(0xFF, 0xD8))).isFalse();
        assertThat(EvidenceFileType.GIF.matches(ascii("GIF89a"))).isTrue();
        assertThat(EvidenceFileType.GIF.matches(ascii("GIF87a"))).isTrue();
        assertThat(EvidenceFileType.GIF.matches(ascii("GIF88a"))).isFalse();
        assertThat(EvidenceFileType.WEBP.matches(bytes('R', 'I', 'F', 'F', 0x24, 0x10, 0, 0, 'W', 'E', 'B', 'P'))).isTrue();
        assertThat(EvidenceFileType.WEBP.matches(ascii("RIFF$\0\0\0WAVE"))).isFalse();
        assertThat(EvidenceFileType.DOCX.matches(bytes('P', 'K', 3, 4, 20, 0))).isTrue();
        assertThat(EvidenceFileType.XLSX.matches(bytes('P', 'K', 5, 6))).isFalse();
        assertThat(EvidenceFileType.DOC.matches(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1))).isTrue();
        assertThat(EvidenceFileType.XLS.matches(bytes('P', 'K', 3, 4))).isFalse();
        assertThat(EvidenceFileType.PDF.matches(new byte[0])).isFalse();
    }

    @Test
    void aStoredFileIsServedWithASafeNameAndAnAllowedTypeOrOctetStream() {
        StoredFile old = new StoredFile(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"), null, 0,
                "text/html", "../../../../etc/passwd", 0, null, null, null);
        assertThat(old.safeFileName()).isEqualTo(".._.._.._.._etc_passwd");
        assertThat(old.downloadFileName()).isEqualTo(".._.._.._.._etc_passwd");
        assertThat(old.servedContentType()).isEqualTo("application/octet-stream");
        StoredFile unnamed = new StoredFile(old.evidenceId(), null, 0, "application/pdf", null, 0, null, null, null);
        assertThat(unnamed.safeFileName()).isNull();
        assertThat(unnamed.downloadFileName()).isEqualTo("evidence-00000000-0000-0000-0000-000000000001");
        assertThat(unnamed.servedContentType()).isEqualTo("application/pdf");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
