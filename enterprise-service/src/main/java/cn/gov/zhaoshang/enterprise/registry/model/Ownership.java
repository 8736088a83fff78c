package cn.gov.zhaoshang.enterprise.registry.model;

/** Ownership of an enterprise (企业性质). */
public enum Ownership {
    /** 中央企业. */
    CENTRAL_SOE,
    /** 地方国有企业. */
    LOCAL_SOE,
    /** 民营企业. */
    PRIVATE,
    /** 外资企业. */
    FOREIGN,
    /** 港澳台资企业. */
    HK_MACAO_TAIWAN
}
