package cn.gov.zhaoshang.enterprise.registry.infrastructure;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.membership.infrastructure.MembershipValidity;
import cn.gov.zhaoshang.enterprise.registry.model.Enterprise;
import cn.gov.zhaoshang.enterprise.registry.model.EnterpriseName;
import cn.gov.zhaoshang.enterprise.registry.model.EnterpriseSearch;
import cn.gov.zhaoshang.enterprise.registry.model.Ownership;
import cn.gov.zhaoshang.enterprise.registry.model.SimilarName;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enterprises in PostgreSQL. The registry is region-wide reference data: reads are not unit-scoped. */
@Repository
public class EnterpriseRepository {

    /** The orders a list of enterprises can be sorted by. */
    public static final SortOrders SORT_ORDERS = SortOrders.of(
            "nameZh,asc", "e.name_zh ASC",
            "nameZh,desc", "e.name_zh DESC",
            "registeredAt,desc", "e.registered_at DESC",
            "registeredAt,asc", "e.registered_at ASC",
            "industryCode,asc", "e.industry_code ASC NULLS LAST",
            "industryCode,desc", "e.industry_code DESC NULLS LAST");


    private static final String COLUMNS = """
            e.id, e.uscc, e.country, e.registration_number, e.name_zh, e.name_en, e.former_names,
            e.hq_admin_code, e.hq_country, e.ownership, e.industry_code, e.chain_tags, e.listed, e.parent_id,
            e.list_only, e.registered_at, e.registered_by, e.version, e.merged_into""";

    private final JdbcClient jdbc;

    public EnterpriseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param registeredUnit the code of the unit that entered it, whose and whose ancestors' to change */
    public void insert(Enterprise enterprise, String registeredUnit) {
        jdbc.sql("""
                INSERT INTO enterprise (id, uscc, country, registration_number, name_zh, name_normalised, search_names, name_en,
                                        former_names, hq_admin_code, hq_country, ownership, industry_code, chain_tags,
                                        listed, parent_id, list_only, registered_at, registered_by, version, registered_unit)
                VALUES (:id, :uscc, :country, :registrationNumber, :nameZh, :nameNormalised, :searchNames, :nameEn,
                        :formerNames, :hqAdminCode, :hqCountry, :ownership, :industryCode, :chainTags,
                        :listed, :parentId, :listOnly, :registeredAt, :registeredBy, :version, :registeredUnit)""")
                .param("id", enterprise.id())
                .param("uscc", enterprise.uscc())
                .param("country", enterprise.country())
                .param("registrationNumber", enterprise.registrationNumber())
                .param("nameZh", enterprise.nameZh())
                .param("nameNormalised", enterprise.normalisedName())
                .param("searchNames", enterprise.searchText())
                .param("nameEn", enterprise.nameEn())
                .param("formerNames", enterprise.formerNames().toArray(String[]::new))
                .param("hqAdminCode", enterprise.headquartersAdminCode())
                .param("hqCountry", enterprise.headquartersCountry())
                .param("ownership", enterprise.ownership() == null ? null : enterprise.ownership().name())
                .param("industryCode", enterprise.industryCode())
                .param("chainTags", enterprise.chainTags().toArray(String[]::new))
                .param("listed", enterprise.listed())
                .param("parentId", enterprise.parentId())
                .param("listOnly", enterprise.listOnly())
                .param("registeredAt", Timestamp.from(enterprise.registeredAt()))
                .param("registeredBy", enterprise.registeredBy())
                .param("version", enterprise.version())
                .param("registeredUnit", registeredUnit)
                .update();
    }

    /**
     * Writes a changed enterprise if nobody changed it since it was read ({@code version} one below);
     * otherwise the caller must read it again.
     */
    public void update(Enterprise changed) {
        int updated = jdbc.sql("""
                UPDATE enterprise SET uscc = :uscc, country = :country, registration_number = :registrationNumber,
                    name_zh = :nameZh, name_normalised = :nameNormalised, search_names = :searchNames, name_en = :nameEn,
                    former_names = :formerNames, hq_admin_code = :hqAdminCode, hq_country = :hqCountry,
                    ownership = :ownership, industry_code = :industryCode, chain_tags = :chainTags, listed = :listed,
                    parent_id = :parentId, list_only = :listOnly, version = :version
                WHERE id = :id AND version = :version - 1 AND merged_into IS NULL""")
                .param("id", changed.id())
                .param("uscc", changed.uscc())
                .param("country", changed.country())
                .param("registrationNumber", changed.registrationNumber())
                .param("nameZh", changed.nameZh())
                .param("nameNormalised", changed.normalisedName())
                .param("searchNames", changed.searchText())
                .param("nameEn", changed.nameEn())
                .param("formerNames", changed.formerNames().toArray(String[]::new))
                .param("hqAdminCode", changed.headquartersAdminCode())
                .param("hqCountry", changed.headquartersCountry())
                .param("ownership", changed.ownership() == null ? null : changed.ownership().name())
                .param("industryCode", changed.industryCode())
                .param("chainTags", changed.chainTags().toArray(String[]::new))
                .param("listed", changed.listed())
                .param("parentId", changed.parentId())
                .param("listOnly", changed.listOnly())
                .param("version", changed.version())
                .update();
        if (updated != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("enterprise " + changed.id() + " was changed meanwhile");
        }
    }

