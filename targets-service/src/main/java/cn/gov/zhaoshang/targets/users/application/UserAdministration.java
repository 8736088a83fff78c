package cn.gov.zhaoshang.targets.users.application;

import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.security.Caller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.targets.orgunits.application.OrgUnitAdministration;
import cn.gov.zhaoshang.targets.users.infrastructure.KeycloakUserDirectory;
import cn.gov.zhaoshang.targets.users.infrastructure.UsersProperties;
import cn.gov.zhaoshang.targets.users.model.ManagedUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A {@code user-admin} manages the people of their unit and of every unit under it: it lists them,
 * creates them with their unit and roles, changes those, disables and re-enables them. A user
 * outside the caller's subtree does not exist for the caller (404); a unit or a role out of reach is
 * 403. Every change is audited with the username, unit and roles before and after, never names,
 * e-mail addresses or phones.
 *
 * <p>Keycloak's change and the audit row are not one transaction. The audit row is written first,
 * in the transaction the Keycloak calls run in: if Keycloak fails, the row is rolled back (and a
 * half-made user deleted); only a failure of the commit itself, after Keycloak's change, could leave
 * a change unaudited.
 */
@Service
public class UserAdministration {

    public static final SortOrders SORT_ORDERS = SortOrders.of("username,asc", "username", "username,desc", "username",
            "orgUnit,asc", "orgUnit", "orgUnit,desc", "orgUnit");
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 16;

    private final KeycloakUserDirectory keycloak;
    private final OrgUnitDirectory orgUnits;
    private final OrgUnitAdministration units;
    private final AuditTrail audit;
    private final UsersProperties properties;
    private final SecureRandom random = new SecureRandom();

    public UserAdministration(KeycloakUserDirectory keycloak, OrgUnitDirectory orgUnits, OrgUnitAdministration units, AuditTrail audit,
            UsersProperties properties) {
        this.keycloak = keycloak;
        this.orgUnits = orgUnits;
        this.units = units;
        this.audit = audit;
        this.properties = properties;
    }

    /** What a new user is given and what a change asks for. */
    public record UserDetails(String firstName, String lastName, String email, String orgUnit, List<String> roles) {
    }

    /** A new user, and the one-time password they sign in with the first time (null when Keycloak e-mailed them). */
    public record Created(ManagedUser user, String oneTimePassword) {
    }

    /** The users of the unit (by current or former code) and of every unit under it; a unit outside the caller's subtree is 404. */
    public PageResponse<ManagedUser> list(String unitCode, String text, SortOrders.Order order, int page, int size, OrgScope scope) {
        OrgUnit unit = units.visibleUnit(unitCode, scope).unit();
        String needle = text == null ? null : text.toLowerCase(Locale.ROOT);
        Comparator<ManagedUser> byUsername = Comparator.comparing(ManagedUser::username);
        Comparator<ManagedUser> comparator = order.apiName().startsWith("orgUnit")
                ? Comparator.comparing(ManagedUser::orgUnit).thenComparing(byUsername) : byUsername;
        if (order.apiName().endsWith(",desc")) {
            comparator = comparator.reversed();
        }
        List<ManagedUser> matching = keycloak.all().stream()
                .filter(user -> unitOf(user).filter(unit::contains).isPresent())
                .filter(user -> needle == null || contains(user.username(), needle) || contains(user.firstName(), needle)
                        || contains(user.lastName(), needle))
                .sorted(comparator).toList();
        List<ManagedUser> items = matching.stream().skip((long) page * size).limit(size)
                .map(user -> withRoles(user, platformRoles(user.id()))).toList();
        return new PageResponse<>(items, page, size, matching.size(), order.apiName());
    }

    /** The user with their platform roles, if they belong to a unit of the caller's subtree; otherwise 404. */
    public ManagedUser get(UUID id, OrgScope scope) {
        ManagedUser user = keycloak.find(id).filter(found -> unitOf(found).filter(scope::contains).isPresent())
                .orElseThrow(() -> new NotFoundException("user", id));
        return withRoles(user, platformRoles(id));
    }

