package cn.gov.zhaoshang.enterprise.membership.model;

/** How long a list membership counts (glossary, enterprise classes). */
public enum ValidityKind {
    /** Ranked yearly lists: from the edition's publication until the next edition of the list is published. */
    RANKED_YEARLY,
    /** Batches and certificates: for their stated period, usually 3 years, whatever later batches say. */
    PERIOD,
    /** Local and standing designations: until withdrawn. */
    STANDING
}