    /** Whether {@code candidate} is {@code enterprise} or one of the groups above it. */
    public boolean isInLineageOf(UUID enterprise, UUID candidate) {
        return jdbc.sql("SELECT count(*) FROM enterprise_lineage(:enterprise) WHERE enterprise_id = :candidate")
                .param("enterprise", enterprise).param("candidate", candidate).query(Long.class).single() > 0;
    }

    /**
     * Moves everything that refers to {@code from} over to {@code to}, and marks {@code from} merged.
     * A membership or engagement both already have is kept once, on the survivor.
     */
    public void mergeInto(UUID from, UUID to) {
        jdbc.sql("""
                DELETE FROM membership d WHERE d.enterprise_id = :from
                  AND EXISTS (SELECT 1 FROM membership s WHERE s.enterprise_id = :to AND s.edition_id = d.edition_id)""")
                .param("from", from).param("to", to).update();
        jdbc.sql("UPDATE membership SET enterprise_id = :to WHERE enterprise_id = :from").param("from", from).param("to", to).update();
        jdbc.sql("""
                DELETE FROM engagement_enterprise d WHERE d.enterprise_id = :from
                  AND EXISTS (SELECT 1 FROM engagement_enterprise s WHERE s.enterprise_id = :to AND s.engagement_id = d.engagement_id)""")
                .param("from", from).param("to", to).update();
        jdbc.sql("UPDATE engagement_enterprise SET enterprise_id = :to WHERE enterprise_id = :from").param("from", from).param("to", to).update();
        jdbc.sql("UPDATE contact SET enterprise_id = :to WHERE enterprise_id = :from").param("from", from).param("to", to).update();
        jdbc.sql("UPDATE edition_import_row SET enterprise_id = :to WHERE enterprise_id = :from").param("from", from).param("to", to).update();
        jdbc.sql("UPDATE enterprise SET parent_id = :to WHERE parent_id = :from AND id <> :to").param("from", from).param("to", to).update();
        jdbc.sql("UPDATE enterprise SET parent_id = NULL WHERE id = :to AND parent_id = :from").param("from", from).param("to", to).update();
        jdbc.sql("UPDATE enterprise SET merged_into = :to, version = version + 1 WHERE id = :from").param("from", from).param("to", to).update();
    }

    /** Frees a merged record's identity, so that the survivor can take it over. */
    public void clearIdentity(UUID id) {
        jdbc.sql("UPDATE enterprise SET uscc = NULL, country = NULL, registration_number = NULL, list_only = true WHERE id = :id")
                .param("id", id).update();
    }

