package cn.gov.zhaoshang.project.evidence.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import cn.gov.zhaoshang.project.evidence.model.StoredFile;

/**
 * Evidence files as PostgreSQL large objects: written and read in chunks through the transaction's
 * own connection, so a 20 MiB file never sits whole in memory. Must run inside a transaction (large
 * objects need one); a rolled-back upload leaves no large object behind.
 */
@Repository
public class EvidenceFileRepository {

    private static final int CHUNK = 64 * 1024;

    /** What was written: the large object, its size and digest. */
    public record Written(long oid, long sizeBytes, String sha256) {
    }

    /** Thrown when the content grows past the limit while it is written. */
    public static final class TooLargeException extends RuntimeException {
        public TooLargeException(long limit) {
            super("the file is larger than " + limit + " bytes");
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public EvidenceFileRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Whether the document belongs to the project. */
    public boolean evidenceBelongsTo(UUID evidenceId, UUID projectId) {
        return jdbc.sql("SELECT count(*) FROM project_evidence WHERE id = :evidence AND project_id = :project")
                .param("evidence", evidenceId).param("project", projectId).query(Long.class).single() > 0;
    }

    public Optional<StoredFile> find(UUID evidenceId) {
        return jdbc.sql("""
                SELECT evidence_id, project_id, content, content_type, file_name, size_bytes, sha256, uploaded_at, uploaded_by
                FROM project_evidence_file WHERE evidence_id = :id""")
                .param("id", evidenceId)
                .query((rs, row) -> new StoredFile(rs.getObject("evidence_id", UUID.class), rs.getObject("project_id", UUID.class),
                        rs.getLong("content"), rs.getString("content_type"), rs.getString("file_name"), rs.getLong("size_bytes"),
                        rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by")))
                .optional();
    }

    /**
     * Streams {@code content} into a new large object, measuring and hashing it on the way.
     *
     * @throws TooLargeException as soon as more than {@code limit} bytes arrive (the transaction must roll back)
     */
    public Written write(InputStream content, long limit) throws IOException {
        MessageDigest sha256 = sha256();
        try {
            LargeObjectManager objects = largeObjects();
            long oid = objects.createLO(LargeObjectManager.READWRITE);
            long size = 0;
            try (LargeObject object = objects.open(oid, LargeObjectManager.WRITE)) {
                byte[] buffer = new byte[CHUNK];
                int read;
                while ((read = content.read(buffer)) != -1) {
                    size += read;
                    if (size > limit) {
                        throw new TooLargeException(limit);
                    }
                    sha256.update(buffer, 0, read);
                    object.write(buffer, 0, read);
                }
            }
            return new Written(oid, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the evidence file", e);
        }
    }

    public void insert(StoredFile file) {
        jdbc.sql("""
                INSERT INTO project_evidence_file (evidence_id, project_id, content, content_type, file_name, size_bytes, sha256,
                                                   uploaded_at, uploaded_by)
                VALUES (:evidence, :project, :oid, :type, :name, :size, :sha256, :at, :by)""")
                .param("evidence", file.evidenceId()).param("project", file.projectId()).param("oid", file.oid())
                .param("type", file.contentType()).param("name", file.fileName()).param("size", file.sizeBytes())
                .param("sha256", file.sha256()).param("at", Timestamp.from(file.uploadedAt())).param("by", file.uploadedBy())
                .update();
    }

    /** Copies a stored file to {@code target} in chunks. */
    public void copyTo(long oid, OutputStream target) throws IOException {
        try (LargeObject object = largeObjects().open(oid, LargeObjectManager.READ)) {
            byte[] buffer = new byte[CHUNK];
            int read;
            while ((read = object.read(buffer, 0, buffer.length)) > 0) {
                target.write(buffer, 0, read);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the evidence file", e);
        }
    }

    private LargeObjectManager largeObjects() throws SQLException {
        // the transaction's connection: large objects live only within a transaction
        Connection connection = DataSourceUtils.getConnection(dataSource);
        return connection.unwrap(PGConnection.class).getLargeObjectAPI();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
