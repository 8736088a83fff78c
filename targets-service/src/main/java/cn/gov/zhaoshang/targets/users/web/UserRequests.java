package cn.gov.zhaoshang.targets.users.web;

import java.util.List;

import cn.gov.zhaoshang.targets.users.application.UserAdministration.UserDetails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the user commands. Names and e-mail addresses go to Keycloak only, never to the audit log. */
final class UserRequests {

    static final String USERNAME = "^[a-z0-9][a-z0-9._-]{2,49}$";

    private UserRequests() {
    }

    /**
     * @param username lower-case letters, digits, dot, underscore and hyphen, 3 to 50 characters (Keycloak keeps usernames in lower case)
     * @param roles    from the grantable roles ({@code GET /api/users/grantable-roles})
     */
    record CreateUser(@NotBlank @Pattern(regexp = USERNAME, message = "is 3 to 50 lower-case letters, digits, '.', '_' or '-'") String username,
            @NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
            @Email @Size(max = 255) String email, @NotBlank String orgUnit, @NotEmpty @Size(max = 10) List<String> roles) {

        UserDetails details() {
            return new UserDetails(firstName, lastName, email == null || email.isBlank() ? null : email, orgUnit, roles);
        }
    }

    record ChangeUser(@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
            @Email @Size(max = 255) String email, @NotBlank String orgUnit, @NotEmpty @Size(max = 10) List<String> roles) {

        UserDetails details() {
            return new UserDetails(firstName, lastName, email == null || email.isBlank() ? null : email, orgUnit, roles);
        }
    }
}
