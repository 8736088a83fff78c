package cn.gov.zhaoshang.project.duplicates.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the duplicate rules compare of a new project. Nulls never match.
 *
 * @param cityCode the city whose projects are compared (every rule compares within one city)
 * @param normalizedName see {@code ProjectNames}
 */
public record DuplicateKeys(UUID projectId, String cityCode, String projectCode, String normalizedName,
        UUID investorEnterpriseId, String industryCode, BigDecimal contractAmount, String contactPhone, String siteAddress) {

    /**
     * The keys that any project this one could duplicate shares with it, by rule: its code and its
     * normalised name (L1), its investor (L2 and L3 both need the same investor), its phone digits and
     * its site (L4), each within its city, since every rule compares within one city. Two
     * registrations that could hit each other therefore have a key in common, and locking these keys
     * (not the whole city) is enough to keep them from both missing the other. Empty without a city:
     * such a project is compared with nothing.
     */
    public List<String> lockKeys() {
        List<String> keys = new ArrayList<>(5);
        if (cityCode == null) {
            return keys;
        }
        // Two different keys that happened to read alike would only make their registrations wait
        // for each other, never let duplicates miss each other.
        addKey(keys, "code", projectCode);
        addKey(keys, "name", normalizedName);
        addKey(keys, "investor", investorEnterpriseId == null ? null : investorEnterpriseId.toString());
        addKey(keys, "phone", phoneDigits());
        addKey(keys, "site", siteKey());
        return keys;
    }

    private void addKey(List<String> keys, String kind, String value) {
        if (value != null) {
            keys.add(kind + ":" + cityCode + ":" + value);
        }
    }

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
