package cn.gov.zhaoshang.enterprise.engagement.model;

/** What kind of contact with enterprises was made. */
public enum EngagementKind {
    /** 对接: a resident team or unit met an enterprise. */
    DOCKING("对接", false),
    /** 来考察: the enterprise came to visit the region. */
    VISIT("来考察", false),
    /** 领导带队: a leader-led promotion trip. */
    LEADER_TRIP("领导带队", true),
    /** 推介会/展会: a promotion event or fair, with several enterprises. */
    PROMOTION_EVENT("推介会/展会", true);

    private final String labelZh;
    private final boolean manyEnterprises;

    EngagementKind(String labelZh, boolean manyEnterprises) {
        this.labelZh = labelZh;
        this.manyEnterprises = manyEnterprises;
    }

    public String labelZh() {
        return labelZh;
    }

    /** Whether one engagement of this kind may involve several enterprises. */
    public boolean manyEnterprises() {
        return manyEnterprises;
    }
}
