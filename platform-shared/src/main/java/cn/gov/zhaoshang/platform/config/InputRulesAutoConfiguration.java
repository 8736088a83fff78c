package cn.gov.zhaoshang.platform.config;

import java.time.Clock;

import cn.gov.zhaoshang.platform.validation.ChinaTime;
import cn.gov.zhaoshang.platform.validation.PlainTextRequests;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text rules every request is held to before a controller sees it ({@link PlainTextRequests};
 * docs/security.md, "Input rules"); their breaches are answered by the one error handler.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class InputRulesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PlainTextRequests plainTextRequests(JsonMapper json) {
        return new PlainTextRequests(json);
    }

    /** Dates are judged by China's day ({@link ChinaTime}), whatever the server's zone. */
    @Bean
    ValidationConfigurationCustomizer chinaTimeForDateRules() {
        return configuration -> configuration.clockProvider(new ChinaTime(Clock.systemUTC()));
    }

    @Bean
    WebMvcConfigurer plainTextParameters(PlainTextRequests plainText) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(plainText);
            }
        };
    }
}
