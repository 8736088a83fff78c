package cn.gov.zhaoshang.project.library.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.validation.FileNames;
import cn.gov.zhaoshang.project.library.model.RecordedMove;


/** One entry of a project's stage history; {@code from} is {@code null} for the registration. */
public record StageMoveResponse(String from, String to, LocalDate date, Instant recordedAt, String actor,
        String reason, List<EvidenceResponse> evidence) {

    /**
     * A document of a move, with its id (to upload or download its file) and its file's description,
     * {@code null} while none was uploaded.
     */
    public record EvidenceResponse(UUID id, String documentType, String documentNumber, LocalDate documentDate, FileResponse file) {
    }

    /** An evidence file: download it at {@code href}. */
    public record FileResponse(String contentType, String fileName, long sizeBytes, String sha256, String href) {
    }

    /** The file's name as its download gives it (a name stored before the input rules, made safe). */
    private static String safe(UUID evidenceId, String fileName) {
        return fileName == null ? null : FileNames.forDownload(fileName, "evidence-" + evidenceId);
    }

    static StageMoveResponse of(UUID projectId, RecordedMove move) {
        return new StageMoveResponse(move.from() == null ? null : move.from().name(), move.to().name(), move.movedOn(),
                move.movedAt(), move.movedBy(), move.reason(), move.documents().stream()
                        .map(stored -> new EvidenceResponse(stored.id(), stored.document().type().name(), stored.document().number(),
                                stored.document().date(), stored.file() == null ? null : new FileResponse(stored.file().contentType(),
                                        safe(stored.id(), stored.file().fileName()), stored.file().sizeBytes(), stored.file().sha256(),
                                        "/api/projects/" + projectId + "/evidence/" + stored.id() + "/file")))
                        .toList());
    }
}
