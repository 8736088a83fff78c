package cn.gov.zhaoshang.platform.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;

/**
 * Everything a service gets by depending on the shared library: event envelope and outbox,
 * idempotent consumption with dead-lettering, token validation and org scope, problem details,
 * audit and the local org-unit tree.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ComponentScan(basePackages = {
        "cn.gov.zhaoshang.platform.events",
        "cn.gov.zhaoshang.platform.outbox",
        "cn.gov.zhaoshang.platform.consumption",
        "cn.gov.zhaoshang.platform.security",
        "cn.gov.zhaoshang.platform.orgunits",
        "cn.gov.zhaoshang.platform.errors",
        "cn.gov.zhaoshang.platform.audit"})
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {
}
