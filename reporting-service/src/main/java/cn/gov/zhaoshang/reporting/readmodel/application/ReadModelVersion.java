package cn.gov.zhaoshang.reporting.readmodel.application;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read models' version ({@code V15__read_model_version.sql}): raised by one in every committed
 * transaction that writes a table the reports read, by that transaction itself (triggers). Within a
 * REPEATABLE READ transaction it is the version of the transaction's snapshot, so an answer read
 * there can be kept under it; outside one, the version of the newest committed state. It lives in
 * PostgreSQL, not in a replica's memory, so every replica sees a write as soon as it is committed.
 *
 * <p>It is one statement that the cockpit's cache asks before every answer, so it sits in the
 * application layer, which the web layer may call, and reads its row itself, as the rebuild and the
 * reconciliation beside it read theirs; a repository behind it would only pass the number on.
 */
@Component
public class ReadModelVersion {

    private final JdbcClient jdbc;

    public ReadModelVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long current() {
        return jdbc.sql("SELECT version FROM read_model_version").query(Long.class).single();
    }
}
