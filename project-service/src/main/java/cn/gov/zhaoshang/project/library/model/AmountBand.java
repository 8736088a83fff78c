package cn.gov.zhaoshang.project.library.model;

import java.math.BigDecimal;

/**
 * The size bands of contract investment (亿元以上项目, metrics.md "size bands"): a project is in a
 * band when its contract amount, in yuan, is at least the band's lower bound.
 */
public enum AmountBand {
    OVER_100M("100000000"), OVER_1B("1000000000"), OVER_10B("10000000000"), OVER_20B("20000000000");

    private final BigDecimal atLeastYuan;

    AmountBand(String atLeastYuan) {
        this.atLeastYuan = new BigDecimal(atLeastYuan);
    }

    public BigDecimal atLeastYuan() {
        return atLeastYuan;
    }
}
