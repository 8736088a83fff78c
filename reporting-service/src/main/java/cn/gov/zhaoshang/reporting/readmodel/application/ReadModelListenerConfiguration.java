package cn.gov.zhaoshang.reporting.readmodel.application;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The read-model listener commits its offsets without waiting for the broker's answer: a
 * synchronous commit after every poll held the listener for a round trip to the group
 * coordinator before it could read the next events, a large part of an event's way into the report
 * at 200 events/s (docs/benchmarks/history.md, propagation). Nothing is lost by it: an offset
 * is still committed only after its events' transaction, and one whose commit fails or comes late
 * means those events are delivered again, which the processed-event rows make harmless.
 *
 * <p>It is a batch listener ({@link ReadModelListener}), for which Spring Kafka observes nothing
 * unless asked: each record still gets its receive observation, continuing the producer's trace as
 * the record listener it replaced did. The observation closes before the batch is applied, so its
 * span and its {@code spring.kafka.listener} timer mark the receipt, not the work.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelListenerConfiguration {

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> readModelAsyncCommits() {
        return container -> {
            if (ReadModelListener.ID.equals(container.getListenerId())) {
                container.getContainerProperties().setSyncCommits(false);
                container.getContainerProperties().setRecordObservationsInBatch(true);
            }
        };
    }
}
