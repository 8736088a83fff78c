package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The {@code data} of {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_SIGNING_CONFIRMED}; contract
 * {@code contracts/schemas/project/signing-confirmed.v1.json}. No personal data.
 */
public record SigningConfirmed(UUID projectId, String orgUnit, LocalDate signingDate, Instant confirmedAt) {
}
