package cn.gov.zhaoshang.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.platform.events.EventEnvelope;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.namastack.outbox.annotation.OutboxHandler;
import io.namastack.outbox.handler.OutboxRecordMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends outbox records to the owning topic, keyed by aggregate id, and waits for the broker's
 * acknowledgement: only an acknowledged record is marked done. Any failure leaves the record
 * pending for the next attempt, and the outbox holds back later records of the same aggregate,
 * so per-aggregate order survives a Kafka outage.
 */
public class KafkaOutboxRelay {

    private static final long SEND_TIMEOUT_SECONDS = 20;

    private final KafkaTemplate<String, String> kafka;
    private final TraceContextCarrier traces;

    public KafkaOutboxRelay(KafkaTemplate<String, String> kafka, TraceContextCarrier traces) {
        this.kafka = kafka;
        this.traces = traces;
    }

    @OutboxHandler
    public void send(OutboxMessage message, OutboxRecordMetadata metadata) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(
                EventTypes.topicOf(message.type()), message.key(), message.cloudEvent());
        record.headers().add("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Span span = traces.continueFrom(metadata.getContext());
        try (Tracer.SpanInScope scope = traces.inScope(span)) {
            // the template's observation adds traceparent for this span, a child of the request's
            kafka.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            span.end();
        }
    }
}
