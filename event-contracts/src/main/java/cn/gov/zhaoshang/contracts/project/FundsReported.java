package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_FUNDS_REPORTED};
 * contract {@code contracts/schemas/project/funds-reported.v1.json}. No personal data.
 *
 * @param month {@code YYYY-MM}
 * @param amount yuan as a decimal string
 */
public record FundsReported(UUID projectId, String orgUnit, String month, int version, String amount,
        String evidenceType, Instant reportedAt) {
}
