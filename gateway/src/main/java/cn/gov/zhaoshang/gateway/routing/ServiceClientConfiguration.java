package cn.gov.zhaoshang.gateway.routing;

import java.util.List;

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
 * per event loop ({@link EventLoopLocalConnectionPools}).
 */
@Configuration(proxyBeanMethods = false)
public class ServiceClientConfiguration {

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
