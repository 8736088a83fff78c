package cn.gov.zhaoshang.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.FreePorts;
import cn.gov.zhaoshang.testsupport.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tokens naming key ids the identity provider never published cannot make the gateway fetch its
 * keys on every request: after the first fetch, at most two more per refetch cooldown (10 s by
 * default), whatever the key ids. Before, each such request was one fetch from Keycloak. The token
 * issuer here is this class's own, so that its fetches are counted alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // every request from this test's address is counted as it is, none answered 429
        properties = {"zhaoshang.gateway.rate-limit.unauthenticated-per-address.capacity=1000",
                "zhaoshang.gateway.rate-limit.unauthenticated-per-address.refill-tokens=1000"})
class KeyRefetchIT {

    static final TestIdentityProvider keys = TestIdentityProvider.start();
    /** Nothing listens here. */
    static final int STOPPED_SERVICE_PORT = FreePorts.next();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownTokenIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", keys::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", keys::jwkSetUri);
        for (String name : List.of("project", "enterprise", "targets", "reporting")) {
            // no request here reaches a service: refused ones never do, and the valid one finds none (503)
            registry.add("zhaoshang.gateway.services." + name, () -> "http://127.0.0.1:" + STOPPED_SERVICE_PORT);
        }
    }

    @AfterAll
    static void stopTokenIssuer() {
        keys.close();
    }

    @Test
    void fiftyTokensWithUnknownKeyIdsCauseAtMostTwoFetchesOfTheKeys() {
        ApiClient gateway = ApiClient.at("http://127.0.0.1:" + port);
        assertThat(gateway.withToken(keys.tokenFor("known-key-user", "450881", "officer")).get("/api/projects").status())
                .as("a valid token passes (and finds the service stopped)").isEqualTo(503);
        int fetchesBefore = keys.keySetFetches();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String madeUp = keys.token("unknown-kid-user").orgUnit("450881").roles("officer").keyId("made-up-" + i).sign();
            statuses.add(gateway.withToken(madeUp).get("/api/projects").status());
        }

        assertThat(fetchesBefore).isEqualTo(1);
        assertThat(statuses).containsOnly(401);
        // two per cooldown; a third only if the 50 requests took longer than one cooldown
        assertThat(keys.keySetFetches() - fetchesBefore).isBetween(1, 3);
        assertThat(gateway.withToken(keys.tokenFor("known-key-user-2", "450881", "officer")).get("/api/projects").status())
                .as("tokens signed by the known key still pass, from the kept keys").isEqualTo(503);
    }
}
