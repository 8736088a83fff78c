package cn.gov.zhaoshang.project.library.model;

/** Where a project stands in duplicate review; only ACCEPTED projects are counted. */
public enum ReviewStatus {
    /** No duplicate found, or a reviewer kept it as new. */
    ACCEPTED,
    /** In the review pool: a rule found a possible duplicate; waits for a reviewer. */
    PENDING,
    /** A reviewer rejected it. */
    REJECTED,
    /** A reviewer merged it into the project it duplicates, which is the one that counts. */
    MERGED
}
