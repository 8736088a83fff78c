package cn.gov.zhaoshang.project.library.model;

/** The kinds of document that prove a stage. */
public enum EvidenceType {
    /** 投资协议/合同: proves SIGNED. */
    AGREEMENT,
    /** 工商注册 (营业执照): proves LANDED. */
    BUSINESS_REGISTRATION,
    /** 供地 (土地出让合同/不动产权证): proves LANDED. */
    LAND_GRANT,
    /** 施工许可证: proves STARTED. */
    CONSTRUCTION_PERMIT,
    OTHER
}
