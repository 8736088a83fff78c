package cn.gov.zhaoshang.project.evidence.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OfficerRole;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import cn.gov.zhaoshang.platform.validation.FileNames;
import cn.gov.zhaoshang.platform.web.RequestBodyLimit;
import cn.gov.zhaoshang.project.evidence.application.EvidenceFiles;
import cn.gov.zhaoshang.project.evidence.model.StoredFile;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence files, under {@code /api/projects/{id}/evidence/**}: the one route on which the gateway
 * accepts bodies of up to 25 MB. The body is the file itself, with its own Content-Type; the service
 * refuses anything over 20 MiB with 413.
 */
@RestController
public class EvidenceFileController {

    private final EvidenceFiles files;
    private final CurrentCaller currentCaller;

    public EvidenceFileController(EvidenceFiles files, CurrentCaller currentCaller) {
        this.files = files;
        this.currentCaller = currentCaller;
    }

    /** A stored file's description; the content is at {@code href}. */
    public record EvidenceFileResponse(UUID evidenceId, String contentType, String fileName, long sizeBytes, String sha256,
            Instant uploadedAt, String uploadedBy, String href) {
        static EvidenceFileResponse of(StoredFile file) {
            return new EvidenceFileResponse(file.evidenceId(), file.contentType(), file.safeFileName(), file.sizeBytes(), file.sha256(),
                    file.uploadedAt(), file.uploadedBy(), path(file.projectId(), file.evidenceId()));
        }
    }

    static String path(UUID projectId, UUID evidenceId) {
        return "/api/projects/" + projectId + "/evidence/" + evidenceId + "/file";
    }

    /**
     * Uploads the file of one document (its id is in the stage history). 201; 400 for a file name that is
     * not one ({@link FileNames}); 409 if it has one; 413 over 20 MiB; 415 for a type outside the
     * allow-list or a file that is not what its type says.
     */
    @PutMapping("/api/projects/{id}/evidence/{evidenceId}/file")
    @OfficerRole
    @RequestBodyLimit(bytes = EvidenceFiles.MAX_BYTES)
    public ResponseEntity<EvidenceFileResponse> upload(@PathVariable UUID id, @PathVariable UUID evidenceId,
            @RequestParam(required = false) String fileName, HttpServletRequest request) {
        FileNames.problemWith(fileName).ifPresent(problem -> {
            throw new RequestValidationException(List.of(new FieldViolation("fileName", FileNames.RULE, problem)));
        });
        OrgScope scope = currentCaller.scope();
        StoredFile stored;
        try {
            stored = files.upload(id, evidenceId, request.getContentType(), fileName, request.getContentLengthLong(),
                    request.getInputStream(), scope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.created(URI.create(path(id, evidenceId))).body(EvidenceFileResponse.of(stored));
    }

    /**
     * Downloads the file, streamed from the database, with its content type and SHA-256 digest, as an
     * attachment whose name is safe (RFC 6266, the UTF-8 name as RFC 5987's {@code filename*}): a name or
     * type stored before the input rules is made safe here rather than refused.
     */
    @GetMapping("/api/projects/{id}/evidence/{evidenceId}/file")
    @ReaderRole
    public void download(@PathVariable UUID id, @PathVariable UUID evidenceId, HttpServletResponse response) {
        files.download(id, evidenceId, currentCaller.scope(), file -> {
            response.setContentType(file.servedContentType());
            response.setContentLengthLong(file.sizeBytes());
            response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                    .encodeToString(HexFormat.of().parseHex(file.sha256())) + ":");
            response.setHeader(HttpHeaders.ETAG, "\"" + file.sha256() + "\"");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(file.downloadFileName(), StandardCharsets.UTF_8)
                    .build().toString());
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