    @Transactional
    public Created create(String username, UserDetails details, OrgScope scope) {
        Set<String> roles = GrantableRoles.requested(details.roles());
        String unit = units.referencedUnit("orgUnit", details.orgUnit(), scope).unit().code();
        UUID id = keycloak.create(username, details.firstName(), details.lastName(), details.email(), unit);
        try {
            ManagedUser created = new ManagedUser(id, username, details.firstName(), details.lastName(), details.email(), unit, roles, true,
                    null);
            recordChange(scope.caller(), id, "user-created", null, created, Set.of());
            keycloak.changeRoles(id, roles, Set.of());
            String oneTimePassword = null;
            if (properties.onboarding() == UsersProperties.Onboarding.ONE_TIME_PASSWORD) {
                oneTimePassword = oneTimePassword();
                keycloak.setTemporaryPassword(id, oneTimePassword);
            } else {
                keycloak.sendSetPasswordEmail(id);
            }
            return new Created(withRoles(keycloak.find(id).orElseThrow(), platformRoles(id)), oneTimePassword);
        } catch (RuntimeException failed) {
            keycloak.delete(id);
            throw failed;
        }
    }

    /** Names, e-mail address, unit and roles; the user must be within reach, and so must the new unit and roles. */
    @Transactional
    public ManagedUser change(UUID id, UserDetails details, OrgScope scope) {
        ManagedUser before = get(id, scope);
        GrantableRoles.requireWithinReach(before.username(), before.roles());
        Set<String> roles = GrantableRoles.requested(details.roles());
        String unit = units.referencedUnit("orgUnit", details.orgUnit(), scope).unit().code();
        ManagedUser after = new ManagedUser(id, before.username(), details.firstName(), details.lastName(), details.email(), unit, roles,
                before.enabled(), before.createdAt());
        recordChange(scope.caller(), id, "user-changed", before, after, before.roles());
        keycloak.update(id, details.firstName(), details.lastName(), details.email(), unit, before.enabled());
        Set<String> removed = new TreeSet<>(before.roles());
        removed.removeAll(roles);
        Set<String> added = new TreeSet<>(roles);
        added.removeAll(before.roles());
        keycloak.changeRoles(id, added, removed);
        if (!removed.isEmpty() || !unit.equals(before.orgUnit())) {
            // a moved user, or one who lost a role, signs in again rather than keep the old scope until the token runs out
            keycloak.endSessions(id);
        }
        return withRoles(keycloak.find(id).orElseThrow(), platformRoles(id));
    }

    /** The user can no longer sign in, and their sessions end now. Not oneself. */
    @Transactional
    public ManagedUser disable(UUID id, OrgScope scope) {
        ManagedUser before = get(id, scope);
        if (before.username().equals(scope.caller().username())) {
            throw new ConflictException("you cannot disable your own account; another user-admin of your unit or above can",
                    Map.of("username", before.username()));
        }
        return setEnabled(before, false, "user-disabled", scope);
    }

    @Transactional
    public ManagedUser enable(UUID id, OrgScope scope) {
        return setEnabled(get(id, scope), true, "user-enabled", scope);
    }

    /** The roles the caller may grant, as the console offers them. */
    public List<String> grantableRoles() {
        return GrantableRoles.GRANTABLE;
    }

    private ManagedUser setEnabled(ManagedUser before, boolean enabled, String action, OrgScope scope) {
        GrantableRoles.requireWithinReach(before.username(), before.roles());
        ManagedUser after = new ManagedUser(before.id(), before.username(), before.firstName(), before.lastName(), before.email(),
                before.orgUnit(), before.roles(), enabled, before.createdAt());
        recordChange(scope.caller(), before.id(), action, before, after, before.roles());
        if (before.enabled() != enabled) {
            keycloak.update(before.id(), before.firstName(), before.lastName(), before.email(), before.orgUnit(), enabled);
            if (!enabled) {
                keycloak.endSessions(before.id());
            }
        }
        return after;
    }

    private void recordChange(Caller actor, UUID id, String action, ManagedUser before, ManagedUser after, Set<String> rolesBefore) {
        audit.record(actor, "user", id.toString(), action, before == null ? null : before.audited(), after.audited());
        if (GrantableRoles.grantsContactsReader(rolesBefore, after.roles())) {
            audit.record(actor, "user", id.toString(), "contacts-reader-granted", null,
                    Map.of("username", after.username(), "orgUnit", after.orgUnit()));
        }
    }

    private Set<String> platformRoles(UUID id) {
        Set<String> roles = new TreeSet<>(keycloak.realmRoles(id));
        roles.retainAll(GrantableRoles.PLATFORM_ROLES);
        return roles;
    }

    private Optional<OrgUnit> unitOf(ManagedUser user) {
        return user.orgUnit() == null ? Optional.empty() : orgUnits.find(user.orgUnit());
    }

    private static ManagedUser withRoles(ManagedUser user, Set<String> roles) {
        return new ManagedUser(user.id(), user.username(), user.firstName(), user.lastName(), user.email(), user.orgUnit(), roles,
                user.enabled(), user.createdAt());
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    private String oneTimePassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
