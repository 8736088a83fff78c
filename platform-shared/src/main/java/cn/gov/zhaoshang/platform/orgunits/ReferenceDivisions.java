package cn.gov.zhaoshang.platform.orgunits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * The reference divisions a tree starts from: the project's copy of the shared
 * {@code guangxi-admin-divisions.csv} (GB/T 2260 codes: the region, its 14 cities and their 111
 * county-level units). targets-service, the owner of the tree, enters them into its registry;
 * every other service seeds an empty local copy from them ({@link OrgUnitReferenceSeeder}).
 */
public class ReferenceDivisions {

    public static final String FILE = "org-units/guangxi-admin-divisions.csv";
    private static final String HEADER = "code,parent_code,level,name_zh,name_en";

    /** One division; {@code parentCode} (the region's) and {@code nameEn} are null where the file leaves them empty. */
    public record Division(String code, String parentCode, OrgLevel level, String nameZh, String nameEn) {
    }

    private final String resource;

    public ReferenceDivisions() {
        this(FILE);
    }

    private ReferenceDivisions(String resource) {
        this.resource = resource;
    }

    /** The divisions of another classpath file with the same header (a test's earlier edition of the file). */
    public static ReferenceDivisions of(String resource) {
        return new ReferenceDivisions(resource);
    }

    /**
     * Every division, parents before children (otherwise in file order), so that each one's parent
     * is in a tree by the time the division is added to it.
     */
    public List<Division> parentsFirst() {
        List<Division> divisions = rowsOf(resource).stream()
                .map(row -> new Division(row[0], row[1].isEmpty() ? null : row[1], OrgLevel.valueOf(row[2]), row[3],
                        row[4].isEmpty() ? null : row[4]))
                .toList();
        Map<String, String> parents = new HashMap<>();
        divisions.forEach(division -> parents.put(division.code(), division.parentCode()));
        Map<String, Integer> depths = new HashMap<>();
        divisions.forEach(division -> depthOf(division.code(), parents, depths, 0));
        List<Division> ordered = new ArrayList<>(divisions);
        ordered.sort(Comparator.comparingInt(division -> depths.get(division.code())));
        return ordered;
    }

    /** A division's depth within the file; a parent that is not in the file counts as a root. */
    private int depthOf(String code, Map<String, String> parents, Map<String, Integer> depths, int guard) {
        Integer known = depths.get(code);
        if (known != null) {
            return known;
        }
        if (guard > parents.size()) {
            throw new IllegalStateException(resource + ": the parents of " + code + " form a cycle");
        }
        String parent = parents.get(code);
        int depth = parent == null || !parents.containsKey(parent) ? 0 : depthOf(parent, parents, depths, guard + 1) + 1;
        depths.put(code, depth);
        return depth;
    }

    /** The file's data rows as they stand: code, parent code, level, Chinese name, English name (empty if none). */
    static List<String[]> rowsOf(String resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            String header = reader.readLine();
            if (header == null || !header.startsWith(HEADER)) {
                throw new IllegalStateException(resource + " has an unexpected header: " + header);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] fields = line.split(",", -1);
                    if (fields.length != 5) {
                        throw new IllegalStateException(resource + ": expected 5 fields in " + line);
                    }
                    rows.add(fields);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
