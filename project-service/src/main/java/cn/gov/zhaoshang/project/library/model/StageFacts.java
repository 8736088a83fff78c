package cn.gov.zhaoshang.project.library.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What is known about a project that a stage may require: its contract, the date of each stage it
 * reached and the documents given. {@link #missingFor(ProjectStage)} says what is missing for a
 * stage, since fields are required from a stage onward: a STARTED project also needs what SIGNED and
 * LANDED need. {@link #missingDatesFor} and {@link #datesOutOfOrder} say the same of the stage dates
 * of a project registered at a later stage (a back-filled one).
 *
 * @param landingDate given, or else the date of its landing document ({@link #landedOn()})
 */
public record StageFacts(BigDecimal contractAmount, LocalDate signingDate, LocalDate landingDate, LocalDate startDate,
        LocalDate completionDate, LocalDate productionDate, List<Evidence> evidence) {

    public StageFacts {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The facts of a move, which carries one date: the move's own. */
    public StageFacts(BigDecimal contractAmount, LocalDate signingDate, LocalDate startDate, List<Evidence> evidence) {
        this(contractAmount, signingDate, null, startDate, null, null, evidence);
    }

    /** The date it landed: the one given, else that of its earliest landing document; {@code null} when neither. */
    public LocalDate landedOn() {
        if (landingDate != null) {
            return landingDate;
        }
        return evidence.stream().filter(document -> document.type() == EvidenceType.BUSINESS_REGISTRATION
                || document.type() == EvidenceType.LAND_GRANT).map(Evidence::date).min(LocalDate::compareTo).orElse(null);
    }

    /**
     * The dates of a project registered at {@code stage}: for each stage it reached, the date given
     * (for landing, or its document's); {@code null} for the stages it has not reached.
     */
    public StageDates datesAt(ProjectStage stage) {
        return new StageDates(stage.hasReached(ProjectStage.LANDED) ? landedOn() : null,
                stage.hasReached(ProjectStage.COMPLETED) ? completionDate : null,
                stage.hasReached(ProjectStage.PRODUCING) ? productionDate : null);
    }

    /**
     * The stage dates a project registered at {@code stage} lacks, and those given for a stage it has
     * not reached: a back-filled project records the date of every stage it reached.
     */
    public List<Missing> missingDatesFor(ProjectStage stage) {
        List<Missing> missing = new ArrayList<>();
        dateOfStage(missing, stage, ProjectStage.LANDED, "landingDate", landedOn(),
                "records the date it landed (landingDate, or the date of its landing document)");
        dateOfStage(missing, stage, ProjectStage.COMPLETED, "completionDate", completionDate,
                "records the date construction was completed (completionDate)");
        dateOfStage(missing, stage, ProjectStage.PRODUCING, "productionDate", productionDate,
                "records the date production began (productionDate)");
        return missing;
    }

    private static void dateOfStage(List<Missing> missing, ProjectStage registeredAt, ProjectStage stage, String field,
            LocalDate date, String what) {
        if (registeredAt.hasReached(stage) && date == null) {
            missing.add(new Missing(field, "RequiredForStage", "a project registered at " + stage + " or later " + what));
        }
    }

    /** Dates given for stages a project registered at {@code stage} has not reached. */
    public List<Missing> datesBeyond(ProjectStage stage) {
        List<Missing> beyond = new ArrayList<>();
        dateBeyond(beyond, stage, ProjectStage.LANDED, "landingDate", landingDate);
        dateBeyond(beyond, stage, ProjectStage.COMPLETED, "completionDate", completionDate);
        dateBeyond(beyond, stage, ProjectStage.PRODUCING, "productionDate", productionDate);
        return beyond;
    }

    private static void dateBeyond(List<Missing> beyond, ProjectStage registeredAt, ProjectStage stage, String field, LocalDate date) {
        if (date != null && !registeredAt.hasReached(stage)) {
            beyond.add(new Missing(field, "OnlyFromStage", "is given only for a project registered at " + stage + " or later"));
        }
    }

    /** Stage dates out of order: signing, landing, start, completion and production follow each other (the same day is allowed). */
    public List<Missing> datesOutOfOrder(ProjectStage stage) {
        StageDates dates = datesAt(stage);
        List<Dated> inOrder = List.of(
                new Dated("signingDate", stage.hasReached(ProjectStage.SIGNED) ? signingDate : null),
                new Dated("landingDate", dates.landingDate()),
                new Dated("startDate", stage.hasReached(ProjectStage.STARTED) ? startDate : null),
                new Dated("completionDate", dates.completionDate()),
                new Dated("productionDate", dates.productionDate()));
        List<Missing> outOfOrder = new ArrayList<>();
        Dated latest = null;
        for (Dated date : inOrder) {
            if (date.date() == null) {
                continue;
            }
            if (latest != null && date.date().isBefore(latest.date())) {
                outOfOrder.add(new Missing(date.field(), "StageDatesInOrder",
                        "must not be before the " + latest.field() + " (" + latest.date() + ")"));
            } else {
                latest = date;
            }
        }
        return outOfOrder;
    }

    private record Dated(String field, LocalDate date) {
    }

    /** A required field that is missing: the request field it belongs to and why. */
    public record Missing(String field, String rule, String message) {
    }

    /** What a project registered at {@code stage} lacks: the requirements of every stage up to it. */
    public List<Missing> missingFor(ProjectStage stage) {
        List<Missing> missing = new ArrayList<>();
        for (ProjectStage proven : List.of(ProjectStage.SIGNED, ProjectStage.LANDED, ProjectStage.STARTED)) {
            if (stage.hasReached(proven)) {
                missing.addAll(missingAt(proven));
            }
        }
        return missing;
    }

    /** What a move into {@code stage} lacks: that stage's own requirements, proven by the move. */
    public List<Missing> missingAt(ProjectStage stage) {
        List<Missing> missing = new ArrayList<>();
        switch (stage) {
            case SIGNED -> {
                if (contractAmount == null || contractAmount.signum() <= 0) {
                    missing.add(new Missing("contractAmount", "RequiredForStage", "a SIGNED project has a positive contract amount"));
                }
                if (signingDate == null) {
                    missing.add(new Missing("signingDate", "RequiredForStage", "a SIGNED project has a signing date"));
                }
                if (!has(EvidenceType.AGREEMENT)) {
                    missing.add(new Missing("evidence", "RequiredForStage", "a SIGNED project needs its agreement (AGREEMENT) as evidence"));
                }
            }
            case LANDED -> {
                if (!has(EvidenceType.BUSINESS_REGISTRATION) && !has(EvidenceType.LAND_GRANT)) {
                    missing.add(new Missing("evidence", "RequiredForStage",
                            "a LANDED project needs a registration number (BUSINESS_REGISTRATION) or a land grant (LAND_GRANT) as evidence"));
                }
            }
            case STARTED -> {
                if (startDate == null) {
                    missing.add(new Missing("startDate", "RequiredForStage", "a STARTED project has a start date"));
                }
                if (!has(EvidenceType.CONSTRUCTION_PERMIT)) {
                    missing.add(new Missing("evidence", "RequiredForStage", "a STARTED project needs its permit (CONSTRUCTION_PERMIT) as evidence"));
                }
            }
            default -> {
                // the other stages need no particular field or document
            }
        }
        return missing;
    }

    /**
     * The date a project registered at {@code stage} reached it, as far as these facts tell: that
     * stage's own date (signing, landing, start, completion, production) when it has one, else the
     * latest document's date; {@code null} when nothing tells (a lead registered without documents).
     */
    public LocalDate reachedOn(ProjectStage stage) {
        LocalDate own = switch (stage) {
            case SIGNED -> signingDate;
            case LANDED -> landedOn();
            case STARTED -> startDate;
            case COMPLETED -> completionDate != null ? completionDate : startDate;
            case PRODUCING -> productionDate != null ? productionDate : startDate;
            default -> null;
        };
        return own != null ? own : evidence.stream().map(Evidence::date).max(LocalDate::compareTo).orElse(null);
    }

    private boolean has(EvidenceType type) {
        return evidence.stream().anyMatch(document -> document.type() == type);
    }
}
