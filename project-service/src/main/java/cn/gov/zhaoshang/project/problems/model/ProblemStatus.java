package cn.gov.zhaoshang.project.problems.model;

/** Where a problem stands. OPEN and IN_PROGRESS are open; an open problem past its deadline is overdue. */
public enum ProblemStatus {
    /** 未解决: logged, nobody working on it yet. */
    OPEN,
    /** 正在解决: the responsible department is working on it. */
    IN_PROGRESS,
    /** 已解决: solved, with its resolution. */
    SOLVED;

    /** The values as a regular expression, so that a request names every bad field at once instead of failing to read. */
    public static final String PATTERN = "^(OPEN|IN_PROGRESS|SOLVED)$";

    public boolean isOpen() {
        return this != SOLVED;
    }
}
