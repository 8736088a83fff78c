package cn.gov.zhaoshang.project.funds.model;

/** A report or correction that contradicts what is already recorded. */
public class FundsRuleException extends RuntimeException {

    public FundsRuleException(String message) {
        super(message);
    }
}
