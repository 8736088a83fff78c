package cn.gov.zhaoshang.targets.users.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.security.Roles;
import org.springframework.security.access.AccessDeniedException;

/**
 * Which realm roles a bureau's {@code user-admin} may grant, and which only the platform's operator
 * grants in Keycloak (docs/security.md, "Who grants which role"). A user who holds one of the
 * operator's roles is out of a {@code user-admin}'s reach altogether: an administrator of a bureau
 * could otherwise lock out the region's auditor.
 */
public final class GrantableRoles {

    /** Granted by a {@code user-admin} of the user's unit or of a unit above it. */
    public static final List<String> GRANTABLE = List.of(Roles.VIEWER, Roles.OFFICER, Roles.LEADER, Roles.TARGET_ADMIN,
            Roles.CONTACTS_READER, Roles.USER_ADMIN);

    /** Granted by the platform's operator only, in Keycloak. */
    public static final List<String> OPERATORS_ONLY = List.of(Roles.AUDITOR, Roles.ADMIN, Roles.AGENCY);

    /** Every realm role of the platform; Keycloak's own (default-roles-…, offline_access) are not shown. */
    public static final Set<String> PLATFORM_ROLES = Set.copyOf(concat(GRANTABLE, OPERATORS_ONLY));

    private GrantableRoles() {
    }

    /**
     * The roles a request asks for, checked: 400 naming {@code roles} for a role the platform does
     * not have or an empty list, 403 for one only the operator grants.
     */
    public static Set<String> requested(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new RequestValidationException(List.of(new FieldViolation("roles", "NotEmpty", "names at least one role")));
        }
        List<FieldViolation> unknown = new ArrayList<>();
        Set<String> requested = new TreeSet<>();
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            if (role == null || !PLATFORM_ROLES.contains(role)) {
                unknown.add(new FieldViolation("roles[" + i + "]", "KnownRole", "is one of " + String.join(", ", GRANTABLE)));
            } else {
                requested.add(role);
            }
        }
        if (!unknown.isEmpty()) {
            throw new RequestValidationException(unknown);
        }
        List<String> operatorsOnly = requested.stream().filter(OPERATORS_ONLY::contains).toList();
        if (!operatorsOnly.isEmpty()) {
            throw new AccessDeniedException("roles " + String.join(", ", operatorsOnly)
                    + " are granted by the platform's operator only; a user-admin grants " + String.join(", ", GRANTABLE));
        }
        return requested;
    }

    /** 403 when the user holds a role only the operator manages. */
    public static void requireWithinReach(String username, Set<String> currentRoles) {
        List<String> operatorsOnly = currentRoles.stream().filter(OPERATORS_ONLY::contains).sorted().toList();
        if (!operatorsOnly.isEmpty()) {
            throw new AccessDeniedException(username + " holds " + String.join(", ", operatorsOnly)
                    + ", which the platform's operator manages; a user-admin cannot change this user");
        }
    }

    /**
     * Whether the change grants {@code contacts-reader} to someone who did not hold it: that grant is
     * audited as such, beside the user's change, as it unmasks contacts' personal data.
     */
    public static boolean grantsContactsReader(Set<String> before, Set<String> after) {
        return after.contains(Roles.CONTACTS_READER) && !before.contains(Roles.CONTACTS_READER);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
