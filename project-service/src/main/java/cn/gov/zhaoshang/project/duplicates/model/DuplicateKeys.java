package cn.gov.zhaoshang.project.duplicates.model;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the duplicate rules compare of a new project. Nulls never match.
 *
 * @param cityCode the city whose projects are compared (every rule compares within one city)
 * @param normalizedName see {@code ProjectNames}
 */
public record DuplicateKeys(UUID projectId, String cityCode, String projectCode, String normalizedName,
        UUID investorEnterpriseId, String industryCode, BigDecimal contractAmount, String contactPhone, String siteAddress) {

    /** A phone compared by its digits only: 138-1234-5678 and 13812345678 are one number. */
    public String phoneDigits() {
        if (contactPhone == null) {
            return null;
        }
        String digits = contactPhone.replaceAll("[^0-9]", "");
        return digits.length() < 5 ? null : digits;
    }

    /** A site compared without whitespace: 桂平市 西山镇 and 桂平市西山镇 are one place. */
    public String siteKey() {
        if (siteAddress == null) {
            return null;
        }
        String key = siteAddress.replaceAll("\\s+", "");
        return key.isEmpty() ? null : key;
    }
}
