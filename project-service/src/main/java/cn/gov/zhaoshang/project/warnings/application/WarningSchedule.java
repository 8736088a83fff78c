package cn.gov.zhaoshang.project.warnings.application;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the warning evaluation every {@code zhaoshang.project.warnings.interval} (ISO-8601, default
 * one hour), the first time {@code zhaoshang.project.warnings.initial-delay} after start. Turned off
 * with {@code zhaoshang.project.warnings.enabled=false} (the service's own tests evaluate explicitly,
 * at the times they choose).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "zhaoshang.project.warnings.enabled", havingValue = "true", matchIfMissing = true)
public class WarningSchedule {

    private final ProjectWarnings warnings;

    public WarningSchedule(ProjectWarnings warnings) {
        this.warnings = warnings;
    }

    @Scheduled(fixedDelayString = "${zhaoshang.project.warnings.interval:PT1H}",
            initialDelayString = "${zhaoshang.project.warnings.initial-delay:PT5M}")
    public void evaluate() {
        warnings.evaluate();
    }
}
