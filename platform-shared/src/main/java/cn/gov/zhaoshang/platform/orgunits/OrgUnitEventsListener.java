package cn.gov.zhaoshang.platform.orgunits;

import java.util.Set;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.contracts.targets.OrgUnitChanged;
import cn.gov.zhaoshang.platform.config.PlatformProperties;
import cn.gov.zhaoshang.platform.consumption.IdempotentConsumer;
import cn.gov.zhaoshang.platform.events.EventEnvelope;
import cn.gov.zhaoshang.platform.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps this service's local org-unit tree current from the org-unit events that targets-service,
 * the owner of the tree, publishes on {@code zhaoshang.targets.v1}. Each event carries the whole
 * unit, so applying it is an upsert (after re-keying the row when the code changed), and
 * {@link IdempotentConsumer} applies each event once; one that cannot be applied (a parent not
 * known yet) is retried and then dead-lettered like any other.
 *
 * <p>It reads in a consumer group of its own ({@code <application>.org-units}), so it never shares
 * partitions with the service's other listeners on the same topic. The owner switches it off with
 * {@code zhaoshang.org-units.follow-events=false}, and events a service published itself are
 * skipped in any case: the owner changed its copy in the transaction that published them.
 */
public class OrgUnitEventsListener {

    static final Set<String> ORG_UNIT_EVENTS = Set.of(EventTypes.TARGETS_ORG_UNIT_DEFINED, EventTypes.TARGETS_ORG_UNIT_CHANGED);

    private final EventJson json;
    private final IdempotentConsumer idempotent;
    private final OrgUnitDirectory directory;
    private final String ownSource;

    public OrgUnitEventsListener(EventJson json, IdempotentConsumer idempotent, OrgUnitDirectory directory,
            PlatformProperties properties) {
        this.json = json;
        this.idempotent = idempotent;
        this.directory = directory;
        this.ownSource = properties.events().source();
    }

    @KafkaListener(id = "org-unit-local-copy", topics = Topics.TARGETS, groupId = "${spring.application.name}.org-units")
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope event = json.read(record.value());
        if (!ORG_UNIT_EVENTS.contains(event.type()) || event.source().equals(ownSource)) {
            return;
        }
        idempotent.applyOnce(event, applied -> apply(json.dataAs(applied, OrgUnitChanged.class)));
    }

    private void apply(OrgUnitChanged unit) {
        if (unit.previousCode() != null && directory.exists(unit.previousCode()) && !directory.exists(unit.code())) {
            directory.changeCode(unit.previousCode(), unit.code());
        }
        directory.upsert(unit.code(), unit.parentCode(), OrgLevel.valueOf(unit.level()), unit.nameZh(), unit.nameEn());
    }
}
