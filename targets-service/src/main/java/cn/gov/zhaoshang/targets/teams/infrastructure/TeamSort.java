package cn.gov.zhaoshang.targets.teams.infrastructure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The orders a team list can be sorted by: an API name mapped to a column, never raw SQL. */
public enum TeamSort {
    NAME_ASC("name,asc", "t.name ASC"),
    NAME_DESC("name,desc", "t.name DESC"),
    ACTIVE_FROM_DESC("activeFrom,desc", "t.active_from DESC"),
    ACTIVE_FROM_ASC("activeFrom,asc", "t.active_from ASC"),
    MEMBERS_DESC("memberCount,desc", "t.member_count DESC"),
    MEMBERS_ASC("memberCount,asc", "t.member_count ASC");

    private final String apiName;
    private final String orderBy;

    TeamSort(String apiName, String orderBy) {
        this.apiName = apiName;
        this.orderBy = orderBy;
    }

    public String apiName() {
        return apiName;
    }

    String orderBy() {
        return orderBy;
    }

    public static Optional<TeamSort> fromApiName(String value) {
        String normalized = value.contains(",") ? value : value + ",asc";
        return Arrays.stream(values())
                .filter(sort -> sort.apiName.toLowerCase(Locale.ROOT).equals(normalized.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
