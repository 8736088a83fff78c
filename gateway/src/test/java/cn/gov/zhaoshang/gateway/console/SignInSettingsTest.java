package cn.gov.zhaoshang.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignInSettingsTest {

    @Test
    void keycloaksAddressAndRealmComeFromTheIssuerUnlessSetAndAreEscapedInThePage() {
        SignInSettings fromIssuer = SignInSettings.of(new ConsoleProperties(null, null, null),
                "https://auth.zhaoshang.example.gov.cn/realms/zhaoshang");
        assertThat(fromIssuer).isEqualTo(new SignInSettings("https://auth.zhaoshang.example.gov.cn", "zhaoshang", "zhaoshang-console"));
        assertThat(fromIssuer.keycloakOrigin()).isEqualTo("https://auth.zhaoshang.example.gov.cn");

        SignInSettings withContextPath = SignInSettings.of(new ConsoleProperties("", "", "console"), "http://localhost:8180/auth/realms/zhaoshang/");
        assertThat(withContextPath).isEqualTo(new SignInSettings("http://localhost:8180/auth", "zhaoshang", "console"));
        assertThat(withContextPath.keycloakOrigin()).isEqualTo("http://localhost:8180");

        assertThat(SignInSettings.of(new ConsoleProperties("https://sso.gov.cn", "gx", null), "https://issuer.example/other"))
                .isEqualTo(new SignInSettings("https://sso.gov.cn", "gx", "zhaoshang-console"));
        assertThatThrownBy(() -> SignInSettings.of(new ConsoleProperties(null, null, null), "https://issuer.example/other"))
                .hasMessageContaining("not a Keycloak realm URL");

        String page = ConsoleFiles.render("<meta data-url=\"__KEYCLOAK_URL__\" data-realm=\"__KEYCLOAK_REALM__\" "
                + "data-client-id=\"__KEYCLOAK_CLIENT_ID__\" data-keycloak-answers=\"__KEYCLOAK_ANSWERS__\"><link href=\"__KEYCLOAK_ORIGIN__\">",
                new SignInSettings("https://a.gov.cn/sso?a=1&b=%222%22", "<r>", "c&d\""), false);
        assertThat(page).isEqualTo("<meta data-url=\"https://a.gov.cn/sso?a=1&amp;b=%222%22\" data-realm=\"&lt;r&gt;\" data-client-id=\"c&amp;d&quot;\" "
                + "data-keycloak-answers=\"false\"><link href=\"https://a.gov.cn\">");
    }
}
