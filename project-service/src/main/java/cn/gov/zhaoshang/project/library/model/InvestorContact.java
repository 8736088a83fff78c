package cn.gov.zhaoshang.project.library.model;

import cn.gov.zhaoshang.platform.privacy.Masking;

/**
 * The investor's contact person for a project: personal data. Shown masked, as enterprise-service
 * shows contacts, unless the caller is a {@code contacts-reader}; never in events or audit rows.
 */
public record InvestorContact(String name, String phone) {

    public InvestorContact {
        name = name == null || name.isBlank() ? null : name.strip();
        phone = phone == null || phone.isBlank() ? null : phone.strip();
    }

    public InvestorContact masked() {
        return new InvestorContact(Masking.name(name), Masking.phone(phone));
    }

    public boolean isEmpty() {
        return name == null && phone == null;
    }

    /** The record's own rendering would print the contact in clear into any log line it reaches. */
    @Override
    public String toString() {
        InvestorContact masked = masked();
        return "InvestorContact[name=" + masked.name + ", phone=" + masked.phone + "]";
    }
}
