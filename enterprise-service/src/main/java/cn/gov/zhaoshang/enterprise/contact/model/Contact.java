package cn.gov.zhaoshang.enterprise.contact.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import cn.gov.zhaoshang.platform.privacy.Masking;

/** A contact person of an enterprise: personal data, shown masked unless the caller may read contacts. */
public record Contact(UUID id, UUID enterpriseId, String name, String title, String phone, String email,
        Instant recordedAt, String recordedBy) {

    public Contact {
        Objects.requireNonNull(id);
        Objects.requireNonNull(enterpriseId);
        Objects.requireNonNull(name);
    }

    /** The same contact with its name, phone and e-mail masked; the title names a role, not a person. */
    public Contact masked() {
        return new Contact(id, enterpriseId, Masking.name(name), title, Masking.phone(phone), Masking.email(email),
                recordedAt, recordedBy);
    }
}
