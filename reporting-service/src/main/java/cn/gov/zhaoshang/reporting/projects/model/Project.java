package cn.gov.zhaoshang.reporting.projects.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project as reporting keeps it: what decides which aggregates it counts in.
 *
 * @param landedOn        the day it first reached LANDED or beyond, {@code null} when it has not
 * @param startedOn       the day it first reached STARTED or beyond, {@code null} when it has not
 * @param investorClasses the investor's classes on the signing date (the snapshot of the events)
 */
public record Project(UUID id, String orgUnit, String stage, BigDecimal contractAmount, LocalDate signingDate,
        boolean signingConfirmed, boolean manufacturing, LocalDate registeredOn, LocalDate landedOn, LocalDate startedOn,
        String channel, UUID residentTeamId, List<String> investorClasses, BigDecimal fdiContractUsd, int termsVersion) {

    public Project {
        investorClasses = List.copyOf(investorClasses);
    }

    /** Terminated (退库) projects leave every count and sum, this year and last (metrics.md). */
    public boolean counted() {
        return !"TERMINATED".equals(stage);
    }

    /** Counts as signed on its signing date: signed, with an amount, and not waiting for a leader's confirmation. */
    public boolean countedAsSigned() {
        return counted() && signingConfirmed && signingDate != null && contractAmount != null;
    }

    public boolean residentTeam() {
        return "RESIDENT_TEAM".equals(channel);
    }

    public Project withStage(String newStage) {
        return new Project(id, orgUnit, newStage, contractAmount, signingDate, signingConfirmed, manufacturing,
                registeredOn, landedOn, startedOn, channel, residentTeamId, investorClasses, fdiContractUsd, termsVersion);
    }

    public Project withOrgUnit(String newUnit) {
        return new Project(id, newUnit, stage, contractAmount, signingDate, signingConfirmed, manufacturing,
                registeredOn, landedOn, startedOn, channel, residentTeamId, investorClasses, fdiContractUsd, termsVersion);
    }

    public Project withSigning(LocalDate newSigningDate, boolean confirmed) {
        return new Project(id, orgUnit, stage, contractAmount, newSigningDate, confirmed, manufacturing,
                registeredOn, landedOn, startedOn, channel, residentTeamId, investorClasses, fdiContractUsd, termsVersion);
    }

    /** The project after a correction of its channel, team or investor (whose classes are those of the signing date). */
    public Project withDetails(String newChannel, UUID newResidentTeamId, List<String> newInvestorClasses) {
        return new Project(id, orgUnit, stage, contractAmount, signingDate, signingConfirmed, manufacturing,
                registeredOn, landedOn, startedOn, newChannel, newResidentTeamId, newInvestorClasses, fdiContractUsd, termsVersion);
    }
}
