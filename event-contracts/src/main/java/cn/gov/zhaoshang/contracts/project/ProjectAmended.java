package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code data} of {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_AMENDED}; contract
 * {@code contracts/schemas/project/amended.v1.json}. No personal data.
 *
 * @param version the version of the terms after the amendment (the terms at signing are 1)
 */
public record ProjectAmended(UUID projectId, String orgUnit, int version, String reason, Terms before, Terms after,
        Instant amendedAt) {

    /**
     * The amendable terms of a project.
     *
     * @param contractAmount yuan as a decimal string, {@code null} before signing
     * @param fdiContractUsd US dollars as a decimal string, {@code null} when none
     */
    public record Terms(String contractAmount, String fdiContractUsd, String industryCode, boolean manufacturing) {
    }
}
