package cn.gov.zhaoshang.reporting.projects.infrastructure;

import cn.gov.zhaoshang.reporting.projects.model.Project;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The (unit, month) aggregates: a project's contribution is added ({@code sign} +1) or taken out
 * (−1). Each figure is decided here once, from metrics.md, for one project at a time.
 *
 * <p>The changes of a transaction are added up per aggregate row and written just before it
 * commits, one upsert per row: the read-model listener applies a whole poll in one transaction,
 * and at 200 events/s nearly all of its events land on the same few (unit, month) rows, which were
 * updated once per event and figure before (docs/benchmarks/history.md, propagation). The totals are the
 * same: every change is rounded to the column's two decimals as PostgreSQL rounded each upsert's
 * value, and sums do not depend on their order. A row is written even when its changes cancel out,
 * as each upsert wrote it before. Nothing inside the transaction reads these rows back; what moves
 * them (re-keying a unit) first writes the pending changes with {@link #writePending()}.
 */
@Component
public class Aggregates {

    static final BigDecimal HUNDRED_MILLION = new BigDecimal("100000000");
    static final BigDecimal ONE_BILLION = new BigDecimal("1000000000");
    static final BigDecimal TEN_BILLION = new BigDecimal("10000000000");
    static final BigDecimal TWENTY_BILLION = new BigDecimal("20000000000");

    /** 三类500强: the first three lists of the glossary; 四类: all four. */
    static final Set<String> THREE_CLASSES = Set.of("FORTUNE_GLOBAL_500", "CHINA_500", "CHINA_PRIVATE_500");
    static final Set<String> FOUR_CLASSES = Set.of("FORTUNE_GLOBAL_500", "CHINA_500", "CHINA_PRIVATE_500",
            "CHINA_MANUFACTURING_500");

    /** The scale of every amount column of the aggregates ({@code numeric(22, 2)}). */
    private static final int AMOUNT_SCALE = 2;

    private static final Table INTAKE = new Table("unit_month_intake", List.of("org_unit_code", "month"),
            "month, org_unit_code", List.of("project_count"), List.of());
    private static final Table SIGNING = new Table("unit_month_signing", List.of("org_unit_code", "month"),
            "month, org_unit_code",
            List.of("signed_count", "manufacturing_count", "resident_team_count", "over_100m", "over_1b", "over_10b",
                    "over_20b", "fortune_global_500", "china_500", "china_private_500", "china_manufacturing_500",
                    "top500_three_classes", "top500_four_classes"),
            List.of("contract_investment", "manufacturing_investment", "resident_team_investment", "fdi_contract_usd"));
    private static final Table TEAM_SIGNING = new Table("team_month_signing", List.of("team_id", "org_unit_code", "month"),
            "month, team_id, org_unit_code", List.of("signed_count"), List.of("contract_investment"));
    private static final Table STAGE_REACHED = new Table("unit_stage_reached",
            List.of("org_unit_code", "signing_month", "stage", "reached_month"),
            "signing_month, org_unit_code, stage, reached_month", List.of("project_count"), List.of());
    private static final Table FUNDS = new Table("unit_month_funds", List.of("org_unit_code", "month", "signing_month"),
            "month, org_unit_code, signing_month", List.of(), List.of("amount"));

    private final JdbcClient jdbc;

    public Aggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Project project, int sign) {
        add(project, sign, true);
    }

    /**
     * The contribution of a project just registered, which has no funds yet: funds events of a
     * project wait for its registration ({@code UnknownProjectException}), and its funds rows go
     * only with its row (a rebuild truncates both).
     */
    void addRegistered(Project project) {
        add(project, +1, false);
    }

    private void add(Project project, int sign, boolean withFunds) {
        if (!project.counted()) {
            return;
        }
        Pending pending = pending();
        pending.add(INTAKE, List.of(project.orgUnit(), monthOf(project.registeredOn())), new long[] {sign});
        if (project.countedAsSigned()) {
            addSigned(pending, project, sign, withFunds);
        }
        pending.writeIfNoTransaction();
    }

    private void addSigned(Pending pending, Project project, int sign, boolean withFunds) {
        BigDecimal amount = project.contractAmount();
        BigDecimal signed = BigDecimal.valueOf(sign);
        List<String> classes = project.investorClasses();
        LocalDate signingMonth = monthOf(project.signingDate());
        pending.add(SIGNING, List.of(project.orgUnit(), signingMonth),
                new long[] {sign, project.manufacturing() ? sign : 0, project.residentTeam() ? sign : 0,
                        atLeast(amount, HUNDRED_MILLION, sign), atLeast(amount, ONE_BILLION, sign),
                        atLeast(amount, TEN_BILLION, sign), atLeast(amount, TWENTY_BILLION, sign),
                        classes.contains("FORTUNE_GLOBAL_500") ? sign : 0, classes.contains("CHINA_500") ? sign : 0,
                        classes.contains("CHINA_PRIVATE_500") ? sign : 0, classes.contains("CHINA_MANUFACTURING_500") ? sign : 0,
                        classes.stream().anyMatch(THREE_CLASSES::contains) ? sign : 0,
                        classes.stream().anyMatch(FOUR_CLASSES::contains) ? sign : 0},
                amount.multiply(signed), project.manufacturing() ? amount.multiply(signed) : BigDecimal.ZERO,
                project.residentTeam() ? amount.multiply(signed) : BigDecimal.ZERO,
                project.fdiContractUsd() == null ? BigDecimal.ZERO : project.fdiContractUsd().multiply(signed));
        if (project.residentTeam() && project.residentTeamId() != null) {
            pending.add(TEAM_SIGNING, List.of(project.residentTeamId(), project.orgUnit(), signingMonth), new long[] {sign},
                    amount.multiply(signed));
        }
        reached(pending, project, "LANDED", project.landedOn(), sign);
        reached(pending, project, "STARTED", project.startedOn(), sign);
        if (!withFunds) {
            return;
        }
        jdbc.sql("SELECT month, amount FROM project_funds WHERE project_id = :id")
                .param("id", project.id())
                .query((rs, row) -> {
                    addFundsRow(pending, project, rs.getObject("month", LocalDate.class), rs.getBigDecimal("amount").multiply(signed));
                    return null;
                })
                .list();
    }

    /** A change of one month's funds of a project by {@code delta} yuan. */
    void addFunds(Project project, LocalDate month, BigDecimal delta) {
        if (project.countedAsSigned() && delta.signum() != 0) {
            Pending pending = pending();
            addFundsRow(pending, project, month, delta);
            pending.writeIfNoTransaction();
        }
    }

    /**
     * Writes the changes this transaction has added up so far. For what moves or reads the aggregate
     * rows inside the transaction; the rest is written before the commit anyway.
     */
    public void writePending() {
        if (TransactionSynchronizationManager.getResource(this) instanceof Pending pending) {
            pending.write();
        }
    }

    private static void addFundsRow(Pending pending, Project project, LocalDate month, BigDecimal delta) {
        pending.add(FUNDS, List.of(project.orgUnit(), month, monthOf(project.signingDate())), new long[0], delta);
    }

    private static void reached(Pending pending, Project project, String stage, LocalDate reachedOn, int sign) {
        if (reachedOn != null) {
            pending.add(STAGE_REACHED, List.of(project.orgUnit(), monthOf(project.signingDate()), stage, monthOf(reachedOn)),
                    new long[] {sign});
        }
    }

    /** The changes of the current transaction, bound to it and written before it commits. */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Pending(false);
        }
        if (TransactionSynchronizationManager.getResource(this) instanceof Pending pending) {
            return pending;
        }
        Pending pending = new Pending(true);
        TransactionSynchronizationManager.bindResource(this, pending);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                pending.write();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(Aggregates.this);
            }
        });
        return pending;
    }

    private static int atLeast(BigDecimal amount, BigDecimal threshold, int sign) {
        return amount.compareTo(threshold) >= 0 ? sign : 0;
    }

    static LocalDate monthOf(LocalDate day) {
        return day.withDayOfMonth(1);
    }

    /** An aggregate table: its key, its conflict target (the primary key), its count and amount columns. */
    private record Table(String name, List<String> keys, List<String> counts, List<String> amounts, String upsert) {

        Table(String name, List<String> keys, String conflictTarget, List<String> counts, List<String> amounts) {
            this(name, keys, counts, amounts, upsert(name, keys, conflictTarget, counts, amounts));
        }

        /** Adds the named values to the row, or inserts it with them. */
        private static String upsert(String name, List<String> keys, String conflictTarget, List<String> counts,
                List<String> amounts) {
            List<String> columns = new ArrayList<>(keys);
            columns.addAll(counts);
            columns.addAll(amounts);
            List<String> sums = new ArrayList<>(counts);
            sums.addAll(amounts);
            return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(column -> ":" + column).toList()) + ")"
                    + " ON CONFLICT (" + conflictTarget + ") DO UPDATE SET "
                    + String.join(", ", sums.stream().map(column -> column + " = " + name + "." + column + " + EXCLUDED." + column).toList());
        }
    }

    /** One aggregate row's changes so far. */
    private record Row(Table table, List<Object> key) {
    }

    private final class Pending {

        private final boolean boundToTransaction;
        /** In the order the rows were first changed, the order their upserts came in before. */
        private final Map<Row, Object[]> changes = new LinkedHashMap<>();

        Pending(boolean boundToTransaction) {
            this.boundToTransaction = boundToTransaction;
        }

        void add(Table table, List<Object> key, long[] counts, BigDecimal... amounts) {
            Object[] sums = changes.computeIfAbsent(new Row(table, key), row -> {
                Object[] zero = new Object[table.counts().size() + table.amounts().size()];
                Arrays.fill(zero, 0, table.counts().size(), 0L);
                Arrays.fill(zero, table.counts().size(), zero.length, BigDecimal.ZERO.setScale(AMOUNT_SCALE));
                return zero;
            });
            for (int i = 0; i < counts.length; i++) {
                sums[i] = (Long) sums[i] + counts[i];
            }
            for (int i = 0; i < amounts.length; i++) {
                // as PostgreSQL rounded each upsert's value to the column's scale (half away from zero)
                int at = counts.length + i;
                sums[at] = ((BigDecimal) sums[at]).add(amounts[i].setScale(AMOUNT_SCALE, RoundingMode.HALF_UP));
            }
        }

        void writeIfNoTransaction() {
            if (!boundToTransaction) {
                write();
            }
        }

        void write() {
            for (Map.Entry<Row, Object[]> change : changes.entrySet()) {
                Table table = change.getKey().table();
                JdbcClient.StatementSpec upsert = jdbc.sql(table.upsert());
                for (int i = 0; i < table.keys().size(); i++) {
                    upsert = upsert.param(table.keys().get(i), change.getKey().key().get(i));
                }
                for (int i = 0; i < table.counts().size(); i++) {
                    upsert = upsert.param(table.counts().get(i), change.getValue()[i]);
                }
                for (int i = 0; i < table.amounts().size(); i++) {
                    upsert = upsert.param(table.amounts().get(i), change.getValue()[table.counts().size() + i]);
                }
                upsert.update();
            }
            changes.clear();
        }
    }
}
