package cn.gov.zhaoshang.project.library.model;

/** A change the project's state does not allow (transferring a terminated project, to its own unit...). */
public class ProjectRuleException extends RuntimeException {

    public ProjectRuleException(String message) {
        super(message);
    }
}
