package cn.gov.zhaoshang.enterprise.membership.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.membership.model.EnterpriseClass;
import cn.gov.zhaoshang.enterprise.membership.model.HeldClass;
import cn.gov.zhaoshang.enterprise.membership.model.ListEdition;
import cn.gov.zhaoshang.enterprise.membership.model.Membership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** List editions and memberships in PostgreSQL. */
@Repository
public class MembershipRepository {

    private static final String EDITION_COLUMNS = "ed.id AS edition_id, ed.enterprise_class, ed.edition, ed.published_on, ed.valid_years";

    private final JdbcClient jdbc;

    public MembershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertEdition(ListEdition edition, Instant now, String actor) {
        jdbc.sql("""
                INSERT INTO list_edition (id, enterprise_class, validity_kind, edition, published_on, valid_years, created_at, created_by)
                VALUES (:id, :class, :kind, :edition, :publishedOn, :validYears, :now, :actor)""")
                .param("id", edition.id()).param("class", edition.enterpriseClass().name())
                .param("kind", edition.enterpriseClass().validityKind().name()).param("edition", edition.edition())
                .param("publishedOn", edition.publishedOn()).param("validYears", edition.validYears())
                .param("now", Timestamp.from(now)).param("actor", actor)
                .update();
    }

    public Optional<ListEdition> findEdition(UUID id) {
        return jdbc.sql("SELECT " + EDITION_COLUMNS + " FROM list_edition ed WHERE ed.id = :id")
                .param("id", id).query(MembershipRepository::toEdition).optional();
    }

    public Optional<ListEdition> findEdition(EnterpriseClass enterpriseClass, String edition) {
        return jdbc.sql("SELECT " + EDITION_COLUMNS + " FROM list_edition ed WHERE ed.enterprise_class = :class AND ed.edition = :edition")
                .param("class", enterpriseClass.name()).param("edition", edition)
                .query(MembershipRepository::toEdition).optional();
    }

    public void insert(Membership membership, Instant now, String actor) {
        jdbc.sql("""
                INSERT INTO membership (id, edition_id, enterprise_id, rank, valid_from, valid_until, recorded_at, recorded_by)
                VALUES (:id, :editionId, :enterpriseId, :rank, :validFrom, :validUntil, :now, :actor)""")
                .param("id", membership.id()).param("editionId", membership.edition().id())
                .param("enterpriseId", membership.enterpriseId()).param("rank", membership.rank())
                .param("validFrom", membership.validFrom()).param("validUntil", membership.validUntil())
                .param("now", Timestamp.from(now)).param("actor", actor)
                .update();
    }

    public Optional<Membership> find(UUID id) {
        return jdbc.sql("SELECT m.*, " + EDITION_COLUMNS + " FROM membership m JOIN list_edition ed ON ed.id = m.edition_id WHERE m.id = :id")
                .param("id", id).query(MembershipRepository::toMembership).optional();
    }

    public Optional<Membership> find(UUID editionId, UUID enterpriseId) {
        return jdbc.sql("SELECT m.*, " + EDITION_COLUMNS + """
                 FROM membership m JOIN list_edition ed ON ed.id = m.edition_id
                WHERE m.edition_id = :editionId AND m.enterprise_id = :enterpriseId""")
                .param("editionId", editionId).param("enterpriseId", enterpriseId)
                .query(MembershipRepository::toMembership).optional();
    }

    public long countOfEdition(UUID editionId) {
        return jdbc.sql("SELECT count(*) FROM membership WHERE edition_id = :id").param("id", editionId)
                .query(Long.class).single();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM membership WHERE id = :id").param("id", id).update();
    }

    /**
     * The classes held on {@code on} by the enterprise or a group above it, one row per class: the
     * enterprise's own membership before an inherited one, then the most recent edition.
     */
    public List<HeldClass> classesOn(UUID enterpriseId, LocalDate on) {
        return jdbc.sql("""
                SELECT DISTINCT ON (ed.enterprise_class)
                       m.id AS membership_id, m.enterprise_id, lineage.depth, m.rank, m.valid_from, m.valid_until,
                       ed.enterprise_class, ed.edition, ed.published_on
                FROM enterprise_lineage(:enterpriseId) lineage
                JOIN membership m ON m.enterprise_id = lineage.enterprise_id
                JOIN list_edition ed ON ed.id = m.edition_id
                WHERE""" + " (" + MembershipValidity.VALID_ON + ") " + """
                ORDER BY ed.enterprise_class, lineage.depth, ed.published_on DESC""")
                .param("enterpriseId", enterpriseId).param("on", on)
                .query((rs, row) -> new HeldClass(EnterpriseClass.valueOf(rs.getString("enterprise_class")),
                        rs.getObject("membership_id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                        rs.getInt("depth") > 0, rs.getString("edition"), (Integer) rs.getObject("rank"),
                        rs.getObject("published_on", LocalDate.class), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_until", LocalDate.class)))
                .list();
    }

    private static ListEdition toEdition(ResultSet rs, int row) throws SQLException {
        return new ListEdition(rs.getObject("edition_id", UUID.class), EnterpriseClass.valueOf(rs.getString("enterprise_class")),
                rs.getString("edition"), rs.getObject("published_on", LocalDate.class), (Integer) rs.getObject("valid_years"));
    }

    private static Membership toMembership(ResultSet rs, int row) throws SQLException {
        return new Membership(rs.getObject("id", UUID.class), toEdition(rs, row), rs.getObject("enterprise_id", UUID.class),
                (Integer) rs.getObject("rank"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class));
    }
}
