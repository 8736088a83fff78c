package cn.gov.zhaoshang.project.library.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One recorded move of a project's stage history; {@code from} is {@code null} for the registration.
 *
 * @param documents the evidence as stored, with its ids and files; empty for a move about to be inserted
 */
public record RecordedMove(UUID id, ProjectStage from, ProjectStage to, LocalDate movedOn, Instant movedAt,
        String movedBy, String reason, List<Evidence> evidence, List<StoredEvidence> documents) {

    /** A move to insert: its documents get their ids when stored. */
    public RecordedMove(UUID id, ProjectStage from, ProjectStage to, LocalDate movedOn, Instant movedAt,
            String movedBy, String reason, List<Evidence> evidence) {
        this(id, from, to, movedOn, movedAt, movedBy, reason, evidence, List.of());
    }

    /** A stored document with its id, and the description of its file, {@code null} when none was uploaded. */
    public record StoredEvidence(UUID id, Evidence document, StoredFileInfo file) {
    }

    /** An evidence file's description. */
    public record StoredFileInfo(String contentType, String fileName, long sizeBytes, String sha256) {
    }
}
