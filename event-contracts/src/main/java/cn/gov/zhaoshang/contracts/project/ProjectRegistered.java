package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_REGISTERED}.
 *
 * <p>The contract is {@code contracts/schemas/project/registered.v1.json}; this record follows it.
 * It carries no personal data: the investor's contact stays in project-service.
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
 * @param projectCode code unique within the city, {@code null} when none
 * @param stageReachedOn date the initial stage was reached, {@code null} when not known
 * @param signingConfirmed {@code false} while a signing waits for a leader's confirmation
 * @param investorEnterpriseId the investor in the enterprise registry, {@code null} when not known
 * @param investorClasses the investor's classes on the signing date; empty before signing
 * @param channel channel (招商方式), {@code null} when not given
 * @param residentTeamId the resident team when the channel is RESIDENT_TEAM
 * @param sourceKeyArea key area the project came from, {@code null} when not given
 * @param industryChainTags key industry-chain tags
 * @param fdiContractUsd contracted FDI in US dollars as a decimal string, {@code null} when none
 * @param reinvestment whether it is a reinvestment
 * @param plannedStartDate planned start date, {@code null} when not given
 * @param landingDate the date it landed, from LANDED on; {@code null} before, and in events published
 *     before stage dates were recorded (a consumer then falls back to {@code stageReachedOn})
 * @param startDate the date construction started, from STARTED on; {@code null} as {@code landingDate}
 * @param completionDate the date construction was completed, from COMPLETED on
 * @param productionDate the date production began, at PRODUCING
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
        Instant registeredAt,
        String projectCode,
        LocalDate stageReachedOn,
        boolean signingConfirmed,
        UUID investorEnterpriseId,
        List<InvestorClass> investorClasses,
        String channel,
        UUID residentTeamId,
        String sourceKeyArea,
        List<String> industryChainTags,
        String fdiContractUsd,
        boolean reinvestment,
        LocalDate plannedStartDate,
        LocalDate landingDate,
        LocalDate startDate,
        LocalDate completionDate,
        LocalDate productionDate) {

    public ProjectRegistered {
        investorClasses = investorClasses == null ? List.of() : List.copyOf(investorClasses);
        industryChainTags = industryChainTags == null ? List.of() : List.copyOf(industryChainTags);
    }

    /**
     * The fields of the first version of the contract; the later ones are unknown (null, false or
     * empty) and the signing, if any, counts as confirmed. Kept for producers and tests that know no more.
     */
    public ProjectRegistered(UUID projectId, String name, String orgUnit, String stage, String contractAmount,
            LocalDate signingDate, String industryCode, boolean manufacturing, Instant registeredAt) {
        this(projectId, name, orgUnit, stage, contractAmount, signingDate, industryCode, manufacturing, registeredAt,
                null, signingDate, true, null, List.of(), null, null, null, List.of(), null, false, null, null, null, null, null);
    }
}
