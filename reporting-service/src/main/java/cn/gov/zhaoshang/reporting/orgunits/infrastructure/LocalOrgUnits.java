package cn.gov.zhaoshang.reporting.orgunits.infrastructure;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.gov.zhaoshang.contracts.targets.OrgUnitChanged;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The org units as the read models name them: the shared local tree, plus the former codes of
 * recoded units, so that an event written before a recode (or replayed after it) lands on the
 * unit's current code.
 */
@Component
public class LocalOrgUnits {

    /** Tables whose rows name a unit by code. */
    private static final String[][] UNIT_COLUMNS = {
            {"project_fact", "org_unit_code"}, {"unit_month_signing", "org_unit_code"},
            {"team_month_signing", "org_unit_code"}, {"unit_stage_reached", "org_unit_code"},
            {"unit_month_intake", "org_unit_code"}, {"unit_month_funds", "org_unit_code"},
            {"unit_target", "org_unit_code"}, {"resident_team", "org_unit_code"},
            {"engagement_enterprise", "org_unit_code"}, {"engagement_fact", "org_unit_code"},
            {"engagement_fact", "leader_unit"}, {"project_warning", "org_unit_code"}};

    private final JdbcClient jdbc;
    private final OrgUnitDirectory directory;

    public LocalOrgUnits(JdbcClient jdbc, OrgUnitDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /**
     * The unit's current code, or empty when neither the tree nor the aliases know it.
     *
     * <p>Within a transaction a code once resolved is not looked up again: the read-model listener
     * applies a whole poll in one transaction, and at 200 events/s its events name the same few
     * units (a lookup per event was one of the few statements left per event; docs/benchmarks/history.md,
     * propagation). A code is remembered only once found, so an unknown one is asked again; a recode
     * in the transaction forgets them all.
     */
    public Optional<String> resolve(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Map<String, String> resolved = resolvedInThisTransaction();
        String known = resolved.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> current = directory.exists(code) ? Optional.of(code)
                : jdbc.sql("SELECT current_code FROM org_unit_alias WHERE former_code = :code")
                        .param("code", code).query(String.class).optional()
                        .filter(directory::exists);
        current.ifPresent(found -> resolved.put(code, found));
        return current;
    }

    /** The codes resolved in the current transaction (a map that forgets at once outside one). */
    private Map<String, String> resolvedInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        @SuppressWarnings("unchecked")
        Map<String, String> resolved = (Map<String, String>) TransactionSynchronizationManager.getResource(this);
        if (resolved == null) {
            Map<String, String> created = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LocalOrgUnits.this);
                }
            });
            resolved = created;
        }
        return resolved;
    }

    /**
     * A unit got a new code: remember the old one and re-key every row under it. Idempotent by
     * nature (a second time finds nothing under the old code), so it needs no processed-event row,
     * which the shared org-unit listener already holds for the same event.
     */
    @org.springframework.transaction.annotation.Transactional
    public void recoded(OrgUnitChanged unit) {
        if (unit.previousCode() == null || unit.previousCode().equals(unit.code())) {
            return;
        }
        resolvedInThisTransaction().clear();
        jdbc.sql("""
                INSERT INTO org_unit_alias (former_code, current_code) VALUES (:old, :new)
                ON CONFLICT (former_code) DO UPDATE SET current_code = EXCLUDED.current_code""")
                .param("old", unit.previousCode()).param("new", unit.code()).update();
        jdbc.sql("UPDATE org_unit_alias SET current_code = :new WHERE current_code = :old")
                .param("old", unit.previousCode()).param("new", unit.code()).update();
        for (String[] column : UNIT_COLUMNS) {
            jdbc.sql("UPDATE " + column[0] + " SET " + column[1] + " = :new WHERE " + column[1] + " = :old")
                    .param("old", unit.previousCode()).param("new", unit.code()).update();
        }
    }
}
