package cn.gov.zhaoshang.reporting.close.model;

import java.util.List;

import cn.gov.zhaoshang.platform.orgunits.OrgUnit;

/**
 * Who has closed a month: the unit itself and each child unit, with late closes flagged, as the
 * parent's report shows them.
 *
 * @param deadline the month's close deadline, null while no definition version is known
 */
public record CloseStatus(UnitStatus unit, String month, String deadline, List<UnitStatus> children) {

    /** @param closedAt null while open; {@code late} is false while open */
    public record UnitStatus(String orgUnit, String orgUnitName, boolean closed, String closedAt, boolean late) {

        public static UnitStatus of(OrgUnit unit, PeriodClose close) {
            return new UnitStatus(unit.code(), unit.nameZh(), close != null,
                    close == null ? null : close.closedAt().toString(), close != null && close.late());
        }
    }
}
