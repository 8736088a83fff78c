package cn.gov.zhaoshang.contracts.report;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code data} of {@link cn.gov.zhaoshang.contracts.EventTypes#REPORT_PUBLISHED}; contract
 * {@code contracts/schemas/report/published.v1.json}. Figures only, no personal data.
 *
 * @param month   the closed month, {@code YYYY-MM}
 * @param figures figure code to an unrounded decimal string, or {@code null} when undefined
 */
public record ReportPublished(UUID reportId, String orgUnit, String month, Instant closedAt, boolean late,
        int definitionVersion, Map<String, String> figures) {
}
