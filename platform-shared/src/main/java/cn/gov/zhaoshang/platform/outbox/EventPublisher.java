package cn.gov.zhaoshang.platform.outbox;

import java.time.Clock;
import java.util.UUID;

import cn.gov.zhaoshang.platform.config.PlatformProperties;
import cn.gov.zhaoshang.platform.events.EventEnvelope;
import cn.gov.zhaoshang.platform.events.EventJson;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import io.namastack.outbox.Outbox;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a domain event through the transactional outbox: the event row is written in the
 * caller's transaction, together with the state change, and {@link KafkaOutboxRelay} sends it
 * once that transaction has committed, woken by {@link OutboxWakeUp}. Calling it outside a
 * transaction is a programming error.
 */
public class EventPublisher {

    private final Outbox outbox;
    private final EventJson json;
    private final OrgUnitDirectory orgUnits;
    private final Clock clock;
    private final String source;
    private final OutboxWakeUp wakeUp;

    public EventPublisher(Outbox outbox, EventJson json, OrgUnitDirectory orgUnits, Clock clock,
            PlatformProperties properties, OutboxWakeUp wakeUp) {
        this.outbox = outbox;
        this.wakeUp = wakeUp;
        this.json = json;
        this.orgUnits = orgUnits;
        this.clock = clock;
        this.source = properties.events().source();
        if (source == null || source.isBlank()) {
            throw new IllegalStateException("zhaoshang.events.source must name this service, e.g. /zhaoshang/project-service");
        }
    }

    /**
     * @param type        the contract's event type, {@code cn.gov.zhaoshang.<service>.<event>.v1}
     * @param aggregateId the aggregate's id: CloudEvents subject and Kafka record key
     * @param orgUnitCode the unit the aggregate belongs to; its current path becomes {@code orgpath}
     * @param data        the contract record
     * @return the published envelope
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope publish(String type, String aggregateId, String orgUnitCode, Object data) {
        EventEnvelope envelope = new EventEnvelope(
                EventEnvelope.SPEC_VERSION,
                UUID.randomUUID().toString(),
                source,
                type,
                aggregateId,
                clock.instant(),
                EventEnvelope.DATA_CONTENT_TYPE,
                orgUnits.pathOf(orgUnitCode),
                json.toTree(data));
        outbox.schedule(new OutboxMessage(type, aggregateId, json.write(envelope)), aggregateId);
        wakeUp.afterCommit();
        return envelope;
    }
}
