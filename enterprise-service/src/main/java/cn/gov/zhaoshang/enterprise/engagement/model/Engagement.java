package cn.gov.zhaoshang.enterprise.engagement.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.enterprise.EngagementRecorded;

/**
 * A docking, visit, leader-led trip or promotion event, recorded by a unit (and possibly one of its
 * resident teams). Leader and participant names stay in this service: its event names nobody.
 */
public record Engagement(
        UUID id,
        EngagementKind kind,
        String orgUnit,
        String team,
        LocalDate occurredOn,
        List<UUID> enterpriseIds,
        List<String> participants,
        String leaderName,
        LeaderRole leaderRole,
        String leaderUnit,
        String destinationArea,
        Outcome outcome,
        BigDecimal intentAmount,
        String intentIndustryCode,
        Instant recordedAt,
        String recordedBy) {

    public Engagement {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(orgUnit);
        Objects.requireNonNull(occurredOn);
        Objects.requireNonNull(outcome);
        enterpriseIds = List.copyOf(enterpriseIds);
        participants = participants == null ? List.of() : List.copyOf(participants);
        if (enterpriseIds.isEmpty() || (!kind.manyEnterprises() && enterpriseIds.size() != 1)) {
            throw new IllegalArgumentException("a " + kind + " involves " + (kind.manyEnterprises() ? "one or more enterprises" : "one enterprise"));
        }
        if (kind == EngagementKind.LEADER_TRIP
                && (leaderName == null || leaderRole == null || leaderUnit == null || destinationArea == null)) {
            throw new IllegalArgumentException("a leader-led trip names its leader, their role and unit, and the destination");
        }
        if (outcome == Outcome.INTENT && (intentAmount == null || intentIndustryCode == null)) {
            throw new IllegalArgumentException("an intent has an amount and an industry");
        }
        if (outcome != Outcome.INTENT && (intentAmount != null || intentIndustryCode != null)) {
            throw new IllegalArgumentException("only an intent has an amount and an industry");
        }
    }

    public EngagementRecorded recordedEvent() {
        return new EngagementRecorded(id, kind.name(), orgUnit, team, occurredOn, enterpriseIds, outcome.name(),
                intentAmount == null ? null : intentAmount.toPlainString(), intentIndustryCode,
                leaderRole == null ? null : leaderRole.name(), leaderUnit, destinationArea, recordedAt);
    }
}
