package cn.gov.zhaoshang.project.problems.model;

/** A change the problem's state does not allow, such as changing a solved problem without reopening it. */
public class ProblemRuleException extends RuntimeException {

    public ProblemRuleException(String message) {
        super(message);
    }
}
