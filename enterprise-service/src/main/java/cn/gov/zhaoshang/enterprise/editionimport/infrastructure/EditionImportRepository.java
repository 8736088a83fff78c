package cn.gov.zhaoshang.enterprise.editionimport.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.editionimport.model.ImportHeader;
import cn.gov.zhaoshang.enterprise.editionimport.model.ImportRow;
import cn.gov.zhaoshang.enterprise.editionimport.model.MatchKind;
import cn.gov.zhaoshang.enterprise.editionimport.model.QueuedRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Edition imports and their rows in PostgreSQL. */
@Repository
public class EditionImportRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public EditionImportRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(UUID id, UUID editionId, String fileName, Instant now, String actor) {
        jdbc.sql("""
                INSERT INTO edition_import (id, edition_id, file_name, status, created_at, created_by)
                VALUES (:id, :editionId, :fileName, 'PREVIEW', :now, :actor)""")
                .param("id", id).param("editionId", editionId).param("fileName", fileName)
                .param("now", Timestamp.from(now)).param("actor", actor).update();
    }

    /** Locks the import for the rest of the transaction, so that a row is not changed while it is applied. */
    public Optional<ImportHeader> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM edition_import WHERE id = :id FOR UPDATE").param("id", id)
                .query(EditionImportRepository::toHeader).optional();
    }

    public Optional<ImportHeader> find(UUID id) {
        return jdbc.sql("SELECT * FROM edition_import WHERE id = :id").param("id", id)
                .query(EditionImportRepository::toHeader).optional();
    }

    public void markApplied(UUID id, Instant now, String actor) {
        jdbc.sql("UPDATE edition_import SET status = 'APPLIED', applied_at = :now, applied_by = :actor WHERE id = :id")
                .param("id", id).param("now", Timestamp.from(now)).param("actor", actor).update();
    }

    public void upsertRow(UUID importId, ImportRow row) {
        jdbc.sql("""
                INSERT INTO edition_import_row (import_id, row_number, serial, rank, name, uscc, match, enterprise_id, candidates, errors)
                VALUES (:importId, :rowNumber, :serial, :rank, :name, :uscc, :match, :enterpriseId,
                        CAST(:candidates AS jsonb), CAST(:errors AS jsonb))
                ON CONFLICT (import_id, row_number) DO UPDATE SET serial = EXCLUDED.serial, rank = EXCLUDED.rank,
                    name = EXCLUDED.name, uscc = EXCLUDED.uscc, match = EXCLUDED.match,
                    enterprise_id = EXCLUDED.enterprise_id, candidates = EXCLUDED.candidates, errors = EXCLUDED.errors""")
                .param("importId", importId).param("rowNumber", row.rowNumber()).param("serial", row.serial())
                .param("rank", row.rank()).param("name", row.name()).param("uscc", row.uscc())
                .param("match", row.match().name()).param("enterpriseId", row.enterpriseId())
                .param("candidates", json.writeValueAsString(row.candidates()))
                .param("errors", json.writeValueAsString(row.errors()))
                .update();
    }

    public List<ImportRow> rows(UUID importId) {
        return jdbc.sql("SELECT * FROM edition_import_row WHERE import_id = :id ORDER BY row_number")
                .param("id", importId).query(this::toRow).list();
    }

    public List<ImportRow> rows(UUID importId, MatchKind match, int page, int size) {
        return jdbc.sql("""
                SELECT * FROM edition_import_row WHERE import_id = :id AND (CAST(:match AS text) IS NULL OR match = :match)
                ORDER BY row_number LIMIT :limit OFFSET :offset""")
                .param("id", importId).param("match", match == null ? null : match.name())
                .param("limit", size).param("offset", (long) page * size)
                .query(this::toRow).list();
    }

    public Optional<ImportRow> row(UUID importId, int rowNumber) {
        return jdbc.sql("SELECT * FROM edition_import_row WHERE import_id = :id AND row_number = :row")
                .param("id", importId).param("row", rowNumber).query(this::toRow).optional();
    }

    public Map<MatchKind, Long> countsByMatch(UUID importId) {
        Map<MatchKind, Long> counts = new java.util.EnumMap<>(MatchKind.class);
        for (MatchKind kind : MatchKind.values()) {
            counts.put(kind, 0L);
        }
        jdbc.sql("SELECT match, count(*) AS n FROM edition_import_row WHERE import_id = :id GROUP BY match")
                .param("id", importId)
                .query((rs, row) -> counts.put(MatchKind.valueOf(rs.getString("match")), rs.getLong("n")))
                .list();
        return counts;
    }

    /** The review queue: uncertain matches of imports not yet applied, oldest import first. */
    public List<QueuedRow> reviewQueue(int page, int size) {
        return jdbc.sql("""
                SELECT r.*, i.edition_id FROM edition_import_row r JOIN edition_import i ON i.id = r.import_id
                WHERE r.match = 'REVIEW' AND i.status = 'PREVIEW'
                ORDER BY i.created_at, r.import_id, r.row_number LIMIT :limit OFFSET :offset""")
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, row) -> new QueuedRow(rs.getObject("import_id", UUID.class), rs.getObject("edition_id", UUID.class),
                        toRow(rs, row)))
                .list();
    }

    public long reviewQueueSize() {
        return jdbc.sql("""
                SELECT count(*) FROM edition_import_row r JOIN edition_import i ON i.id = r.import_id
                WHERE r.match = 'REVIEW' AND i.status = 'PREVIEW'""").query(Long.class).single();
    }

    private ImportRow toRow(ResultSet rs, int row) throws SQLException {
        return new ImportRow(rs.getInt("row_number"), rs.getString("serial"), rs.getString("rank"), rs.getString("name"),
                rs.getString("uscc"), MatchKind.valueOf(rs.getString("match")), rs.getObject("enterprise_id", UUID.class),
                json.readValue(rs.getString("candidates"), new TypeReference<List<ImportRow.Candidate>>() { }),
                json.readValue(rs.getString("errors"), new TypeReference<List<ImportRow.RowError>>() { }));
    }

    private static ImportHeader toHeader(ResultSet rs, int row) throws SQLException {
        return new ImportHeader(rs.getObject("id", UUID.class), rs.getObject("edition_id", UUID.class),
                rs.getString("file_name"), rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }
}
