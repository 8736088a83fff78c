package cn.gov.zhaoshang.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Edits the XML of an xlsx (or any OOXML file) as a hostile client would, where Apache POI would
 * refuse to write it: a DOCTYPE in a part, {@code _x0000_} in a cell's text.
 */
public final class XlsxParts {

    /** A DOCTYPE with an external entity, as an XXE attempt begins. */
    public static final String DOCTYPE = "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";

    private XlsxParts() {
    }

    /** The file with {@code part} (e.g. {@code xl/workbook.xml}) rewritten by {@code edit}; every other entry as it was. */
    public static byte[] rewrite(byte[] file, String part, UnaryOperator<String> edit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(file)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    found = true;
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!found) {
            throw new IllegalArgumentException("the file has no part " + part);
        }
        return out.toByteArray();
    }

    /** The file with {@link #DOCTYPE} right after the XML declaration of {@code part}. */
    public static byte[] withDoctype(byte[] file, String part) {
        return rewrite(file, part, xml -> {
            int declarationEnd = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
            return xml.substring(0, declarationEnd) + DOCTYPE + xml.substring(declarationEnd);
        });
    }
}
