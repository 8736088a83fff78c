package cn.gov.zhaoshang.platform.config;

import java.time.Duration;

import cn.gov.zhaoshang.platform.outbox.OutboxWakeUp;
import io.namastack.outbox.OutboxProcessingScheduler;
import io.namastack.outbox.config.OutboxCoreSchedulingAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Puts {@link OutboxWakeUp} in the place of namastack-outbox's polling trigger. It runs before the
 * outbox's own configuration, whose trigger bean is conditional on there being none.
 */
@AutoConfiguration(before = OutboxCoreSchedulingAutoConfiguration.class)
@ConditionalOnClass(OutboxProcessingScheduler.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OutboxWakeUpAutoConfiguration {

    @Bean
    OutboxWakeUp outboxWakeUp(@Value("${namastack.outbox.polling.fixed.interval:500ms}") Duration interval,
            ObjectProvider<OutboxProcessingScheduler> scheduler) {
        return new OutboxWakeUp(interval, scheduler);
    }
}
