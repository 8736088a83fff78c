package cn.gov.zhaoshang.project.investor.application;

import java.util.Map;
import java.util.Set;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.contracts.enterprise.EnterpriseChanged;
import cn.gov.zhaoshang.contracts.enterprise.EnterpriseClassified;
import cn.gov.zhaoshang.contracts.enterprise.EnterpriseMerged;
import cn.gov.zhaoshang.contracts.enterprise.EnterpriseRegistered;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.consumption.IdempotentConsumer;
import cn.gov.zhaoshang.platform.events.EventEnvelope;
import cn.gov.zhaoshang.platform.events.EventJson;
import cn.gov.zhaoshang.platform.security.Caller;
import cn.gov.zhaoshang.project.investor.infrastructure.EnterpriseCopyRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the local copy of the enterprise registry current from {@code zhaoshang.enterprise.v1}, so
 * that an investor's classes can be snapshot at signing without asking enterprise-service. Each
 * event is applied once ({@link IdempotentConsumer}); one that cannot be applied is retried and
 * dead-lettered like any other. With no enterprise events at all, projects simply get no classes.
 */
@Component
public class EnterpriseEventsListener {

    /** The actor of changes the registry's events make to projects. */
    static final Caller ENTERPRISE_EVENTS = new Caller("system:enterprise-events", null, Set.of());

    private final EventJson json;
    private final IdempotentConsumer idempotent;
    private final EnterpriseCopyRepository copy;
    private final AuditTrail audit;

    public EnterpriseEventsListener(EventJson json, IdempotentConsumer idempotent, EnterpriseCopyRepository copy, AuditTrail audit) {
        this.json = json;
        this.idempotent = idempotent;
        this.copy = copy;
        this.audit = audit;
    }

    @KafkaListener(id = "enterprise-local-copy", topics = Topics.ENTERPRISE, groupId = "${spring.application.name}.enterprises")
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope event = json.read(record.value());
        switch (event.type()) {
            case EventTypes.ENTERPRISE_REGISTERED -> idempotent.applyOnce(event, applied -> {
                EnterpriseRegistered registered = json.dataAs(applied, EnterpriseRegistered.class);
                // a registration is version 0 of the record: any change applied before it wins
                copy.upsert(registered.enterpriseId(), registered.nameZh(), registered.parentId(), 0, registered.registeredAt());
            });
            case EventTypes.ENTERPRISE_CHANGED -> idempotent.applyOnce(event, applied -> {
                EnterpriseChanged changed = json.dataAs(applied, EnterpriseChanged.class);
                copy.upsert(changed.enterpriseId(), changed.nameZh(), changed.parentId(), changed.version(), changed.changedAt());
            });
            case EventTypes.ENTERPRISE_MERGED -> idempotent.applyOnce(event, applied -> {
                EnterpriseMerged merged = json.dataAs(applied, EnterpriseMerged.class);
                copy.merge(merged.mergedId(), merged.survivorId(), merged.mergedAt());
                // nothing new refers to a merged record: projects name the survivor from now on
                for (var project : copy.moveInvestorReferences(merged.mergedId(), merged.survivorId())) {
                    audit.record(ENTERPRISE_EVENTS, "project", project.toString(), "investor-merged",
                            Map.of("investorEnterpriseId", merged.mergedId().toString()),
                            Map.of("investorEnterpriseId", merged.survivorId().toString()));
                }
            });
            case EventTypes.ENTERPRISE_CLASSIFIED -> idempotent.applyOnce(event, applied -> {
                EnterpriseClassified classified = json.dataAs(applied, EnterpriseClassified.class);
                if ("REMOVED".equals(classified.change())) {
                    copy.removeMembership(classified.membershipId(), classified.enterpriseId(), classified.enterpriseClass(),
                            classified.edition(), classified.publishedOn(), classified.validFrom(), classified.validUntil());
                } else {
                    copy.addMembership(classified.membershipId(), classified.enterpriseId(), classified.enterpriseClass(),
                            classified.edition(), classified.publishedOn(), classified.validFrom(), classified.validUntil());
                }
            });
            default -> {
                // engagements and later event types are not needed here
            }
        }
    }
}
