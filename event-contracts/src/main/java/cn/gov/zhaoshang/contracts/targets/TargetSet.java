package cn.gov.zhaoshang.contracts.targets;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code data} of {@link cn.gov.zhaoshang.contracts.EventTypes#TARGETS_TARGET_SET}: a unit's
 * confirmed annual targets of one year, before and after the change. Contract:
 * {@code contracts/schemas/targets/target-set.v1.json}.
 *
 * @param before figure code → decimal string, or null when the unit had no confirmed targets for the year
 * @param after  figure code → decimal string
 * @param setBy  code of the setting unit (never a person)
 */
public record TargetSet(
        UUID unitId,
        String orgUnit,
        int year,
        Map<String, String> before,
        Map<String, String> after,
        String setBy,
        Instant setAt) {
}
