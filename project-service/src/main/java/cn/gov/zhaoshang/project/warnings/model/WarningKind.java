package cn.gov.zhaoshang.project.warnings.model;

/** The project warnings of the glossary (项目预警). */
public enum WarningKind {
    /** No update for 30 days in NEGOTIATING, or for 20 days in SIGNED or LANDED. */
    STALE,
    /** Signed, and not started by its planned start date. */
    NOT_STARTED,
    /** Signed and not suspended, with an open problem of its problem log (问题台账) past its deadline. */
    PROBLEM_OVERDUE
}
