package cn.gov.zhaoshang.targets.annual.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.targets.annual.application.Decomposition;
import cn.gov.zhaoshang.targets.annual.application.UnitTargets;
import cn.gov.zhaoshang.targets.annual.model.TargetFigure;

/** What the targets API answers. Values are decimal strings (amounts in yuan). */
public final class TargetResponses {

    private TargetResponses() {
    }

    /**
     * A unit's targets of one year; {@code draft} is empty unless a draft awaits confirmation.
     * {@code requirementMinimums} are the leader-activity requirements that apply to the unit's
     * level, with the least the plan allows.
     */
    public record UnitTargetsResponse(UUID unitId, String orgUnit, String nameZh, int year,
            Map<String, String> confirmed, Map<String, String> draft, Map<String, String> requirementMinimums) {

        static UnitTargetsResponse of(UnitTargets targets) {
            Map<String, String> minimums = new LinkedHashMap<>();
            for (TargetFigure figure : TargetFigure.values()) {
                if (figure.levels().contains(targets.unit().level())) {
                    figure.minimum().ifPresent(least -> minimums.put(figure.name(), least.toPlainString()));
                }
            }
            return new UnitTargetsResponse(targets.unit().id(), targets.unit().code(), targets.unit().unit().nameZh(),
                    targets.year(), strings(targets.confirmed()), strings(targets.draft()), minimums);
        }
    }

    public record DecompositionResponse(String orgUnit, String nameZh, int year, List<FigureAllocationResponse> figures,
            List<ChildTargetsResponse> children) {

        static DecompositionResponse of(Decomposition decomposition) {
            return new DecompositionResponse(decomposition.unit().code(), decomposition.unit().unit().nameZh(),
                    decomposition.year(),
                    decomposition.figures().stream().map(allocation -> new FigureAllocationResponse(
                            allocation.figure().name(), allocation.figure().nameZh(), string(allocation.parentTarget()),
                            string(allocation.childrenSum()), string(allocation.difference()),
                            allocation.allocation().name(), allocation.childrenWithoutTarget())).toList(),
                    decomposition.children().stream().map(child -> new ChildTargetsResponse(child.unit().code(),
                            child.unit().unit().nameZh(), strings(child.confirmed()))).toList());
        }
    }

    /**
     * @param difference children's sum − parent's target: negative when under-allocated
     * @param allocation EXACT, OVER, UNDER or NO_PARENT_TARGET (a warning, never a refusal)
     */
    public record FigureAllocationResponse(String figure, String nameZh, String parentTarget, String childrenSum,
            String difference, String allocation, int childrenWithoutTarget) {
    }

    public record ChildTargetsResponse(String orgUnit, String nameZh, Map<String, String> targets) {
    }

    private static Map<String, String> strings(Map<TargetFigure, BigDecimal> figures) {
        Map<String, String> strings = new LinkedHashMap<>();
        figures.forEach((figure, value) -> strings.put(figure.name(), value.toPlainString()));
        return strings;
    }

    private static String string(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
