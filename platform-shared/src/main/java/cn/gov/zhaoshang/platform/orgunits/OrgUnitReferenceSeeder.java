package cn.gov.zhaoshang.platform.orgunits;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty local org-unit tree from the reference divisions ({@link ReferenceDivisions}: the
 * GB/T 2260 codes of Guangxi) before the service accepts requests or consumes events, so that a
 * fresh installation knows every unit at once. From then on the org-unit events of targets-service
 * keep the copy current (units it adds later, such as divisions it enters from a newer edition of
 * the file, included), and this seeder finds the table non-empty and does nothing.
 */
public class OrgUnitReferenceSeeder implements SmartInitializingSingleton {

    static final String REFERENCE_FILE = ReferenceDivisions.FILE;
    private static final Logger log = LoggerFactory.getLogger(OrgUnitReferenceSeeder.class);

    private final OrgUnitDirectory directory;
    private final ReferenceDivisions reference;
    private final TransactionTemplate transactions;

    public OrgUnitReferenceSeeder(OrgUnitDirectory directory, ReferenceDivisions reference, TransactionTemplate transactions) {
        this.directory = directory;
        this.reference = reference;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> {
            if (directory.count() > 0) {
                return;
            }
            List<ReferenceDivisions.Division> divisions = reference.parentsFirst();
            divisions.forEach(division -> directory.upsert(division.code(), division.parentCode(), division.level(),
                    division.nameZh(), division.nameEn()));
            log.info("seeded {} org units from the reference divisions", divisions.size());
        });
    }

    /** The project's reference file's data rows as they stand (code, parent, level, names); see {@link ReferenceDivisions}. */
    public static List<String[]> readReferenceFile() {
        return ReferenceDivisions.rowsOf(REFERENCE_FILE);
    }
}
