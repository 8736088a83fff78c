package cn.gov.zhaoshang.targets.orgunits.application;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.orgunits.ReferenceDivisions;
import cn.gov.zhaoshang.platform.orgunits.ReferenceDivisions.Division;
import cn.gov.zhaoshang.platform.security.Caller;
import cn.gov.zhaoshang.targets.orgunits.infrastructure.OrgUnitRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On every start, enters each reference division (the project's copy of
 * {@code guangxi-admin-divisions.csv}) that the owner's registry does not know yet, each with an
 * audit row and an org-unit-defined event, so that subscribers learn it and its id. The first start
 * enters them all; a later edition of the file with more divisions (42 units became 126 in December
 * 2026) reaches an installation that loaded an earlier one through the same path.
 *
 * <p>A division counts as known by its code now or as a former code: a unit an admin re-coded
 * (宾阳县 450126 → 450196) is not entered again under its old code, and a new division whose parent
 * was re-coded hangs under the parent's current code. Parents are entered before their children.
 * Once every division is known, a start adds nothing.
 */
@Component
public class OrgTreeLoader implements SmartInitializingSingleton {

    static final Caller REFERENCE_LOAD = new Caller("system:reference-load", null, Set.of());
    private static final Logger log = LoggerFactory.getLogger(OrgTreeLoader.class);

    private final OrgUnitRegistry registry;
    private final OrgUnitDirectory directory;
    private final OrgUnitAdministration administration;
    private final ReferenceDivisions reference;
    private final TransactionTemplate transactions;

    public OrgTreeLoader(OrgUnitRegistry registry, OrgUnitDirectory directory, OrgUnitAdministration administration,
            ReferenceDivisions reference, TransactionTemplate transactions) {
        this.registry = registry;
        this.directory = directory;
        this.administration = administration;
        this.reference = reference;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        load();
    }

    /** @return how many units were entered now (0 when the registry knew every reference division) */
    public int load() {
        Integer loaded = transactions.execute(status -> {
            registry.lockForReferenceLoad();
            Map<String, String> currentCodes = registry.currentCodesByKnownCode();
            int entered = 0;
            for (Division division : reference.parentsFirst()) {
                if (currentCodes.containsKey(division.code())) {
                    continue;
                }
                String parent = null;
                if (division.parentCode() != null) {
                    parent = currentCodes.get(division.parentCode());
                    if (parent == null) {
                        throw new IllegalStateException("reference division " + division.code() + " names the parent "
                                + division.parentCode() + ", which neither the file nor the registry holds");
                    }
                }
                directory.upsert(division.code(), parent, division.level(), division.nameZh(), division.nameEn());
                administration.define(idOfReferenceUnit(division.code()), division.code(), REFERENCE_LOAD);
                currentCodes.put(division.code(), division.code());
                entered++;
            }
            return entered;
        });
        if (loaded != null && loaded > 0) {
            log.info("entered {} reference org units into the registry", loaded);
        }
        return loaded == null ? 0 : loaded;
    }

    /** Reference units get the same id in every installation, derived from their original code. */
    public static UUID idOfReferenceUnit(String code) {
        return UUID.nameUUIDFromBytes(("zhaoshang:org-unit:" + code).getBytes(StandardCharsets.UTF_8));
    }
}
