package cn.gov.zhaoshang.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import cn.gov.zhaoshang.reporting.readmodel.application.ReadModelVersion;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The read-model version (V15) that keeps the cockpit's cache correct: every table but the listed
 * ones has the trigger, and any write to one of them raises the version once per transaction, in
 * that transaction. Each write is checked in a transaction that is rolled back after its deferred
 * trigger was fired early ({@code SET CONSTRAINTS … IMMEDIATE}), so the shared database keeps its rows;
 * the version row is locked before it is read, so no other transaction can raise it meanwhile.
 */
@PlatformIntegrationTest
class ReadModelVersionIT {

    /**
     * Tables whose writes never change an answer: each must be named here with its reason, or have
     * the trigger. A new table therefore fails this test until it is given one or the other.
     */
    static final Set<String> WITHOUT_TRIGGER = Set.of(
            "flyway_schema_history", // Flyway's own
            "processed_event",       // idempotent consumption: written beside the effect, which has the trigger
            "outbox_record", "outbox_instance", "outbox_partition", // events published (period close)
            "audit_log",             // who did what; no report reads it
            "resident_team_copy",    // platform-shared's copy of the teams: not followed here (reporting keeps resident_team)
            "period_close",          // closed months' frozen figures: read by the close and revisions endpoints only
            "read_model_state",      // the rebuild-after-upgrade mark
            "read_model_version", "read_model_change"); // the version itself

    @Autowired
    DataSource dataSource;

    @Autowired
    ReadModelVersion readModelVersion;

    @Test
    void everyTableButTheListedOnesRaisesTheVersionOnInsertUpdateDeleteAndTruncate() throws SQLException {
        Set<String> tables = strings("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()");
        assertThat(tables).as("every table left out exists").containsAll(WITHOUT_TRIGGER);

        // statement-level (bit 0 clear), AFTER (bit 1 clear), on INSERT (4), DELETE (8), UPDATE (16) and TRUNCATE (32)
        Set<String> triggered = strings("""
                SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE t.tgname = 'read_model_changed' AND t.tgfoid = 'read_model_changed'::regproc
                  AND t.tgenabled = 'O' AND t.tgtype & 3 = 0 AND t.tgtype & 60 = 60""");
        Set<String> expected = new TreeSet<>(tables);
        expected.removeAll(WITHOUT_TRIGGER);
        assertThat(triggered).isEqualTo(expected);
        // the cockpit's own reads among them (UnitReports, ChildrenTargetFigures, UnitMonths, Standings, ProjectWarnings)
        assertThat(triggered).contains("org_unit", "definition_version", "unit_target", "unit_month_signing",
                "team_month_signing", "unit_stage_reached", "unit_month_intake", "unit_month_funds_in_place",
                "unit_signed_funds_to_date", "resident_team", "engagement_enterprise", "engagement_fact", "project_warning");
    }

    @Test
    void eachKindOfWriteToEachTriggeredTableRaisesTheVersionByOne() throws SQLException {
        for (String table : triggeredTables()) {
            String column = strings("SELECT attname FROM pg_attribute WHERE attrelid = '" + table
                    + "'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum LIMIT 1").iterator().next();
            // statement-level triggers fire for statements that change no row, so these leave the rows as they are
            for (String write : List.of(
                    "INSERT INTO " + table + " SELECT * FROM " + table + " WHERE false",
                    "UPDATE " + table + " SET " + column + " = " + column + " WHERE false",
                    "DELETE FROM " + table + " WHERE false",
                    "TRUNCATE " + table)) {
                assertThat(raisedBy(write)).as(write).isEqualTo(1);
            }
        }
    }

    @Test
    void aTransactionRaisesItOnceHoweverManyStatementsItWritesAndNotAtAllWhenItOnlyReads() throws SQLException {
        assertThat(raisedBy("DELETE FROM unit_month_signing WHERE false", "DELETE FROM project_warning WHERE false",
                "UPDATE unit_target SET value = value WHERE false", "DELETE FROM unit_month_signing WHERE false")).isEqualTo(1);
        assertThat(raisedBy("SELECT count(*) FROM unit_month_signing", "SELECT count(*) FROM org_unit")).isZero();
        assertThat(raisedBy("DELETE FROM processed_event WHERE false")).as("a table left out").isZero();
        // a write whose savepoint is rolled back leaves no change, and the next write is still counted
        assertThat(raisedBy("SAVEPOINT first", "DELETE FROM project_warning WHERE false", "ROLLBACK TO SAVEPOINT first"))
                .isZero();
        assertThat(raisedBy("SAVEPOINT first", "DELETE FROM project_warning WHERE false", "ROLLBACK TO SAVEPOINT first",
                "DELETE FROM engagement_fact WHERE false")).isEqualTo(1);
    }

    @Test
    void aCommittedWriteIsSeenByTheNextReader() throws SQLException {
        long before = readModelVersion.current();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("DELETE FROM project_warning WHERE false");
        }
        assertThat(readModelVersion.current()).isGreaterThan(before);
        assertThat(strings("SELECT transaction_id::text FROM read_model_change")).as("the marker rows are removed").isEmpty();
    }

    /**
     * How much the statements, run in one transaction, raise the version when it commits: the
     * deferred trigger is fired early and the transaction rolled back.
     */
    private long raisedBy(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                long before = single(statement, "SELECT version FROM read_model_version FOR UPDATE");
                statement.execute("SET CONSTRAINTS read_model_version_raise IMMEDIATE");
                return single(statement, "SELECT version FROM read_model_version") - before;
            } finally {
                connection.rollback();
            }
        }
    }

    private Set<String> triggeredTables() throws SQLException {
        return strings("""
                SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'read_model_changed'""");
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Set<String> strings(String sql) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
