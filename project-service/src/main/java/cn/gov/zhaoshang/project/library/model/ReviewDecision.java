package cn.gov.zhaoshang.project.library.model;

/** What a reviewer decides for a pooled project. */
public enum ReviewDecision {
    KEEP_AS_NEW(ReviewStatus.ACCEPTED),
    REJECT(ReviewStatus.REJECTED),
    MERGE(ReviewStatus.MERGED);

    private final ReviewStatus outcome;

    ReviewDecision(ReviewStatus outcome) {
        this.outcome = outcome;
    }

    public ReviewStatus outcome() {
        return outcome;
    }
}
