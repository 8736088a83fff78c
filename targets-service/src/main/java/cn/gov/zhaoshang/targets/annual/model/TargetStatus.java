package cn.gov.zhaoshang.targets.annual.model;

/** A CONFIRMED target is in force; a DRAFT is a proposal that counts for nothing until confirmed. */
public enum TargetStatus {
    DRAFT, CONFIRMED
}
