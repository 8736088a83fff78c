package cn.gov.zhaoshang.targets.orgunits.application;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitReferenceSeeder;
import cn.gov.zhaoshang.platform.security.Caller;
import cn.gov.zhaoshang.targets.orgunits.infrastructure.OrgUnitRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start, enters the reference divisions (the project's copy of
 * {@code guangxi-admin-divisions.csv}) into the owner's registry, each with an audit row and an
 * org-unit-defined event, so that subscribers learn the ids. A registry that is not empty is left
 * alone: the reference file is read once, not on every restart.
 */
@Component
public class OrgTreeLoader implements SmartInitializingSingleton {

    static final Caller REFERENCE_LOAD = new Caller("system:reference-load", null, Set.of());
    private static final Logger log = LoggerFactory.getLogger(OrgTreeLoader.class);

    private final OrgUnitRegistry registry;
    private final OrgUnitDirectory directory;
    private final OrgUnitAdministration administration;
    private final TransactionTemplate transactions;

    public OrgTreeLoader(OrgUnitRegistry registry, OrgUnitDirectory directory, OrgUnitAdministration administration,
            TransactionTemplate transactions) {
        this.registry = registry;
        this.directory = directory;
        this.administration = administration;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        load();
    }

    /** @return how many units were loaded now (0 when the tree had been loaded before) */
    public int load() {
        Integer loaded = transactions.execute(status -> {
            if (registry.count() > 0) {
                return 0;
            }
            List<String[]> rows = OrgUnitReferenceSeeder.readReferenceFile();
            // parents precede children in the file, so each parent path exists when its child is added
            for (String[] row : rows) {
                directory.upsert(row[0], row[1].isEmpty() ? null : row[1], OrgLevel.valueOf(row[2]), row[3],
                        row[4].isEmpty() ? null : row[4]);
                administration.define(idOfReferenceUnit(row[0]), row[0], REFERENCE_LOAD);
            }
            return rows.size();
        });
        if (loaded != null && loaded > 0) {
            log.info("loaded {} reference org units into the registry", loaded);
        }
        return loaded == null ? 0 : loaded;
    }

    /** Reference units get the same id in every installation, derived from their original code. */
    static UUID idOfReferenceUnit(String code) {
        return UUID.nameUUIDFromBytes(("zhaoshang:org-unit:" + code).getBytes(StandardCharsets.UTF_8));
    }
}
