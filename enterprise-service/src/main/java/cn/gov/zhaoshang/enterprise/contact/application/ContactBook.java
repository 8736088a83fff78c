package cn.gov.zhaoshang.enterprise.contact.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.contact.infrastructure.ContactRepository;
import cn.gov.zhaoshang.enterprise.contact.model.Contact;
import cn.gov.zhaoshang.enterprise.registry.application.RegistryStewards;
import cn.gov.zhaoshang.enterprise.registry.infrastructure.EnterpriseRepository;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.security.Caller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.Roles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts, which are personal data: shown masked unless the caller has {@code contacts-reader},
 * and then every contact shown in clear is audited (who, when, which contact). Audit rows hold masked
 * values only, and no event ever carries a contact, so an erasure leaves nothing behind.
 */
@Service
public class ContactBook {

    private final ContactRepository contacts;
    private final EnterpriseRepository enterprises;
    private final RegistryStewards stewards;
    private final AuditTrail audit;
    private final Clock clock;

    public ContactBook(ContactRepository contacts, EnterpriseRepository enterprises, RegistryStewards stewards, AuditTrail audit,
            Clock clock) {
        this.contacts = contacts;
        this.enterprises = enterprises;
        this.stewards = stewards;
        this.audit = audit;
        this.clock = clock;
    }

    /** Contacts as one caller may see them: {@code clear} says whether they are unmasked. */
    public record Visible(List<Contact> contacts, boolean clear, long total) {
    }

    @Transactional
    public Contact add(UUID enterpriseId, String name, String title, String phone, String email, OrgScope scope) {
        if (enterprises.findActive(enterpriseId).isEmpty()) {
            throw new NotFoundException("enterprise", enterpriseId);
        }
        Contact contact = new Contact(UUID.randomUUID(), enterpriseId, name.strip(), title, phone, email,
                clock.instant(), scope.caller().username());
        contacts.insert(contact, scope.unit().code());
        audit.record(scope.caller(), "contact", contact.id().toString(), "recorded", null, contact.masked());
        return forCaller(List.of(contact), scope.caller()).contacts().getFirst();
    }

    @Transactional
    public Visible ofEnterprise(UUID enterpriseId, int page, int size, OrgScope scope) {
        if (enterprises.find(enterpriseId).isEmpty()) {
            throw new NotFoundException("enterprise", enterpriseId);
        }
        Visible visible = forCaller(contacts.ofEnterprise(enterpriseId, page, size), scope.caller());
        return new Visible(visible.contacts(), visible.clear(), contacts.countOfEnterprise(enterpriseId));
    }

    @Transactional
    public Contact one(UUID contactId, OrgScope scope) {
        Contact contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("contact", contactId));
        return forCaller(List.of(contact), scope.caller()).contacts().getFirst();
    }

    /** Erasure on request (PIPL): the contact goes; the enterprise and its engagements stay. */
    @Transactional
    public void erase(UUID contactId, OrgScope scope) {
        Contact contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("contact", contactId));
        // irreversible: only the unit that recorded the contact, or one above it, erases it
        stewards.require(contacts.recordedUnitOf(contactId), scope, "this contact");
        contacts.delete(contactId);
        audit.record(scope.caller(), "contact", contactId.toString(), "erased",
                Map.of("enterpriseId", contact.enterpriseId().toString()),
                Map.of("basis", "erasure on request (PIPL)"));
    }

    private Visible forCaller(List<Contact> found, Caller caller) {
        if (!caller.hasRole(Roles.CONTACTS_READER)) {
            return new Visible(found.stream().map(Contact::masked).toList(), false, found.size());
        }
        found.forEach(contact -> audit.record(caller, "contact", contact.id().toString(), "read-unmasked", null, null));
        return new Visible(found, true, found.size());
    }
}