    public Optional<Enterprise> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE e.id = :id")
                .param("id", id).query(EnterpriseRepository::toEnterprise).optional();
    }

    /**
     * An enterprise that new records may refer to: registered and not merged into another (a merged
     * record's memberships, engagements and contacts belong to its survivor).
     */
    public Optional<Enterprise> findActive(UUID id) {
        return find(id).filter(enterprise -> enterprise.mergedInto() == null);
    }

    public Optional<Enterprise> findByUscc(String uscc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE e.uscc = :uscc")
                .param("uscc", uscc).query(EnterpriseRepository::toEnterprise).optional();
    }

    public Optional<Enterprise> findByForeignRegistration(String country, String registrationNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE e.country = :country AND e.registration_number = :number")
                .param("country", country).param("number", registrationNumber)
                .query(EnterpriseRepository::toEnterprise).optional();
    }

    /** Registered names that look like {@code name}, most similar first; the GIN index serves {@code %}. */
    public List<SimilarName> similarNames(String name, double threshold, int limit) {
        String normalised = EnterpriseName.normalise(name);
        return jdbc.sql("""
                SELECT id, name_zh, uscc, similarity(name_normalised, :name) AS score
                FROM enterprise
                WHERE name_normalised % :name AND similarity(name_normalised, :name) >= :threshold AND merged_into IS NULL
                ORDER BY score DESC, name_zh LIMIT :limit""")
                .param("name", normalised).param("threshold", threshold).param("limit", limit)
                .query((rs, row) -> new SimilarName(rs.getObject("id", UUID.class), rs.getString("name_zh"),
                        rs.getString("uscc"), rs.getDouble("score")))
                .list();
    }

    /** Enterprises whose normalised name is exactly this one (what a list import matches on). */
    public List<Enterprise> findByNormalisedName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE e.name_normalised = :name AND e.merged_into IS NULL ORDER BY e.registered_at")
                .param("name", EnterpriseName.normalise(name)).query(EnterpriseRepository::toEnterprise).list();
    }

    /**
     * One page of the matches, in the given order (a whitelisted column), with the total counted in the
     * same scan: a second query would find the matches all over again.
     */
    public EnterpriseSearch.Result search(EnterpriseSearch search, SortOrders.Order sort, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(search, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        long[] total = {0};
        // Matches are counted and ordered on narrow rows; only the page's rows are read in full.
        List<Enterprise> items = jdbc.sql("WITH page AS (SELECT e.id, count(*) OVER () AS total_matches, row_number() OVER (ORDER BY "
                        + sort.orderBy() + ", e.id) AS position FROM enterprise e WHERE " + where
                        + " ORDER BY " + sort.orderBy() + ", e.id LIMIT :limit OFFSET :offset) SELECT " + COLUMNS
                        + ", page.total_matches FROM page JOIN enterprise e ON e.id = page.id ORDER BY page.position")
                .params(params)
                .query((rs, row) -> {
                    total[0] = rs.getLong("total_matches");
                    return toEnterprise(rs, row);
                })
                .list();
        // Past the last page there is no row to carry the total.
        return new EnterpriseSearch.Result(items, items.isEmpty() && page > 0 ? count(search) : total[0]);
    }

    public long count(EnterpriseSearch search) {
        Map<String, Object> params = new HashMap<>();
        String where = where(search, params);
        return jdbc.sql("SELECT count(*) FROM enterprise e WHERE " + where).params(params).query(Long.class).single();
    }

    private static String where(EnterpriseSearch search, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("e.merged_into IS NULL");
        if (search.name() != null) {
            String term = search.name().strip().toLowerCase(java.util.Locale.ROOT);
            int length = term.codePointCount(0, term.length());
            if (length >= 3) {
                // LIKE with a leading wildcard, served by the trigram GIN index.
                params.put("namePattern", "%" + escapeLike(term) + "%");
                conditions.add("e.search_names LIKE :namePattern");
            } else if (length == 2) {
                // No trigram in two characters (a LIKE would scan the whole trigram index): the indexed
                // bigrams are exactly the two-character substrings, so containment is the whole test.
                params.put("bigram", new String[] {term});
                conditions.add("name_bigrams(e.search_names) @> CAST(:bigram AS text[])");
            } else {
                params.put("term", term);
                conditions.add("strpos(e.search_names, :term) > 0");
            }
        }
        if (search.industry() != null) {
            params.put("industryPrefix", escapeLike(search.industry()) + "%");
            conditions.add("e.industry_code LIKE :industryPrefix");
        }
        if (search.location() != null) {
            String location = search.location();
            if (location.matches("[0-9]{6}")) {
                // 450000 covers 45xxxx, 450800 covers 4508xx: the code without its trailing "00" pairs.
                String prefix = location.replaceFirst("(00)+$", "");
                params.put("locationPrefix", (prefix.isEmpty() ? location : prefix) + "%");
                conditions.add("e.hq_admin_code LIKE :locationPrefix");
            } else {
                params.put("country", location);
                conditions.add("e.hq_country = :country");
            }
        }
        if (search.tag() != null) {
            params.put("tag", search.tag());
            conditions.add(":tag = ANY (e.chain_tags)");
        }
        if (search.enterpriseClass() != null) {
            params.put("enterpriseClass", search.enterpriseClass());
            params.put("on", search.classOn());
            conditions.add("""
                    EXISTS (SELECT 1 FROM enterprise_lineage(e.id) lineage
                            JOIN membership m ON m.enterprise_id = lineage.enterprise_id
                            JOIN list_edition ed ON ed.id = m.edition_id
                            WHERE ed.enterprise_class = :enterpriseClass""" + " AND (" + MembershipValidity.VALID_ON + "))");
        }
        return String.join(" AND ", conditions);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Enterprise toEnterprise(ResultSet rs, int row) throws SQLException {
        String ownership = rs.getString("ownership");
        return new Enterprise(
                rs.getObject("id", UUID.class),
                rs.getString("uscc"),
                rs.getString("country"),
                rs.getString("registration_number"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                strings(rs.getArray("former_names")),
                rs.getString("hq_admin_code"),
                rs.getString("hq_country"),
                ownership == null ? null : Ownership.valueOf(ownership),
                rs.getString("industry_code"),
                strings(rs.getArray("chain_tags")),
                rs.getBoolean("listed"),
                rs.getObject("parent_id", UUID.class),
                rs.getBoolean("list_only"),
                rs.getTimestamp("registered_at").toInstant(),
                rs.getString("registered_by"),
                rs.getLong("version"),
                rs.getObject("merged_into", UUID.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** The code of the unit that registered the enterprise; empty for one entered before units were recorded. */
    public Optional<String> registeredUnitOf(UUID id) {
        return jdbc.sql("SELECT registered_unit FROM enterprise WHERE id = :id").param("id", id).query(String.class).optional();
    }
}
