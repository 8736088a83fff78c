package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_STAGE_CHANGED};
 * contract {@code contracts/schemas/project/stage-changed.v1.json}. No personal data.
 *
 * @param evidence the document proving the move, {@code null} when none was needed or given
 * @param contractAmount yuan as a decimal string after the move, {@code null} before signing
 * @param signingConfirmed on a move to SIGNED, {@code false} while the signing waits for a leader's
 *     confirmation; {@code null} on other moves
 * @param investorClasses on a move to SIGNED, the investor's classes on the signing date; {@code null}
 *     on other moves
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
        Instant movedAt,
        Boolean signingConfirmed,
        List<InvestorClass> investorClasses) {

    /** A move that is not to SIGNED: no confirmation flag and no class snapshot. */
    public ProjectStageChanged(UUID projectId, String orgUnit, String fromStage, String toStage, LocalDate movedOn,
            Evidence evidence, String contractAmount, LocalDate signingDate, Instant movedAt) {
        this(projectId, orgUnit, fromStage, toStage, movedOn, evidence, contractAmount, signingDate, movedAt, null, null);
    }

    /** A document: its type (AGREEMENT, BUSINESS_REGISTRATION, LAND_GRANT, CONSTRUCTION_PERMIT, OTHER), number and date. */
    public record Evidence(String documentType, String documentNumber, LocalDate documentDate) {
    }
}
