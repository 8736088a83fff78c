package cn.gov.zhaoshang.project.investor.infrastructure;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.project.InvestorClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** project-service's local copy of the enterprise registry: parent groups, merges and list memberships. */
@Repository
public class EnterpriseCopyRepository {

    /** Lists ranked yearly (glossary): a membership ends when the next edition of the same list is published. */
    static final String RANKED_YEARLY_CLASSES =
            "('FORTUNE_GLOBAL_500', 'CHINA_500', 'CHINA_PRIVATE_500', 'CHINA_MANUFACTURING_500', 'UNICORN', 'GAZELLE')";

    private final JdbcClient jdbc;

    public EnterpriseCopyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An enterprise as registered (version 0) or changed; an older version than the one held is
     * ignored. A row made by a merge before the enterprise itself was seen (version 0) is completed.
     */
    public void upsert(UUID id, String nameZh, UUID parentId, long version, Instant at) {
        jdbc.sql("""
                INSERT INTO enterprise_copy (id, name_zh, parent_id, version, updated_at)
                VALUES (:id, :name, :parent, :version, :at)
                ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, parent_id = excluded.parent_id,
                                               version = excluded.version, updated_at = excluded.updated_at
                WHERE enterprise_copy.version <= excluded.version""")
                .param("id", id).param("name", nameZh).param("parent", parentId).param("version", version)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Records that {@code mergedId} is now read as {@code survivorId}, even if neither was seen before. */
    public void merge(UUID mergedId, UUID survivorId, Instant at) {
        jdbc.sql("""
                INSERT INTO enterprise_copy (id, merged_into, updated_at) VALUES (:merged, :survivor, :at)
                ON CONFLICT (id) DO UPDATE SET merged_into = excluded.merged_into, updated_at = excluded.updated_at""")
                .param("merged", mergedId).param("survivor", survivorId).param("at", Timestamp.from(at))
                .update();
    }

    /** A membership ADDED, unless it was already REMOVED (events of one enterprise arrive in order, but be safe). */
    public void addMembership(UUID membershipId, UUID enterpriseId, String enterpriseClass, String edition, LocalDate publishedOn,
            LocalDate validFrom, LocalDate validUntil) {
        jdbc.sql("""
                INSERT INTO enterprise_membership_copy (membership_id, enterprise_id, enterprise_class, edition, published_on,
                                                        valid_from, valid_until)
                VALUES (:id, :enterprise, :class, :edition, :published, :from, :until)
                ON CONFLICT (membership_id) DO NOTHING""")
                .param("id", membershipId).param("enterprise", enterpriseId).param("class", enterpriseClass)
                .param("edition", edition).param("published", publishedOn).param("from", validFrom).param("until", validUntil)
                .update();
    }

    public void removeMembership(UUID membershipId, UUID enterpriseId, String enterpriseClass, String edition,
            LocalDate publishedOn, LocalDate validFrom, LocalDate validUntil) {
        jdbc.sql("""
                INSERT INTO enterprise_membership_copy (membership_id, enterprise_id, enterprise_class, edition, published_on,
                                                        valid_from, valid_until, removed)
                VALUES (:id, :enterprise, :class, :edition, :published, :from, :until, true)
                ON CONFLICT (membership_id) DO UPDATE SET removed = true""")
                .param("id", membershipId).param("enterprise", enterpriseId).param("class", enterpriseClass)
                .param("edition", edition).param("published", publishedOn).param("from", validFrom).param("until", validUntil)
                .update();
    }

    /** The record an id is read as now: itself, or the survivor of the merges it went through. */
    public UUID survivorOf(UUID id) {
        UUID current = id;
        // merges form chains, never cycles; the bound only guards against bad data
        for (int hop = 0; hop < 16; hop++) {
            Optional<UUID> next = jdbc.sql("SELECT merged_into FROM enterprise_copy WHERE id = :id AND merged_into IS NOT NULL")
                    .param("id", current).query(UUID.class).optional();
            if (next.isEmpty() || next.get().equals(current)) {
                return current;
            }
            current = next.get();
        }
        return current;
    }

    /**
     * The investor and its parent groups up the chain, each read through merges, with every record
     * merged into one of them (their memberships belong to the survivor).
     */
    public List<UUID> groupOf(UUID investor) {
        List<UUID> chain = new ArrayList<>();
        UUID current = survivorOf(investor);
        while (current != null && !chain.contains(current) && chain.size() < 8) {
            chain.add(current);
            current = jdbc.sql("SELECT parent_id FROM enterprise_copy WHERE id = :id")
                    .param("id", current).query(UUID.class).optional().map(this::survivorOf).orElse(null);
        }
        List<UUID> group = new ArrayList<>(chain);
        List<UUID> frontier = chain;
        while (!frontier.isEmpty() && group.size() < 256) {
            frontier = jdbc.sql("SELECT id FROM enterprise_copy WHERE merged_into IN (:ids)")
                    .param("ids", frontier).query(UUID.class).list().stream()
                    .filter(id -> !group.contains(id)).toList();
            group.addAll(frontier);
        }
        return group;
    }

    /**
     * The classes held on {@code on} by any of {@code enterprises}: memberships not removed, begun by
     * then, and not ended: a ranked yearly list's by a later edition of the same list published by
     * then (known from that edition's memberships), any other by its exclusive {@code valid_until}.
     */
    public List<InvestorClass> classesOn(List<UUID> enterprises, LocalDate on) {
        if (enterprises.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT m.enterprise_class, m.edition FROM enterprise_membership_copy m
                WHERE m.enterprise_id IN (:ids) AND NOT m.removed AND m.valid_from <= :on
                  AND CASE WHEN m.enterprise_class IN""" + " " + RANKED_YEARLY_CLASSES + """
                       THEN NOT EXISTS (SELECT 1 FROM enterprise_membership_copy next_edition
                                        WHERE next_edition.enterprise_class = m.enterprise_class
                                          AND next_edition.published_on > m.published_on
                                          AND next_edition.published_on <= :on)
                       ELSE (m.valid_until IS NULL OR :on < m.valid_until) END
                ORDER BY m.enterprise_class, m.edition""")
                .param("ids", enterprises)
                .param("on", on)
                .query((rs, row) -> new InvestorClass(rs.getString("enterprise_class"), rs.getString("edition")))
                .list();
    }

    /** Rewrites projects' investor references from a merged record to its survivor; returns the projects changed. */
    public List<UUID> moveInvestorReferences(UUID mergedId, UUID survivorId) {
        return jdbc.sql("""
                UPDATE project SET investor_enterprise_id = :survivor, version = version + 1
                WHERE investor_enterprise_id = :merged RETURNING id""")
                .param("survivor", survivorId).param("merged", mergedId).query(UUID.class).list();
    }
}
