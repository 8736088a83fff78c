package cn.gov.zhaoshang.platform.config;

import cn.gov.zhaoshang.platform.web.RequestBodyLimit;
import cn.gov.zhaoshang.platform.web.RequestBodyLimitFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies in every service: at most {@code zhaoshang.web.max-request-body} (1 MB), or what
 * the operation says ({@link RequestBodyLimit}), counted as they are read whatever their transfer
 * encoding ({@link RequestBodyLimitFilter}). Multipart uploads are limited by Spring's multipart
 * settings and form posts by Tomcat's, both in {@code platform-defaults.properties}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformWebProperties.class)
public class PlatformWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RequestBodyLimitFilter requestBodyLimitFilter(PlatformWebProperties properties) {
        return new RequestBodyLimitFilter(properties.maxRequestBody().toBytes());
    }

    @Bean
    WebMvcConfigurer requestBodyLimitsOfOperations() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(RequestBodyLimitFilter.raisingForAnnotatedHandlers());
            }
        };
    }
}
