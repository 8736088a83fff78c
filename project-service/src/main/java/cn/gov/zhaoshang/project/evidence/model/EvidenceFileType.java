package cn.gov.zhaoshang.project.evidence.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a document's proof may be (docs/security.md, "Input rules"): scans and photos
 * (PDF, PNG, JPEG, GIF, WebP) and office documents (Word and Excel, OOXML and the older OLE format).
 * The declared content type must be one of them, and the file must begin as that kind begins.
 * OOXML files are zip archives and OLE files compound documents, so a .docx declared as a
 * spreadsheet still passes: the check tells families apart, not formats within one.
 */
public enum EvidenceFileType {

    PDF("application/pdf", "%PDF-"),
    PNG("image/png", "\u0089PNG\r\n\u001A\n"),
    JPEG("image/jpeg", "\u00FF\u00D8\u00FF"),
    GIF("image/gif", "GIF87a", "GIF89a"),
    WEBP("image/webp", "RIFF????WEBP"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Signatures.ZIP),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Signatures.ZIP),
    DOC("application/msword", Signatures.OLE),
    XLS("application/vnd.ms-excel", Signatures.OLE);

    /** How many leading bytes {@link #matches} needs at most. */
    public static final int HEADER_BYTES = 12;

    private final String mediaType;
    private final List<String> signatures;

    /**
     * @param signatures how a file of this kind may begin, one byte per character (U+0000–U+00FF),
     *     {@code ?} for any byte
     */
    EvidenceFileType(String mediaType, String... signatures) {
        this.mediaType = mediaType;
        this.signatures = List.of(signatures);
    }

    /** {@code application/pdf}: what is stored and served. */
    public String mediaType() {
        return mediaType;
    }

    /** Every media type accepted, in this order. */
    public static List<String> mediaTypes() {
        return Arrays.stream(values()).map(EvidenceFileType::mediaType).toList();
    }

    /**
     * The kind a {@code Content-Type} declares, ignoring case and parameters
     * ({@code Application/PDF; charset=binary} is PDF); empty for any other type.
     */
    public static Optional<EvidenceFileType> declaredBy(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.mediaType.equals(type)).findFirst();
    }

    /**
     * Whether {@code header}, the file's first bytes (at most {@link #HEADER_BYTES}; fewer when the
     * file is shorter), begins as this kind of file does.
     */
    public boolean matches(byte[] header) {
        return signatures.stream().anyMatch(signature -> startsWith(header, signature));
    }

    private static boolean startsWith(byte[] header, String signature) {
        if (header.length < signature.length()) {
            return false;
        }
        for (int i = 0; i < signature.length(); i++) {
            char expected = signature.charAt(i);
            if (expected != '?' && (header[i] & 0xFF) != expected) {
                return false;
            }
        }
        return true;
    }

    private static final class Signatures {
        /** A zip archive's local file header, as every OOXML file begins. */
        static final String ZIP = "PK\u0003\u0004";
        /** An OLE compound document, as .doc and .xls begin. */
        static final String OLE = "\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1";
    }
}
