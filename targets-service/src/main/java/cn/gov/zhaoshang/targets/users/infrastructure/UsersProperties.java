package cn.gov.zhaoshang.targets.users.infrastructure;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zhaoshang.users.*}: how this service reaches Keycloak's Admin REST API, and how a new user
 * gets a password.
 *
 * @param keycloak        Keycloak's base URL (e.g. {@code http://localhost:8180}), the realm, and the
 *                        confidential client whose service account holds {@code manage-users} and
 *                        {@code view-users} of the realm and nothing else; its secret comes from the
 *                        environment ({@code USERS_CLIENT_SECRET})
 * @param onboarding {@code email}: Keycloak e-mails the new user a link to set their password
 *                        (production, with the realm's SMTP settings); {@code one-time-password}: the
 *                        answer to the creation carries a temporary password, shown once, that the user
 *                        must change at their first sign-in (the local platform, which has no mail)
 */
@ConfigurationProperties("zhaoshang.users")
public record UsersProperties(Keycloak keycloak, @DefaultValue("email") Onboarding onboarding) {

    public record Keycloak(URI url, @DefaultValue("zhaoshang") String realm, @DefaultValue("zhaoshang-users") String clientId,
            String clientSecret) {
    }

    public enum Onboarding {
        EMAIL, ONE_TIME_PASSWORD
    }

    /** Whether Keycloak's admin API can be reached at all; without it {@code /api/users} answers 503. */
    public boolean configured() {
        return keycloak != null && keycloak.url() != null && keycloak.clientSecret() != null && !keycloak.clientSecret().isBlank();
    }
}
