package cn.gov.zhaoshang.project.library.model;

import java.time.LocalDate;

/**
 * The dates a project reached the stages after its start that have no field of their own on the
 * project (the signing date and the start date do): landing, completion and production. Each is
 * {@code null} until the project reaches that stage, and kept when it moves on.
 */
public record StageDates(LocalDate landingDate, LocalDate completionDate, LocalDate productionDate) {

    public static final StageDates NONE = new StageDates(null, null, null);

    /** The dates after a move into {@code stage} on {@code on}: its date is set the first time it is reached. */
    public StageDates reached(ProjectStage stage, LocalDate on) {
        return switch (stage) {
            case LANDED -> landingDate != null ? this : new StageDates(on, completionDate, productionDate);
            case COMPLETED -> completionDate != null ? this : new StageDates(landingDate, on, productionDate);
            case PRODUCING -> productionDate != null ? this : new StageDates(landingDate, completionDate, on);
            default -> this;
        };
    }
}
