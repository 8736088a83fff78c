package cn.gov.zhaoshang.project.duplicates.model;

/** The duplicate rules of issue 5, strongest first; the first that hits puts a project into the review pool. */
public enum DuplicateRule {
    /** The same project code, or the same normalised name, in the same city. */
    L1,
    /** A normalised name at least 85% similar, and the same investor. */
    L2,
    /** The same investor and industry code, with the contract amount within 20% of the other's. */
    L3,
    /** The same investor contact phone, or the same site address. */
    L4;

    public static final int L2_SIMILARITY_PERCENT = 85;
    public static final int L3_AMOUNT_PERCENT = 20;
}
