package cn.gov.zhaoshang.platform.excel;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens the spreadsheets users upload, the same way in every service, within caps that keep one
 * upload from taking a service's memory. An xlsx file is a zip of XML parts, and Apache POI's
 * object model keeps every row and cell of it in memory, about twelve times the XML's size: a
 * 20,000-row monthly project list (21 columns, 420,000 cells) is a 3 MB file that expands to 25 MB of
 * XML and takes about 300 MB of heap while it is read (measured, docs/security.md). POI's own guard
 * is an inflate ratio (an entry may expand at most 100 times), which still lets a 10 MB upload
 * expand to a gigabyte. So before POI builds anything, one pass over the zip, streamed and kept
 * nowhere, counts:
 * <ul>
 *   <li>the expanded size of all its entries together: at most {@link #MAX_EXPANDED_BYTES} (rule
 *       {@code WorkbookExpandedSize});</li>
 *   <li>the cells and rows of its sheets (elements {@code c} in a {@code row}, {@code row} in
 *       {@code sheetData}, in whichever part they are): at most {@link #MAX_CELLS} (rule
 *       {@code WorkbookCells}) and {@link #MAX_ROWS} (rule {@code WorkbookRows}); an empty row costs
 *       memory too.</li>
 * </ul>
 * Over a cap is a {@link SpreadsheetTooLargeException}: 400 problem details naming the file and the
 * rule. The caps sit above the largest files the importers accept (20,000 rows) and below what a
 * service's heap (576 MB of a 768 MiB pod) can take. The request body itself is at most
 * {@link #MAX_UPLOAD_BYTES} ({@code RequestBodyLimit} on the upload operations, and the gateway's
 * routes).
 */
public final class Spreadsheets {

    /** The largest spreadsheet upload, as the request body: 10 MB. */
    public static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

    /** The most a workbook's zip entries may expand to, together: 50 MB. */
    public static final long MAX_EXPANDED_BYTES = 50L * 1024 * 1024;

    /** The most cells a workbook's sheets may have, together. */
    public static final long MAX_CELLS = 500_000;

    /** The most rows a workbook's sheets may have, together. */
    public static final long MAX_ROWS = 100_000;

    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    static {
        // POI's per-entry cap, when it opens the package, as a second line behind the count of all
        // entries together (which is checked first, in the pass before, against a smaller total)
        ZipSecureFile.setMaxEntrySize(2 * MAX_EXPANDED_BYTES);
    }

    private Spreadsheets() {
    }

    /**
     * An uploaded xlsx workbook, once it is known to be within the caps; the caller closes it.
     *
     * @throws SpreadsheetTooLargeException over a cap
     * @throws IOException when it is not a readable xlsx workbook
     */
    public static XSSFWorkbook open(byte[] file) throws IOException {
        return open(file, MAX_EXPANDED_BYTES, MAX_CELLS, MAX_ROWS);
    }

    /** As {@link #open(byte[])} with other caps, for tests that need not build files of the real size. */
    static XSSFWorkbook open(byte[] file, long maxExpandedBytes, long maxCells, long maxRows) throws IOException {
        if (!isZip(file)) {
            throw new IOException("not an xlsx workbook: no zip signature");
        }
        checkCaps(file, maxExpandedBytes, maxCells, maxRows);
        OPCPackage workbook;
        try {
            workbook = OPCPackage.open(new ByteArrayInputStream(file));
        } catch (InvalidFormatException e) {
            throw new IOException("not an xlsx workbook", e);
        }
        try {
            return new XSSFWorkbook(workbook);
        } catch (IOException | RuntimeException e) {
            workbook.revert();
            throw e;
        }
    }

    private static boolean isZip(byte[] file) {
        return file.length > 3 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    /**
     * Reads every entry as POI will (commons-compress's zip stream, with POI's settings, so that no
     * entry is seen by one and not the other), counting the expanded bytes, and the rows and cells of
     * whatever parses as XML.
     */
    private static void checkCaps(byte[] file, long maxExpandedBytes, long maxCells, long maxRows) throws IOException {
        Counts counts = new Counts(maxExpandedBytes, maxCells, maxRows);
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(file),
                StandardCharsets.UTF_8.name(), false, true)) {
            InputStream expanded = new CountingStream(zip, counts);
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                countRowsAndCells(expanded, counts);
                expanded.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    private static void countRowsAndCells(InputStream entry, Counts counts) {
        XMLStreamReader xml = null;
        Deque<String> open = new ArrayDeque<>();
        try {
            xml = XML.createXMLStreamReader(new NotClosing(entry));
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    String parent = open.peek();
                    if ("row".equals(name) && "sheetData".equals(parent)) {
                        counts.row();
                    } else if ("c".equals(name) && "row".equals(parent)) {
                        counts.cell();
                    }
                    open.push(name);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    open.poll();
                }
            }
        } catch (XMLStreamException notXml) {
            // an image, or a part POI will not parse either: what was read of it is counted
            SpreadsheetTooLargeException over = causeOf(notXml);
            if (over != null) {
                throw over;
            }
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing the reader closes nothing of the zip
                }
            }
        }
    }

    private static SpreadsheetTooLargeException causeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SpreadsheetTooLargeException over) {
                return over;
            }
        }
        return failure instanceof XMLStreamException xml && xml.getNestedException() != null
                ? causeOf(xml.getNestedException()) : null;
    }

    private static final class Counts {

        private final long maxExpandedBytes;
        private final long maxCells;
        private final long maxRows;
        private long expandedBytes;
        private long cells;
        private long rows;

        Counts(long maxExpandedBytes, long maxCells, long maxRows) {
            this.maxExpandedBytes = maxExpandedBytes;
            this.maxCells = maxCells;
            this.maxRows = maxRows;
        }

        void expanded(long bytes) {
            expandedBytes += bytes;
            if (expandedBytes > maxExpandedBytes) {
                throw new SpreadsheetTooLargeException("WorkbookExpandedSize",
                        "the workbook's parts expand to more than " + maxExpandedBytes / (1024 * 1024) + " MB ("
                                + maxExpandedBytes + " bytes)");
            }
        }

        void cell() {
            if (++cells > maxCells) {
                throw new SpreadsheetTooLargeException("WorkbookCells",
                        "the workbook has more than " + maxCells + " cells in its sheets");
            }
        }

        void row() {
            if (++rows > maxRows) {
                throw new SpreadsheetTooLargeException("WorkbookRows",
                        "the workbook has more than " + maxRows + " rows in its sheets");
            }
        }
    }

    /** Counts what is read of the zip's entries, all of them together. */
    private static final class CountingStream extends FilterInputStream {

        private final Counts counts;

        CountingStream(InputStream in, Counts counts) {
            super(in);
            this.counts = counts;
        }

        @Override
        public int read() throws IOException {
            int next = super.read();
            if (next >= 0) {
                counts.expanded(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                counts.expanded(read);
            }
            return read;
        }

        @Override
        public void close() {
            // the zip stream is closed by its owner
        }
    }

    /** An entry's stream, which the XML reader must not close: the next entry follows in it. */
    private static final class NotClosing extends FilterInputStream {

        NotClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream is closed by its owner
        }
    }
}
