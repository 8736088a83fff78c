package cn.gov.zhaoshang.enterprise.editionimport.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.editionimport.application.EditionImports;
import cn.gov.zhaoshang.enterprise.editionimport.model.ImportRow;
import cn.gov.zhaoshang.enterprise.editionimport.model.MatchKind;
import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.excel.Spreadsheets;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.EnterpriseReaderRole;
import cn.gov.zhaoshang.platform.security.OfficerOrAdminRole;
import cn.gov.zhaoshang.platform.web.RequestBodyLimit;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports of whole list editions. Upload a CSV or xlsx file of at most 10 MB (as the request body,
 * or as the multipart part {@code file}, limited by the multipart settings); every row is matched
 * into a preview; bad rows are corrected and uncertain matches reviewed; then the import is applied.
 */
@RestController
public class EditionImportController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAX_PAGE_SIZE = 500;

    private final EditionImports imports;
    private final CurrentCaller currentCaller;

    public EditionImportController(EditionImports imports, CurrentCaller currentCaller) {
        this.imports = imports;
        this.currentCaller = currentCaller;
    }

    public record CandidateResponse(UUID id, String nameZh, String uscc, double similarity, String link) {
    }

    public record RowErrorResponse(String column, String rule, String message) {
    }

    /** A row of the file and how it was matched. */
    public record RowResponse(int rowNumber, String serial, String rank, String name, String uscc, String match,
            UUID enterpriseId, List<CandidateResponse> candidates, List<RowErrorResponse> errors) {
        static RowResponse of(ImportRow row) {
            return new RowResponse(row.rowNumber(), row.serial(), row.rank(), row.name(), row.uscc(), row.match().name(),
                    row.enterpriseId(),
                    row.candidates().stream().map(c -> new CandidateResponse(c.id(), c.nameZh(), c.uscc(), c.similarity(),
                            "/api/enterprises/" + c.id())).toList(),
                    row.errors().stream().map(e -> new RowErrorResponse(e.column(), e.rule(), e.message())).toList());
        }
    }

    /** The preview: counts by match, every bad row with its errors, every row waiting for review. */
    public record PreviewResponse(UUID id, UUID editionId, String fileName, String status, Map<String, Long> counts,
            List<RowResponse> errors, List<RowResponse> reviews, String rows) {
        static PreviewResponse of(EditionImports.Preview preview) {
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            preview.counts().forEach((kind, n) -> counts.put(kind.name(), n));
            return new PreviewResponse(preview.header().id(), preview.header().editionId(), preview.header().fileName(),
                    preview.header().status(), counts, preview.errors().stream().map(RowResponse::of).toList(),
                    preview.reviews().stream().map(RowResponse::of).toList(),
                    "/api/edition-imports/" + preview.header().id() + "/rows");
        }
    }

    public record RowPage(List<RowResponse> items, int page, int size, String match) {
    }

    public record CorrectRowRequest(@Size(max = 20) String serial, @Size(max = 20) String rank, @Size(max = 200) String name,
            @Size(max = 18) String uscc) {
    }

    /** {@code enterpriseId} of the right registered enterprise, or {@code createNew} for a new list-only record. */
    public record ResolveRowRequest(UUID enterpriseId, Boolean createNew) {
    }

    public record AppliedResponse(UUID id, int memberships, int createdEnterprises) {
    }

    public record QueuedRowResponse(UUID importId, UUID editionId, RowResponse row, String resolve) {
    }

    @PostMapping(path = "/api/list-editions/{editionId}/imports", consumes = {"text/csv", XLSX, "application/octet-stream"})
    @OfficerOrAdminRole
    @RequestBodyLimit(bytes = Spreadsheets.MAX_UPLOAD_BYTES)
    public ResponseEntity<PreviewResponse> upload(@PathVariable UUID editionId, @RequestBody byte[] content,
            @RequestParam(required = false) String fileName) {
        return created(imports.upload(editionId, fileName, content, currentCaller.scope()));
    }

    @PostMapping(path = "/api/list-editions/{editionId}/imports", consumes = "multipart/form-data")
    @OfficerOrAdminRole
    public ResponseEntity<PreviewResponse> uploadForm(@PathVariable UUID editionId, @RequestParam("file") MultipartFile file) {
        try {
            return created(imports.upload(editionId, file.getOriginalFilename(), file.getBytes(), currentCaller.scope()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/edition-imports/{id}")
    @EnterpriseReaderRole
    public PreviewResponse preview(@PathVariable UUID id) {
        currentCaller.scope();
        return PreviewResponse.of(imports.preview(id));
    }

    /** Every row of the import with its match, optionally only one kind of match. */
    @GetMapping("/api/edition-imports/{id}/rows")
    @EnterpriseReaderRole
    public RowPage rows(@PathVariable UUID id, @RequestParam(required = false) MatchKind match,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        currentCaller.scope();
        checkPage(page, size);
        return new RowPage(imports.rows(id, match, page, size).stream().map(RowResponse::of).toList(), page, size,
                match == null ? null : match.name());
    }

    @PostMapping("/api/edition-imports/{id}/rows/{rowNumber}")
    @OfficerOrAdminRole
    public RowResponse correct(@PathVariable UUID id, @PathVariable int rowNumber,
            @jakarta.validation.Valid @RequestBody CorrectRowRequest request) {
        return RowResponse.of(imports.correct(id, rowNumber, request.serial(), request.rank(), request.name(), request.uscc(),
                currentCaller.scope()));
    }

    @PostMapping("/api/edition-imports/{id}/rows/{rowNumber}/resolution")
    @OfficerOrAdminRole
    public RowResponse resolve(@PathVariable UUID id, @PathVariable int rowNumber, @RequestBody ResolveRowRequest request) {
        boolean createNew = Boolean.TRUE.equals(request.createNew());
        if ((request.enterpriseId() == null) == !createNew) {
            throw new RequestValidationException(List.of(new FieldViolation("enterpriseId", "OneDecision",
                    "give either the enterpriseId of the right enterprise or createNew: true")));
        }
        return RowResponse.of(imports.resolve(id, rowNumber, request.enterpriseId(), currentCaller.scope()));
    }

    @PostMapping("/api/edition-imports/{id}/apply")
    @OfficerOrAdminRole
    public AppliedResponse apply(@PathVariable UUID id) {
        EditionImports.Applied applied = imports.apply(id, currentCaller.scope());
        return new AppliedResponse(applied.importId(), applied.memberships(), applied.createdEnterprises());
    }

    /** The review queue: uncertain matches of every import not yet applied. */
    @GetMapping("/api/edition-reviews")
    @EnterpriseReaderRole
    public PageResponse<QueuedRowResponse> reviewQueue(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        currentCaller.scope();
        checkPage(page, size);
        return new PageResponse<>(imports.reviewQueue(page, size).stream()
                .map(queued -> new QueuedRowResponse(queued.importId(), queued.editionId(), RowResponse.of(queued.row()),
                        "/api/edition-imports/" + queued.importId() + "/rows/" + queued.row().rowNumber() + "/resolution"))
                .toList(), page, size, imports.reviewQueueSize());
    }

    private ResponseEntity<PreviewResponse> created(EditionImports.Preview preview) {
        return ResponseEntity.created(URI.create("/api/edition-imports/" + preview.header().id())).body(PreviewResponse.of(preview));
    }

    private static void checkPage(int page, int size) {
        Paging.checkRange(page, size, MAX_PAGE_SIZE);
    }
}
