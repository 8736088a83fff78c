package cn.gov.zhaoshang.enterprise.registry.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What to look for; every criterion is optional and they combine with AND.
 *
 * @param name a substring of the Chinese name, a former name or the English name
 * @param enterpriseClass a class held (directly or through a parent group) on {@code classOn}
 * @param industry a GB/T 4754 code or prefix: {@code C} matches every manufacturing code
 * @param location a division code (a city's or region's code covers the divisions under it) or a country
 * @param tag an industry-chain tag
 */
public record EnterpriseSearch(String name, String enterpriseClass, LocalDate classOn, String industry,
        String location, String tag) {

    /** One page of matches and how many match in all. */
    public record Result(List<Enterprise> items, long total) {
    }
}
