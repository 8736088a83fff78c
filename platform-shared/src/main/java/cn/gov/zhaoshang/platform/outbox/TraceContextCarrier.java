package cn.gov.zhaoshang.platform.outbox;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.namastack.outbox.context.OutboxContextProvider;

/**
 * Carries the W3C trace context of the request that wrote an outbox record to the relay, which
 * sends it later on another thread: the context is stored with the record and restored around the
 * Kafka send, so the event continues the request's trace.
 */
public class TraceContextCarrier implements OutboxContextProvider {

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContextCarrier(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Map<String, String> provide() {
        Map<String, String> carrier = new HashMap<>();
        Span current = tracer.currentSpan();
        if (current != null) {
            propagator.inject(current.context(), carrier, Map::put);
        }
        return carrier;
    }

    /** Starts a span continuing the stored trace (or a new trace when none was stored). */
    Span continueFrom(Map<String, String> storedContext) {
        if (storedContext == null || storedContext.isEmpty()) {
            return tracer.nextSpan().name("outbox relay").start();
        }
        return propagator.extract(storedContext, Map::get).name("outbox relay").start();
    }

    Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }
}
