package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_FUNDS_CORRECTED};
 * contract {@code contracts/schemas/project/funds-corrected.v1.json}. No personal data.
 *
 * @param month {@code YYYY-MM}
 * @param amount the month's amount now (the latest version), yuan as a decimal string
 * @param previousAmount the amount of the replaced version
 */
public record FundsCorrected(UUID projectId, String orgUnit, String month, int version, String amount,
        String previousAmount, String evidenceType, Instant reportedAt) {
}
