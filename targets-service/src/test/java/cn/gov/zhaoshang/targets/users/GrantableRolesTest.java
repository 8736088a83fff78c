package cn.gov.zhaoshang.targets.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.targets.users.application.GrantableRoles;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** Issue 22's table of the roles a user-admin grants, and the users out of its reach. */
class GrantableRolesTest {

    @Test
    void aUserAdminGrantsTheSixRolesOfABureauAndNeverTheOperators() {
        assertThat(GrantableRoles.GRANTABLE).containsExactly("viewer", "officer", "leader", "target-admin", "contacts-reader", "user-admin");
        assertThat(GrantableRoles.requested(List.of("officer", "leader", "officer"))).containsExactly("leader", "officer");
        for (String role : List.of("admin", "auditor", "agency")) {
            assertThatThrownBy(() -> GrantableRoles.requested(List.of("viewer", role))).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining(role);
        }
    }

    @Test
    void anUnknownRoleOrNoRoleIs400NamingTheField() {
        assertThatThrownBy(() -> GrantableRoles.requested(List.of("viewer", "superuser"))).isInstanceOfSatisfying(
                RequestValidationException.class, refused -> assertThat(refused.violations())
                        .singleElement().satisfies(violation -> {
                            assertThat(violation.field()).isEqualTo("roles[1]");
                            assertThat(violation.rule()).isEqualTo("KnownRole");
                        }));
        assertThatThrownBy(() -> GrantableRoles.requested(Arrays.asList("viewer", null))).isInstanceOf(RequestValidationException.class);
        assertThatThrownBy(() -> GrantableRoles.requested(List.of())).isInstanceOf(RequestValidationException.class);
    }

    @Test
    void aUserHoldingAnOperatorsRoleIsOutOfReach() {
        GrantableRoles.requireWithinReach("gg-officer", Set.of("officer", "leader", "target-admin", "user-admin"));
        assertThatThrownBy(() -> GrantableRoles.requireWithinReach("auditor", Set.of("auditor"))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("auditor");
    }

    @Test
    void grantingContactsReaderIsToldApartFromKeepingIt() {
        assertThat(GrantableRoles.grantsContactsReader(Set.of("viewer"), Set.of("viewer", "contacts-reader"))).isTrue();
        assertThat(GrantableRoles.grantsContactsReader(Set.of("contacts-reader"), Set.of("viewer", "contacts-reader"))).isFalse();
        assertThat(GrantableRoles.grantsContactsReader(Set.of("contacts-reader"), Set.of("viewer"))).isFalse();
    }
}
