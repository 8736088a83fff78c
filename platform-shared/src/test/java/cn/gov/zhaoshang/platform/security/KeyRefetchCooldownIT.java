package cn.gov.zhaoshang.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tokens naming key ids the identity provider never published cannot make a service fetch its keys
 * on every request: after the first fetch, at most two per refetch cooldown (10 s by default),
 * whatever the key ids; before, one fetch per such request. Its own token issuer counts the fetches.
 */
@SpringBootTest(classes = IdentityProviderOutageIT.TokenCheckingService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeyRefetchCooldownIT {

    static final TestIdentityProvider keys = TestIdentityProvider.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownTokenIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", keys::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", keys::jwkSetUri);
    }

    @AfterAll
    static void stopTokenIssuer() {
        keys.close();
    }

    @Test
    void fiftyTokensWithUnknownKeyIdsCauseAtMostTwoFetchesOfTheKeys() {
        ApiClient service = ApiClient.atPort(port);
        // a valid token is let through to the operation, which this service does not have
        assertThat(service.withToken(keys.tokenFor("known-key-user", "450881", "officer")).get("/api/projects").status())
                .isEqualTo(404);
        int fetchesBefore = keys.keySetFetches();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String madeUp = keys.token("unknown-kid-user").orgUnit("450881").roles("officer").keyId("made-up-" + i).sign();
            statuses.add(service.withToken(madeUp).get("/api/projects").status());
        }

        assertThat(fetchesBefore).isEqualTo(1);
        assertThat(statuses).containsOnly(401);
        // two per cooldown; a third only if the 50 requests took longer than one cooldown
        assertThat(keys.keySetFetches() - fetchesBefore).isBetween(1, 3);
        assertThat(service.withToken(keys.tokenFor("known-key-user-2", "450881", "officer")).get("/api/projects").status())
                .as("tokens signed by the known key still pass, from the kept keys").isEqualTo(404);
    }
}
