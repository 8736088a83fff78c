package cn.gov.zhaoshang.gateway.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console's users sign in. By default it follows the issuer the gateway validates tokens
 * against ({@code https://sso.example/realms/zhaoshang} → Keycloak at {@code https://sso.example},
 * realm {@code zhaoshang}), so one setting serves both.
 *
 * @param keycloakUrl Keycloak's public base URL; empty: taken from the issuer
 * @param realm       the realm; empty: taken from the issuer
 * @param clientId    the console's public client (authorization code flow with PKCE)
 */
@ConfigurationProperties("zhaoshang.gateway.console")
public record ConsoleProperties(String keycloakUrl, String realm, String clientId) {

    public ConsoleProperties {
        clientId = clientId == null || clientId.isBlank() ? "zhaoshang-console" : clientId;
    }
}
