package cn.gov.zhaoshang.gateway.security;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * How the gateway asks Keycloak whether it answers (for the console's sign-in page): a small pool
 * of its own, so that a Keycloak that does not answer holds no connection of the routes, and one
 * time-out for connecting and for the answer. Its keys are fetched as the services fetch them
 * ({@code IdentityProviderKeys}).
 */
public final class IdentityProviderConnector {

    private IdentityProviderConnector() {
    }

    public static ReactorClientHttpConnector of(String pool, int connections, Duration timeout) {
        HttpClient client = HttpClient.create(ConnectionProvider.create(pool, connections))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout);
        return new ReactorClientHttpConnector(client);
    }
}
