package cn.gov.zhaoshang.targets.definitions.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.gov.zhaoshang.targets.definitions.model.DefinitionContent;
import cn.gov.zhaoshang.targets.definitions.model.DefinitionVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Metric definition versions; the content is kept as JSON. */
@Repository
public class DefinitionVersionRepository {

    private static final String COLUMNS = "version, effective_from, status, content::text AS content, created_at, created_by, published_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public DefinitionVersionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<DefinitionVersion> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM metric_definition_version ORDER BY version").query(this::toVersion).list();
    }

    /** Locks the row, so a publish and an edit of the same draft cannot interleave. */
    public Optional<DefinitionVersion> findForUpdate(int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM metric_definition_version WHERE version = :v FOR UPDATE")
                .param("v", version).query(this::toVersion).optional();
    }

    public Optional<DefinitionVersion> find(int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM metric_definition_version WHERE version = :v")
                .param("v", version).query(this::toVersion).optional();
    }

    /** The newest published version whose effective date is on or before {@code date}. */
    public Optional<DefinitionVersion> inForceOn(LocalDate date) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM metric_definition_version WHERE status = 'PUBLISHED' AND effective_from <= :date
                ORDER BY effective_from DESC, version DESC LIMIT 1""")
                .param("date", date).query(this::toVersion).optional();
    }

    public Optional<LocalDate> latestPublishedEffectiveDate() {
        return jdbc.sql("SELECT max(effective_from) FROM metric_definition_version WHERE status = 'PUBLISHED'")
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).single();
    }

    /** Takes the next version number; a table lock keeps two creators from taking the same one. */
    public int insertDraft(LocalDate effectiveFrom, DefinitionContent content, String actor, Instant at) {
        jdbc.sql("LOCK TABLE metric_definition_version IN SHARE ROW EXCLUSIVE MODE").update();
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM metric_definition_version").query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO metric_definition_version (version, effective_from, status, content, created_at, created_by)
                VALUES (:v, :from, 'DRAFT', CAST(:content AS jsonb), :at, :actor)""")
                .param("v", version).param("from", effectiveFrom).param("content", json.writeValueAsString(content))
                .param("at", Timestamp.from(at)).param("actor", actor)
                .update();
        return version;
    }

    public void updateDraft(int version, LocalDate effectiveFrom, DefinitionContent content) {
        jdbc.sql("""
                UPDATE metric_definition_version SET effective_from = :from, content = CAST(:content AS jsonb)
                WHERE version = :v AND status = 'DRAFT'""")
                .param("v", version).param("from", effectiveFrom).param("content", json.writeValueAsString(content))
                .update();
    }

    public void markPublished(int version, Instant at) {
        jdbc.sql("UPDATE metric_definition_version SET status = 'PUBLISHED', published_at = :at WHERE version = :v AND status = 'DRAFT'")
                .param("v", version).param("at", Timestamp.from(at)).update();
    }

    private DefinitionVersion toVersion(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new DefinitionVersion(rs.getInt("version"), rs.getObject("effective_from", LocalDate.class),
                DefinitionVersion.Status.valueOf(rs.getString("status")),
                json.readValue(rs.getString("content"), DefinitionContent.class),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                published == null ? null : published.toInstant());
    }
}
