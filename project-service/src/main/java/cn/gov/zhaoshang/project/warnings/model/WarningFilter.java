package cn.gov.zhaoshang.project.warnings.model;

/** The filter of a list of warnings: the unit (its subtree) and, when not null, open or cleared and the kind. */
public record WarningFilter(String unitPath, Boolean open, WarningKind kind) {
}
