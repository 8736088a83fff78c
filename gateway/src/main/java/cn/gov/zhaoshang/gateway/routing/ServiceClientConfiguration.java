package cn.gov.zhaoshang.gateway.routing;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.resources.ConnectionProvider;

/**
 * The HTTP client that calls the services: Spring Cloud Gateway's, configured from
 * {@code spring.cloud.gateway.server.webflux.httpclient.*} as usual, with its connection pool kept
 * per event loop ({@link EventLoopLocalConnectionPools}), and the response time-out kept on the
 * connection's event loop.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceClientConfiguration {

    /**
     * How long a service may take to answer ({@code zhaoshang.gateway.response-timeout}), timed by
     * Reactor Netty on the connection's own event loop; over it, the call fails with a
     * {@code ReadTimeoutException} and the client gets 504 ({@code GatewayErrorHandler}). Spring Cloud
     * Gateway's own {@code httpclient.response-timeout} would time every call with a task on Reactor's
     * parallel scheduler, another thread, woken up by most requests.
     */
    @Bean
    HttpClientCustomizer serviceResponseTimeout(@Value("${zhaoshang.gateway.response-timeout:30s}") Duration timeout) {
        return client -> client.responseTimeout(timeout);
    }

    @Bean
    HttpClientFactory gatewayHttpClientFactory(HttpClientProperties properties, ServerProperties serverProperties,
            List<HttpClientCustomizer> customizers, HttpClientSslConfigurer sslConfigurer) {
        return new HttpClientFactory(properties, serverProperties, sslConfigurer, customizers) {
            @Override
            protected ConnectionProvider buildConnectionProvider(HttpClientProperties settings) {
                return new EventLoopLocalConnectionPools(() -> super.buildConnectionProvider(settings));
            }
        };
    }
}
