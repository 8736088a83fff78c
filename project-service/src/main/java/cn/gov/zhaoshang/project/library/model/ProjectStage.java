package cn.gov.zhaoshang.project.library.model;

/** The lifecycle stages of the glossary, in order of progress. */
public enum ProjectStage {
    LEAD, INTENT, NEGOTIATING, SIGNED, LANDED, STARTED, COMPLETED, PRODUCING, SUSPENDED, TERMINATED
}
