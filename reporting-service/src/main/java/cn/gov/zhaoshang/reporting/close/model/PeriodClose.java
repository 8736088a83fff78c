package cn.gov.zhaoshang.reporting.close.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

/**
 * A closed month of a unit, frozen.
 *
 * @param deadline the last day of an on-time close, from the definition version
 * @param late     closed after the deadline (a day later, in China Standard Time)
 * @param figures  figure code → unrounded decimal string, or null when undefined
 */
public record PeriodClose(UUID id, String orgUnit, YearMonth month, Instant closedAt, String closedBy,
        LocalDate deadline, boolean late, int definitionVersion, Map<String, String> figures) {
}
