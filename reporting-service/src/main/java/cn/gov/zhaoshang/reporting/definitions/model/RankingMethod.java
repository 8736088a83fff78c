package cn.gov.zhaoshang.reporting.definitions.model;

/** How sibling units are ranked (metrics.md, "Rankings and warnings"). */
public enum RankingMethod {
    /** By the completion rate of contract investment: actual ÷ annual target. */
    COMPLETION_RATE,
    /** By Σ weight × min(actual ÷ target, cap) over the weighted figures. */
    WEIGHTED_SCORE
}
