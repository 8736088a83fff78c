package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the launcher's Guangxi demo data into a platform started elsewhere (the console's browser
 * tests start theirs the way the end-to-end tests do), through its gateway, exactly as
 * {@code ./run-local} loads it.
 */
public final class DemoDataLoader {

    private DemoDataLoader() {
    }

    /** @return what was loaded, as the launcher prints it */
    public static List<String> load(KeycloakServer keycloak, String gatewayUrl, LocalSecrets secrets,
            String kafkaBootstrapServers, Path home) throws IOException, InterruptedException {
        return new DemoData(keycloak, gatewayUrl, secrets, kafkaBootstrapServers).loadOnce(home);
    }
}
