package cn.gov.zhaoshang.enterprise.registry.infrastructure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The orders an enterprise list can be sorted by: an API name mapped to a column, never raw SQL. */
public enum EnterpriseSort {
    NAME_ASC("nameZh,asc", "e.name_zh ASC"),
    NAME_DESC("nameZh,desc", "e.name_zh DESC"),
    REGISTERED_DESC("registeredAt,desc", "e.registered_at DESC"),
    REGISTERED_ASC("registeredAt,asc", "e.registered_at ASC"),
    INDUSTRY_ASC("industryCode,asc", "e.industry_code ASC NULLS LAST"),
    INDUSTRY_DESC("industryCode,desc", "e.industry_code DESC NULLS LAST");

    private final String apiName;
    private final String orderBy;

    EnterpriseSort(String apiName, String orderBy) {
        this.apiName = apiName;
        this.orderBy = orderBy;
    }

    public String apiName() {
        return apiName;
    }

    String orderBy() {
        return orderBy;
    }

    public static Optional<EnterpriseSort> fromApiName(String value) {
        String normalized = value.contains(",") ? value : value + ",asc";
        return Arrays.stream(values())
                .filter(sort -> sort.apiName.toLowerCase(Locale.ROOT).equals(normalized.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
