package cn.gov.zhaoshang.enterprise.engagement.model;

/** What an engagement led to. */
public enum Outcome {
    /** 无意向. */
    NO_INTEREST,
    /** 持续跟进. */
    FOLLOW_UP,
    /** 形成投资意向, with an amount and an industry. */
    INTENT
}
