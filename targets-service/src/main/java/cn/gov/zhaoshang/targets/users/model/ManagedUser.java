package cn.gov.zhaoshang.targets.users.model;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A person of the org tree as Keycloak keeps them: their unit ({@code org_unit}) and their
 * platform roles; Keycloak's own roles are left out.
 */
public record ManagedUser(UUID id, String username, String firstName, String lastName, String email, String orgUnit,
        Set<String> roles, boolean enabled, Instant createdAt) {

    /** What the audit log keeps of a user: no name, e-mail address or phone. */
    public record AuditedState(String username, String orgUnit, Set<String> roles, boolean enabled) {
    }

    public AuditedState audited() {
        return new AuditedState(username, orgUnit, new TreeSet<>(roles), enabled);
    }
}
