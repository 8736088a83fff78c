package cn.gov.zhaoshang.enterprise.contact.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.contact.model.Contact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contacts in PostgreSQL. */
@Repository
public class ContactRepository {

    private final JdbcClient jdbc;

    public ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param recordedUnit the code of the unit that recorded it, whose and whose ancestors' to erase */
    public void insert(Contact contact, String recordedUnit) {
        jdbc.sql("""
                INSERT INTO contact (id, enterprise_id, name, title, phone, email, recorded_at, recorded_by, recorded_unit)
                VALUES (:id, :enterpriseId, :name, :title, :phone, :email, :recordedAt, :recordedBy, :recordedUnit)""")
                .param("recordedUnit", recordedUnit)
                .param("id", contact.id()).param("enterpriseId", contact.enterpriseId()).param("name", contact.name())
                .param("title", contact.title()).param("phone", contact.phone()).param("email", contact.email())
                .param("recordedAt", Timestamp.from(contact.recordedAt())).param("recordedBy", contact.recordedBy())
                .update();
    }

    public Optional<Contact> find(UUID id) {
        return jdbc.sql("SELECT * FROM contact WHERE id = :id").param("id", id).query(ContactRepository::toContact).optional();
    }

    public List<Contact> ofEnterprise(UUID enterpriseId, int page, int size) {
        return jdbc.sql("SELECT * FROM contact WHERE enterprise_id = :id ORDER BY recorded_at, id LIMIT :limit OFFSET :offset")
                .param("id", enterpriseId).param("limit", size).param("offset", (long) page * size)
                .query(ContactRepository::toContact).list();
    }

    public long countOfEnterprise(UUID enterpriseId) {
        return jdbc.sql("SELECT count(*) FROM contact WHERE enterprise_id = :id").param("id", enterpriseId)
                .query(Long.class).single();
    }

    /** Erasure: the row goes, with everything personal in it. */
    public void delete(UUID id) {
        jdbc.sql("DELETE FROM contact WHERE id = :id").param("id", id).update();
    }

    private static Contact toContact(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getString("name"),
                rs.getString("title"), rs.getString("phone"), rs.getString("email"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }

    /** The code of the unit that recorded the contact; empty for one recorded before units were. */
    public Optional<String> recordedUnitOf(UUID id) {
        return jdbc.sql("SELECT recorded_unit FROM contact WHERE id = :id").param("id", id).query(String.class).optional();
    }
}
