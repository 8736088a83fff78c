package cn.gov.zhaoshang.project.problems.model;

/**
 * A change that is wrong in itself, whatever the problem's state: answered as a bad field.
 *
 * @see cn.gov.zhaoshang.project.problems.model.ProjectProblem#change
 */
public class InvalidProblemChangeException extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidProblemChangeException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
