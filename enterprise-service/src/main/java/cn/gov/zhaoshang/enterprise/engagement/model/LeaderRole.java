package cn.gov.zhaoshang.enterprise.engagement.model;

/** The role of the leader of a trip (glossary, leader activity). */
public enum LeaderRole {
    /** 主要负责同志: party and government principals. */
    PRINCIPAL,
    /** 分管负责同志: deputies in charge. */
    DEPUTY
}
