package cn.gov.zhaoshang.targets.annual.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.targets.annual.model.TargetFigure;
import cn.gov.zhaoshang.targets.orgunits.model.RegisteredOrgUnit;

/**
 * A parent's targets beside the sum of its children's, per additive figure. It only informs: an
 * over- or under-allocation never blocks setting a target.
 */
public record Decomposition(RegisteredOrgUnit unit, int year, List<FigureAllocation> figures, List<ChildTargets> children) {

    /**
     * @param difference children's sum − parent's target (negative: under-allocated), null without a parent target
     * @param childrenWithoutTarget children that have no target for the figure
     */
    public record FigureAllocation(TargetFigure figure, BigDecimal parentTarget, BigDecimal childrenSum,
            BigDecimal difference, Allocation allocation, int childrenWithoutTarget) {
    }

    public enum Allocation {
        EXACT, OVER, UNDER, NO_PARENT_TARGET
    }

    public record ChildTargets(RegisteredOrgUnit unit, Map<TargetFigure, BigDecimal> confirmed) {
    }
}
