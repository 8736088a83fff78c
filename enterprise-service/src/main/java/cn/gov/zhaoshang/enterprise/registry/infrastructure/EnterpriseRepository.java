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
import cn.gov.zhaoshang.enterprise.registry.model.Ownership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enterprises in PostgreSQL. The registry is region-wide reference data: reads are not unit-scoped. */
@Repository
public class EnterpriseRepository {

    private static final String COLUMNS = """
            e.id, e.uscc, e.country, e.registration_number, e.name_zh, e.name_en, e.former_names,
            e.hq_admin_code, e.hq_country, e.ownership, e.industry_code, e.chain_tags, e.listed, e.parent_id,
            e.list_only, e.registered_at, e.registered_by, e.version""";

    private final JdbcClient jdbc;

    public EnterpriseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Enterprise enterprise) {
        jdbc.sql("""
                INSERT INTO enterprise (id, uscc, country, registration_number, name_zh, name_normalised, name_en,
                                        former_names, hq_admin_code, hq_country, ownership, industry_code, chain_tags,
                                        listed, parent_id, list_only, registered_at, registered_by, version)
                VALUES (:id, :uscc, :country, :registrationNumber, :nameZh, :nameNormalised, :nameEn,
                        :formerNames, :hqAdminCode, :hqCountry, :ownership, :industryCode, :chainTags,
                        :listed, :parentId, :listOnly, :registeredAt, :registeredBy, :version)""")
                .param("id", enterprise.id())
                .param("uscc", enterprise.uscc())
                .param("country", enterprise.country())
                .param("registrationNumber", enterprise.registrationNumber())
                .param("nameZh", enterprise.nameZh())
                .param("nameNormalised", enterprise.normalisedName())
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
                .update();
    }

    public Optional<Enterprise> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE e.id = :id")
                .param("id", id).query(EnterpriseRepository::toEnterprise).optional();
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

    /** A name and how similar it is to the one asked about (pg_trgm similarity, 0 to 1). */
    public record SimilarName(UUID id, String nameZh, String uscc, double similarity) {
    }

    /** Registered names that look like {@code name}, most similar first; the GIN index serves {@code %}. */
    public List<SimilarName> similarNames(String name, double threshold, int limit) {
        String normalised = EnterpriseName.normalise(name);
        return jdbc.sql("""
                SELECT id, name_zh, uscc, similarity(name_normalised, :name) AS score
                FROM enterprise
                WHERE name_normalised % :name AND similarity(name_normalised, :name) >= :threshold
                ORDER BY score DESC, name_zh LIMIT :limit""")
                .param("name", normalised).param("threshold", threshold).param("limit", limit)
                .query((rs, row) -> new SimilarName(rs.getObject("id", UUID.class), rs.getString("name_zh"),
                        rs.getString("uscc"), rs.getDouble("score")))
                .list();
    }

    /** Enterprises whose normalised name is exactly this one (what a list import matches on). */
    public List<Enterprise> findByNormalisedName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE e.name_normalised = :name ORDER BY e.registered_at")
                .param("name", EnterpriseName.normalise(name)).query(EnterpriseRepository::toEnterprise).list();
    }

    public List<Enterprise> search(EnterpriseSearch search, EnterpriseSort sort, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(search, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE " + where
                        + " ORDER BY " + sort.orderBy() + ", e.id LIMIT :limit OFFSET :offset")
                .params(params).query(EnterpriseRepository::toEnterprise).list();
    }

    public long count(EnterpriseSearch search) {
        Map<String, Object> params = new HashMap<>();
        String where = where(search, params);
        return jdbc.sql("SELECT count(*) FROM enterprise e WHERE " + where).params(params).query(Long.class).single();
    }

    private static String where(EnterpriseSearch search, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("TRUE");
        if (search.name() != null) {
            // LIKE with a leading wildcard is served by the trigram GIN index on name_zh.
            params.put("namePattern", "%" + escapeLike(search.name().strip()) + "%");
            conditions.add("(e.name_zh LIKE :namePattern OR e.name_en ILIKE :namePattern"
                    + " OR EXISTS (SELECT 1 FROM unnest(e.former_names) former WHERE former LIKE :namePattern))");
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
                rs.getLong("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
