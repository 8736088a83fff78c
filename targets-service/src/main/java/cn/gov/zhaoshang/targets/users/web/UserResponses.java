package cn.gov.zhaoshang.targets.users.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.targets.users.application.UserAdministration;
import cn.gov.zhaoshang.targets.users.model.ManagedUser;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the users API answers. */
final class UserResponses {

    private UserResponses() {
    }

    /**
     * @param roles the user's platform roles, those only the operator grants among them
     */
    record UserResponse(UUID id, String username, String firstName, String lastName,
            @Schema(types = {"string", "null"}, description = "null when none was given") String email, String orgUnit, List<String> roles,
            boolean enabled, Instant createdAt) {

        static UserResponse of(ManagedUser user) {
            return new UserResponse(user.id(), user.username(), user.firstName(), user.lastName(), user.email(), user.orgUnit(),
                    user.roles().stream().sorted().toList(), user.enabled(), user.createdAt());
        }
    }

    record CreatedUser(UserResponse user,
            @Schema(description = "the temporary password the user signs in with once and must then change; shown only in this "
                    + "answer; null where Keycloak e-mails the user a link to set their password", types = {"string", "null"})
            String oneTimePassword) {

        static CreatedUser of(UserAdministration.Created created) {
            return new CreatedUser(UserResponse.of(created.user()), created.oneTimePassword());
        }
    }
}
