package cn.gov.zhaoshang.gateway.console;

import java.net.URI;

/** Keycloak's base URL, realm and the console's client, as index.html is given them. */
record SignInSettings(String keycloakUrl, String realm, String clientId) {

    private static final String REALMS = "/realms/";

    /** Explicit settings win; what is missing comes from the issuer URI ({@code <base>/realms/<realm>}). */
    static SignInSettings of(ConsoleProperties properties, String issuer) {
        int realms = issuer.lastIndexOf(REALMS);
        if (realms < 0 && (blank(properties.keycloakUrl()) || blank(properties.realm()))) {
            throw new IllegalStateException("the issuer " + issuer + " is not a Keycloak realm URL (…/realms/<realm>); "
                    + "set zhaoshang.gateway.console.keycloak-url and .realm");
        }
        String url = blank(properties.keycloakUrl()) ? issuer.substring(0, realms) : properties.keycloakUrl();
        String realm = blank(properties.realm()) ? issuer.substring(realms + REALMS.length()).replaceAll("/+$", "") : properties.realm();
        return new SignInSettings(url.replaceAll("/+$", ""), realm, properties.clientId());
    }

    /** {@code scheme://host[:port]} of Keycloak, which the page may connect to and post its login form to. */
    String keycloakOrigin() {
        URI uri = URI.create(keycloakUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
