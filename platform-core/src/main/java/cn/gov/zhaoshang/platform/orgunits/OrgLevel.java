package cn.gov.zhaoshang.platform.orgunits;

/** Administrative levels, top down. */
public enum OrgLevel {
    REGION, CITY, COUNTY, PARK
}
