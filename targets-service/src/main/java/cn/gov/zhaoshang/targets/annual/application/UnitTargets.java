package cn.gov.zhaoshang.targets.annual.application;

import java.math.BigDecimal;
import java.util.Map;

import cn.gov.zhaoshang.targets.annual.model.TargetFigure;
import cn.gov.zhaoshang.targets.orgunits.model.RegisteredOrgUnit;

/** A unit's targets of one year: those in force, and a draft under review if there is one. */
public record UnitTargets(RegisteredOrgUnit unit, int year, Map<TargetFigure, BigDecimal> confirmed,
        Map<TargetFigure, BigDecimal> draft) {
}
