package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_STAGE_CHANGED};
 * contract {@code contracts/schemas/project/stage-changed.v1.json}. No personal data.
 *
 * @param evidence the document proving the move, {@code null} when none was needed or given
 * @param contractAmount yuan as a decimal string after the move, {@code null} before signing
 */
public record ProjectStageChanged(
        UUID projectId,
        String orgUnit,
        String fromStage,
        String toStage,
        LocalDate movedOn,
        Evidence evidence,
        String contractAmount,
        LocalDate signingDate,
        Instant movedAt) {

    /** A document: its type (AGREEMENT, BUSINESS_REGISTRATION, LAND_GRANT, CONSTRUCTION_PERMIT, OTHER), number and date. */
    public record Evidence(String documentType, String documentNumber, LocalDate documentDate) {
    }
}
