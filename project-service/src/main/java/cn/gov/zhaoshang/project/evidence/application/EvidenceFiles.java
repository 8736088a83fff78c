package cn.gov.zhaoshang.project.evidence.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.UnsupportedContentTypeException;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.evidence.infrastructure.EvidenceFileRepository;
import cn.gov.zhaoshang.project.evidence.model.EvidenceFileType;
import cn.gov.zhaoshang.project.evidence.model.StoredFile;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The optional file of a document proving a stage (agreement scan, permit...): at most
 * {@link #MAX_BYTES} per document, of one of the {@link EvidenceFileType}s, kept in the database with
 * its content type and SHA-256, uploaded and downloaded within the caller's scope. A file is never replaced.
 */
@Service
public class EvidenceFiles {

    /** 20 MiB. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private final EvidenceFileRepository files;
    private final ProjectRepository projects;
    private final AuditTrail audit;
    private final Clock clock;

    public EvidenceFiles(EvidenceFileRepository files, ProjectRepository projects, AuditTrail audit, Clock clock) {
        this.files = files;
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param contentType the request's Content-Type: one of {@link EvidenceFileType}'s, which the file's
     *     first bytes must match; the type is stored without parameters
     * @param declaredLength the request's Content-Length, or -1 when not given (chunked): the limit is then
     *     enforced while streaming
     * @throws NotFoundException when the project is outside the scope or the document is not one of its own
     * @throws ConflictException when the document already has its file
     * @throws UnsupportedContentTypeException when the type is not accepted or the file does not begin as it says
     * @throws MaxUploadSizeExceededException when the file is over the limit (nothing is stored)
     */
    @Transactional
    public StoredFile upload(UUID projectId, UUID evidenceId, String contentType, String fileName, long declaredLength,
            InputStream content, OrgScope scope) {
        requireEvidenceInScope(projectId, evidenceId, scope);
        if (files.find(evidenceId).isPresent()) {
            throw new ConflictException("this document already has its file; evidence is never replaced",
                    Map.of("evidenceId", evidenceId.toString()));
        }
        EvidenceFileType type = EvidenceFileType.declaredBy(contentType).orElseThrow(() -> unsupported("ContentType",
                "must be one of " + String.join(", ", EvidenceFileType.mediaTypes())));
        if (declaredLength > MAX_BYTES) {
            throw new MaxUploadSizeExceededException(MAX_BYTES);
        }
        EvidenceFileRepository.Written written;
        try {
            byte[] header = content.readNBytes(EvidenceFileType.HEADER_BYTES);
            if (!type.matches(header)) {
                throw unsupported("FileSignature", "says " + type.mediaType() + ", but the file does not begin as one does");
            }
            written = files.write(new SequenceInputStream(new ByteArrayInputStream(header), content), MAX_BYTES);
        } catch (EvidenceFileRepository.TooLargeException tooLarge) {
            throw new MaxUploadSizeExceededException(MAX_BYTES, tooLarge);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload was interrupted", e);
        }
        StoredFile stored = new StoredFile(evidenceId, projectId, written.oid(), type.mediaType(), fileName, written.sizeBytes(),
                written.sha256(), clock.instant(), scope.caller().username());
        files.insert(stored);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("evidenceId", evidenceId.toString());
        after.put("contentType", type.mediaType());
        after.put("fileName", fileName);
        after.put("sizeBytes", written.sizeBytes());
        after.put("sha256", written.sha256());
        audit.record(scope.caller(), "project", projectId.toString(), "evidence-file-uploaded", null, after);
        return stored;
    }

    /**
     * Writes the file to the stream {@code open} gives once it knows the file's description (to set headers).
     *
     * @throws NotFoundException when the project is outside the scope, the document not its own, or it has no file
     */
    @Transactional(readOnly = true)
    public void download(UUID projectId, UUID evidenceId, OrgScope scope, Function<StoredFile, OutputStream> open) {
        requireEvidenceInScope(projectId, evidenceId, scope);
        StoredFile file = files.find(evidenceId).orElseThrow(() -> new NotFoundException("evidence file", evidenceId));
        try {
            files.copyTo(file.oid(), open.apply(file));
        } catch (IOException e) {
            throw new UncheckedIOException("the download was interrupted", e);
        }
    }

    private static UnsupportedContentTypeException unsupported(String rule, String message) {
        return new UnsupportedContentTypeException(new FieldViolation("Content-Type", rule, message), EvidenceFileType.mediaTypes());
    }

    private void requireEvidenceInScope(UUID projectId, UUID evidenceId, OrgScope scope) {
        projects.findInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        if (!files.evidenceBelongsTo(evidenceId, projectId)) {
            throw new NotFoundException("evidence", evidenceId);
        }
    }
}
