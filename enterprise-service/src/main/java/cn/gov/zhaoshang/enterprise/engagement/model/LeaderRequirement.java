package cn.gov.zhaoshang.enterprise.engagement.model;

import java.util.OptionalInt;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;

/**
 * Leader-led trips to key areas required per person and half year (seed 000, glossary):
 * a city's principals and the region's (industry-chain lead departments') principals at least 1;
 * a city's deputies in charge, and the principals of counties and key parks, at least 2.
 */
public final class LeaderRequirement {

    private LeaderRequirement() {
    }

    /** The trips required, or empty where the seeds state no requirement. */
    public static OptionalInt tripsPerHalfYear(OrgLevel level, LeaderRole role) {
        return switch (level) {
            case REGION -> role == LeaderRole.PRINCIPAL ? OptionalInt.of(1) : OptionalInt.empty();
            case CITY -> OptionalInt.of(role == LeaderRole.PRINCIPAL ? 1 : 2);
            case COUNTY, PARK -> role == LeaderRole.PRINCIPAL ? OptionalInt.of(2) : OptionalInt.empty();
        };
    }
}
