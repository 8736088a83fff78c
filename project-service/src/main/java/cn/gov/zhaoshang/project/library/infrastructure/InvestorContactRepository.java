package cn.gov.zhaoshang.project.library.infrastructure;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.project.library.model.InvestorContact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The investor's contact of each project: personal data, read only here and only for projects the
 * caller has already been allowed to see.
 */
@Repository
public class InvestorContactRepository {

    private final JdbcClient jdbc;

    public InvestorContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The contacts of these projects; a project without a contact is absent from the map. */
    public Map<UUID, InvestorContact> of(Collection<UUID> projectIds) {
        Map<UUID, InvestorContact> contacts = new HashMap<>();
        if (projectIds.isEmpty()) {
            return contacts;
        }
        jdbc.sql("""
                SELECT id, contact_name, contact_phone FROM project
                WHERE id IN (:ids) AND (contact_name IS NOT NULL OR contact_phone IS NOT NULL)""")
                .param("ids", projectIds)
                .query(rs -> {
                    contacts.put(rs.getObject("id", UUID.class),
                            new InvestorContact(rs.getString("contact_name"), rs.getString("contact_phone")));
                });
        return contacts;
    }

    /** Replaces a project's contact; a contact of neither name nor phone removes it. */
    public void replace(UUID projectId, InvestorContact contact) {
        jdbc.sql("UPDATE project SET contact_name = :name, contact_phone = :phone WHERE id = :id")
                .param("id", projectId)
                .param("name", contact.name())
                .param("phone", contact.phone())
                .update();
    }

    /**
     * Erases a project's contact and raises the project's version, so that a correction based on the
     * version read before the erasure (which may carry the contact again) is refused as stale.
     *
     * @return whether the project had a contact
     */
    public boolean erase(UUID projectId) {
        return jdbc.sql("""
                UPDATE project SET contact_name = NULL, contact_phone = NULL, version = version + 1
                WHERE id = :id AND (contact_name IS NOT NULL OR contact_phone IS NOT NULL)""")
                .param("id", projectId)
                .update() == 1;
    }
}
