package cn.gov.zhaoshang.project.evidence.model;

import java.time.Instant;
import java.util.UUID;

import cn.gov.zhaoshang.platform.validation.FileNames;

/**
 * A stored evidence file's description; {@code oid} is the PostgreSQL large object that holds its
 * content. {@code contentType} and {@code fileName} are as stored: files uploaded before the input
 * rules may hold any type and name, and are served by {@link #servedContentType} and {@link #safeFileName}.
 */
public record StoredFile(UUID evidenceId, UUID projectId, long oid, String contentType, String fileName, long sizeBytes,
        String sha256, Instant uploadedAt, String uploadedBy) {

    /** The name to show and save the file as, never a path ({@link FileNames#forDownload}); null when uploaded without one. */
    public String safeFileName() {
        return fileName == null ? null : FileNames.forDownload(fileName, defaultFileName(evidenceId));
    }

    /** The name of the download: {@link #safeFileName}, or one made of the document's id. */
    public String downloadFileName() {
        return fileName == null ? defaultFileName(evidenceId) : safeFileName();
    }

    /** The stored type when it is one of {@link EvidenceFileType}'s, else {@code application/octet-stream}. */
    public String servedContentType() {
        return EvidenceFileType.declaredBy(contentType).map(EvidenceFileType::mediaType).orElse("application/octet-stream");
    }

    /** {@code evidence-<id>}: the name of a file uploaded without one. */
    public static String defaultFileName(UUID evidenceId) {
        return "evidence-" + evidenceId;
    }
}
