package cn.gov.zhaoshang.project.library.infrastructure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The orders a project list can be sorted by: an API name mapped to a column, never raw SQL. */
public enum ProjectSort {
    SIGNING_DATE_DESC("signingDate,desc", "signing_date DESC NULLS LAST"),
    SIGNING_DATE_ASC("signingDate,asc", "signing_date ASC NULLS LAST"),
    AMOUNT_DESC("contractAmount,desc", "contract_amount DESC NULLS LAST"),
    AMOUNT_ASC("contractAmount,asc", "contract_amount ASC NULLS LAST"),
    NAME_ASC("name,asc", "name ASC"),
    NAME_DESC("name,desc", "name DESC"),
    REGISTERED_DESC("registeredAt,desc", "registered_at DESC"),
    REGISTERED_ASC("registeredAt,asc", "registered_at ASC");

    private final String apiName;
    private final String orderBy;

    ProjectSort(String apiName, String orderBy) {
        this.apiName = apiName;
        this.orderBy = orderBy;
    }

    public String apiName() {
        return apiName;
    }

    String orderBy() {
        return orderBy;
    }

    public static Optional<ProjectSort> fromApiName(String value) {
        String normalized = value.contains(",") ? value : value + ",asc";
        return Arrays.stream(values())
                .filter(sort -> sort.apiName.toLowerCase(Locale.ROOT).equals(normalized.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
