package cn.gov.zhaoshang.targets.users.infrastructure;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The users feature's settings, and the schedule that retries re-codes Keycloak has not taken yet. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsersProperties.class)
@EnableScheduling
public class UsersConfiguration {
}
