package cn.gov.zhaoshang.project.funds.model;

/** What proves that funds arrived. */
public enum FundsEvidenceType {
    /** 银行进账单/回单 */
    BANK_VOUCHER,
    /** 审计/验资报告 */
    AUDIT_REPORT,
    /** 发票 (equipment, construction) */
    INVOICE,
    OTHER
}
