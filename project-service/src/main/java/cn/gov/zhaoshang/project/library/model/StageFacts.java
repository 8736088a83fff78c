package cn.gov.zhaoshang.project.library.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What is known about a project that a stage may require: its contract, its start and the documents
 * given. {@link #missingFor(ProjectStage)} says what is missing for a stage, since fields are required
 * from a stage onward: a STARTED project also needs what SIGNED and LANDED need.
 */
public record StageFacts(BigDecimal contractAmount, LocalDate signingDate, LocalDate startDate, List<Evidence> evidence) {

    public StageFacts {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
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
     * The date a project registered at {@code stage} reached it, as far as these facts tell: the start
     * date from STARTED on, the signing date at SIGNED, else the latest document's date; {@code null}
     * when nothing tells (a lead registered without documents).
     */
    public LocalDate reachedOn(ProjectStage stage) {
        if (stage.hasReached(ProjectStage.STARTED) && startDate != null) {
            return startDate;
        }
        if (stage == ProjectStage.SIGNED && signingDate != null) {
            return signingDate;
        }
        return evidence.stream().map(Evidence::date).max(LocalDate::compareTo).orElse(null);
    }

    private boolean has(EvidenceType type) {
        return evidence.stream().anyMatch(document -> document.type() == type);
    }
}
