package cn.gov.zhaoshang.project.library.model;

/** The channels (招商方式) of the glossary; a project from a resident team names the team. */
public enum Channel {
    RESIDENT_TEAM, LEADER_LED, INDUSTRY_CHAIN, EXPO, BUSINESS_ASSOCIATION, INTERMEDIARY, BY_INVESTOR, REINVESTMENT, FUND, ONLINE
}
