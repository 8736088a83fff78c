package cn.gov.zhaoshang.project.library.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.gov.zhaoshang.project.library.infrastructure.StageMoveRepository.RecordedMove;

/** One entry of a project's stage history; {@code from} is {@code null} for the registration. */
public record StageMoveResponse(String from, String to, LocalDate date, Instant recordedAt, String actor,
        String reason, List<EvidenceResponse> evidence) {

    /** A document of a move. */
    public record EvidenceResponse(String documentType, String documentNumber, LocalDate documentDate) {
    }

    static StageMoveResponse of(RecordedMove move) {
        return new StageMoveResponse(move.from() == null ? null : move.from().name(), move.to().name(), move.movedOn(),
                move.movedAt(), move.movedBy(), move.reason(), move.evidence().stream()
                        .map(document -> new EvidenceResponse(document.type().name(), document.number(), document.date()))
                        .toList());
    }
}
