package cn.gov.zhaoshang.project.problems.model;

/** What kind of problem holds a project up (问题类别). */
public enum ProblemCategory {
    /** 土地: land not yet granted, levelled or cleared. */
    LAND,
    /** 审批: permits and approvals. */
    PERMITS,
    /** 水电气等配套: water, power, gas, roads and other utilities. */
    UTILITIES,
    /** 融资: financing. */
    FINANCING,
    /** 设备: equipment. */
    EQUIPMENT,
    /** 其他: anything else. */
    OTHER;

    /** The values as a regular expression, so that a request names every bad field at once instead of failing to read. */
    public static final String PATTERN = "^(LAND|PERMITS|UTILITIES|FINANCING|EQUIPMENT|OTHER)$";
}
