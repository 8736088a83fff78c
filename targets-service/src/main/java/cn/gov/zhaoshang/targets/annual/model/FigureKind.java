package cn.gov.zhaoshang.targets.annual.model;

/**
 * How a target figure behaves.
 *
 * @param scale    decimals kept (amounts in yuan to the fen; counts and days whole)
 * @param additive whether children's targets add up to the parent's (decomposition compares them)
 * @param grows    whether next year's target grows by the growth rate (rates and leader
 *                 requirements are carried over unchanged)
 */
public enum FigureKind {
    AMOUNT(2, true, true, "元"),
    COUNT(0, true, true, "个"),
    PERCENT(2, false, false, "%"),
    REQUIREMENT(0, false, false, "次");

    private final int scale;
    private final boolean additive;
    private final boolean grows;
    private final String unitZh;

    FigureKind(int scale, boolean additive, boolean grows, String unitZh) {
        this.scale = scale;
        this.additive = additive;
        this.grows = grows;
        this.unitZh = unitZh;
    }

    public int scale() {
        return scale;
    }

    public boolean additive() {
        return additive;
    }

    public boolean grows() {
        return grows;
    }

    public String unitZh() {
        return unitZh;
    }
}
