package cn.gov.zhaoshang.project.evidence.model;

import java.time.Instant;
import java.util.UUID;

/** A stored evidence file's description; {@code oid} is the PostgreSQL large object that holds its content. */
public record StoredFile(UUID evidenceId, UUID projectId, long oid, String contentType, String fileName, long sizeBytes,
        String sha256, Instant uploadedAt, String uploadedBy) {
}
