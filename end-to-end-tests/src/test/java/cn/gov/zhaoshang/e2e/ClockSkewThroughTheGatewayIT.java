package cn.gov.zhaoshang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import cn.gov.zhaoshang.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 25, finding 5: a real Keycloak token is refused by the gateway and the services once it is
 * more than 10 s past its expiry (Spring Security's default skew would take it for a minute more),
 * and still taken within the 10 s. Two tokens of the realm's 15-second test client, sent nowhere
 * before, so that no verified-token cache already holds them.
 */
@ExtendWith(WholePlatform.Shared.class)
class ClockSkewThroughTheGatewayIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROJECTS = "/api/projects?size=1";

    @Test
    void aTokenIsTakenUpToTenSecondsPastItsExpiryAndRefusedAfter() throws InterruptedException {
        WholePlatform platform = WholePlatform.Shared.platform();
        String withinSkew = platform.tokenOf("gp-officer", WholePlatform.SHORT_LIVED_CLIENT);
        String beyondSkew = platform.tokenOf("gp-officer", WholePlatform.SHORT_LIVED_CLIENT);
        Instant expiry = expiryOf(beyondSkew);
        assertThat(Duration.between(Instant.now(), expiry)).as("the test client's tokens are short-lived")
                .isLessThanOrEqualTo(Duration.ofSeconds(WholePlatform.SHORT_LIVED_TOKEN_SECONDS));

        sleepUntil(expiryOf(withinSkew).plusSeconds(3));
        ApiClient.Response taken = ApiClient.at(platform.consoleUrl()).withToken(withinSkew).get(PROJECTS);
        assertThat(taken.status()).as("3 s past its expiry: " + taken.body()).isEqualTo(200);

        sleepUntil(expiry.plusSeconds(20));
        ApiClient.Response refused = ApiClient.at(platform.consoleUrl()).withToken(beyondSkew).get(PROJECTS);
        assertThat(refused.status()).as("20 s past its expiry, within the library's default minute").isEqualTo(401);
        ApiClient.Response atTheService = ApiClient.at(platform.serviceUrl("project-service")).withToken(beyondSkew).get(PROJECTS);
        assertThat(atTheService.status()).as("and at project-service itself").isEqualTo(401);
    }

    private static Instant expiryOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Instant.ofEpochSecond(JSON.readTree(payload).get("exp").asLong());
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
