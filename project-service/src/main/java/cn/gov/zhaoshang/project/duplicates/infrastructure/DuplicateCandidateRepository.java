package cn.gov.zhaoshang.project.duplicates.infrastructure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.project.duplicates.model.DuplicateKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The projects rules L2–L4 compare a new one with: of the same city, counted or waiting in the pool
 * (ACCEPTED or PENDING), not terminated, not the new project itself; oldest first.
 */
@Repository
public class DuplicateCandidateRepository {

    private static final String COMPARABLE = """
            city_code = :city AND id <> :self AND review_status IN ('ACCEPTED', 'PENDING') AND stage <> 'TERMINATED'""";

    private final JdbcClient jdbc;

    public DuplicateCandidateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A project of the same investor, with its normalised name (L2). */
    public record NamedProject(UUID id, String normalizedName) {
    }

    public List<NamedProject> sameInvestor(DuplicateKeys keys) {
        return jdbc.sql("SELECT id, normalized_name FROM project WHERE " + COMPARABLE
                        + " AND investor_enterprise_id = :investor AND normalized_name IS NOT NULL ORDER BY registered_at, id")
                .param("city", keys.cityCode())
                .param("self", keys.projectId())
                .param("investor", keys.investorEnterpriseId())
                .query((rs, row) -> new NamedProject(rs.getObject("id", UUID.class), rs.getString("normalized_name")))
                .list();
    }

    /** L3: the same investor and industry code, the other's amount within {@code percent}% of this one's. */
    public Optional<UUID> sameInvestorIndustryAndAmount(DuplicateKeys keys, int percent) {
        return jdbc.sql("SELECT id FROM project WHERE " + COMPARABLE + """
                         AND investor_enterprise_id = :investor AND industry_code = :industry
                         AND contract_amount IS NOT NULL
                         AND abs(contract_amount - :amount) * 100 <= :percent * contract_amount
                        ORDER BY registered_at, id LIMIT 1""")
                .param("city", keys.cityCode())
                .param("self", keys.projectId())
                .param("investor", keys.investorEnterpriseId())
                .param("industry", keys.industryCode())
                .param("amount", keys.contractAmount())
                .param("percent", BigDecimal.valueOf(percent))
                .query(UUID.class)
                .optional();
    }

    /** L4: the same contact phone (digits only) or the same site address (without whitespace). */
    public Optional<UUID> sameContactPhoneOrSite(DuplicateKeys keys) {
        // Only the keys the new project has are compared, each as its index's expression.
        List<String> matches = new ArrayList<>();
        if (keys.phoneDigits() != null) {
            matches.add("(contact_phone IS NOT NULL AND regexp_replace(contact_phone, '[^0-9]', '', 'g') = :phone)");
        }
        if (keys.siteKey() != null) {
            matches.add("(site_address IS NOT NULL AND regexp_replace(site_address, '\\s+', '', 'g') = :site)");
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM project WHERE " + COMPARABLE + " AND (" + String.join(" OR ", matches) + ")"
                        + " ORDER BY registered_at, id LIMIT 1")
                .param("city", keys.cityCode())
                .param("self", keys.projectId())
                .param("phone", keys.phoneDigits())
                .param("site", keys.siteKey())
                .query(UUID.class)
                .optional();
    }
}
