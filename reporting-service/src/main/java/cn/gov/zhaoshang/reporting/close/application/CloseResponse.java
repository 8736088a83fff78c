package cn.gov.zhaoshang.reporting.close.application;

import cn.gov.zhaoshang.reporting.close.model.PeriodClose;
import cn.gov.zhaoshang.reporting.close.model.Revision;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.platform.orgunits.OrgUnit;

/**
 * A closed month as frozen, with the revisions since: figures that differ now.
 *
 * @param figures figure code → the frozen unrounded decimal string, or null when undefined
 */
public record CloseResponse(String closeId, String orgUnit, String orgUnitName, String month, String closedAt,
        String closedBy, String deadline, boolean late, int definitionVersion, Map<String, String> figures,
        List<Revision> revisions) {

    static CloseResponse of(PeriodClose close, OrgUnit unit, List<Revision> revisions) {
        return new CloseResponse(close.id().toString(), unit.code(), unit.nameZh(), close.month().toString(),
                close.closedAt().toString(), close.closedBy(), close.deadline().toString(), close.late(),
                close.definitionVersion(), close.figures(), revisions);
    }
}
