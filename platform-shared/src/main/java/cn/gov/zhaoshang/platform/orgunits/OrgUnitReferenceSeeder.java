package cn.gov.zhaoshang.platform.orgunits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty local org-unit tree from the reference file (GB/T 2260 codes of Guangxi) before
 * the service accepts requests or consumes events. Until targets-service publishes org-unit
 * events this is the only source; afterwards the events keep the copy current and this seeder
 * finds the table non-empty and does nothing.
 */
@Component
public class OrgUnitReferenceSeeder implements SmartInitializingSingleton {

    static final String REFERENCE_FILE = "org-units/guangxi-admin-divisions.csv";
    private static final Logger log = LoggerFactory.getLogger(OrgUnitReferenceSeeder.class);

    private final OrgUnitDirectory directory;
    private final TransactionTemplate transactions;

    public OrgUnitReferenceSeeder(OrgUnitDirectory directory, TransactionTemplate transactions) {
        this.directory = directory;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> {
            if (directory.count() > 0) {
                return;
            }
            List<String[]> rows = readReferenceFile();
            // parents precede children in the file; insert in file order so each parent path exists
            rows.forEach(row -> directory.upsert(row[0], row[1].isEmpty() ? null : row[1],
                    OrgLevel.valueOf(row[2]), row[3], row[4].isEmpty() ? null : row[4]));
            log.info("seeded {} org units from {}", rows.size(), REFERENCE_FILE);
        });
    }

    public static List<String[]> readReferenceFile() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(REFERENCE_FILE).getInputStream(), StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            String header = reader.readLine();
            if (header == null || !header.startsWith("code,parent_code,level,name_zh,name_en")) {
                throw new IllegalStateException(REFERENCE_FILE + " has an unexpected header: " + header);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] fields = line.split(",", -1);
                    if (fields.length != 5) {
                        throw new IllegalStateException(REFERENCE_FILE + ": expected 5 fields in " + line);
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
