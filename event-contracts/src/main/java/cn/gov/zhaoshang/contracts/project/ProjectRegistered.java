package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_REGISTERED}.
 *
 * <p>The contract is {@code contracts/schemas/project/registered.v1.json}; this record follows it.
 * It carries no personal data.
 *
 * @param projectId the project, also the envelope {@code subject} and the Kafka record key
 * @param name project name
 * @param orgUnit owning org unit, an administrative division code such as {@code "450881"}
 * @param stage lifecycle stage: LEAD, INTENT, NEGOTIATING, SIGNED, LANDED, STARTED, COMPLETED,
 *     PRODUCING, SUSPENDED or TERMINATED
 * @param contractAmount contracted amount in yuan as a decimal string such as
 *     {@code "89015000000.00"}; {@code null} before the project is signed
 * @param signingDate signing date, {@code null} when not signed
 * @param industryCode GB/T 4754 industry code such as {@code "C3963"}
 * @param manufacturing whether the project counts as a manufacturing project
 * @param registeredAt when the project was registered
 */
public record ProjectRegistered(
        UUID projectId,
        String name,
        String orgUnit,
        String stage,
        String contractAmount,
        LocalDate signingDate,
        String industryCode,
        boolean manufacturing,
        Instant registeredAt) {
}
