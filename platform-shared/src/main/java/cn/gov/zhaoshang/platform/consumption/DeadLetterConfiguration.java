package cn.gov.zhaoshang.platform.consumption;

import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.platform.config.PlatformProperties;
import cn.gov.zhaoshang.platform.events.MalformedEventException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * An event that cannot be applied is tried {@code zhaoshang.events.consumer.max-attempts} times
 * (a malformed one only once), then published to {@code <topic>.dlt} with the error in its headers
 * ({@code kafka_dlt-exception-*}, original topic, partition and offset), and the consumer goes on
 * with the next record. Spring Boot hands this handler to every listener container.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, String> kafka, PlatformProperties properties) {
        PlatformProperties.Consumer consumer = properties.events().consumer();
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetterTopicOf(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(consumer.retryInterval().toMillis(), Math.max(0, consumer.maxAttempts() - 1)));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}
