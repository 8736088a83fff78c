package cn.gov.zhaoshang.reporting.readmodel.application;

import java.util.Set;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.enterprise.EngagementRecorded;
import cn.gov.zhaoshang.contracts.project.FundsCorrected;
import cn.gov.zhaoshang.contracts.project.FundsReported;
import cn.gov.zhaoshang.contracts.project.KeyProjectChanged;
import cn.gov.zhaoshang.contracts.project.ProjectAmended;
import cn.gov.zhaoshang.contracts.project.ProjectDetailsChanged;
import cn.gov.zhaoshang.contracts.project.ProjectRegistered;
import cn.gov.zhaoshang.contracts.project.ProjectStageChanged;
import cn.gov.zhaoshang.contracts.project.ProjectTerminated;
import cn.gov.zhaoshang.contracts.project.ProjectTransferred;
import cn.gov.zhaoshang.contracts.project.ProjectWarningCleared;
import cn.gov.zhaoshang.contracts.project.ProjectWarningRaised;
import cn.gov.zhaoshang.contracts.project.SigningConfirmed;
import cn.gov.zhaoshang.contracts.targets.OrgUnitChanged;
import cn.gov.zhaoshang.contracts.targets.TargetSet;
import cn.gov.zhaoshang.contracts.targets.TeamChanged;
import cn.gov.zhaoshang.platform.consumption.IdempotentConsumer;
import cn.gov.zhaoshang.platform.events.EventEnvelope;
import cn.gov.zhaoshang.platform.events.EventJson;
import cn.gov.zhaoshang.reporting.engagements.infrastructure.EngagementFacts;
import cn.gov.zhaoshang.reporting.orgunits.infrastructure.LocalOrgUnits;
import cn.gov.zhaoshang.reporting.projects.infrastructure.Aggregates;
import cn.gov.zhaoshang.reporting.projects.infrastructure.ProjectFacts;
import cn.gov.zhaoshang.reporting.targets.infrastructure.TargetFacts;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies one event to the read models, at most once: the processed-event row and the effect are
 * written in one transaction ({@link IdempotentConsumer}). The listener and the rebuild both come
 * through here, so a rebuild applies exactly what the incremental model applied.
 */
@Component
public class ReadModelProjector {

    /**
     * The event types the read models are built from; the rebuild forgets having processed these.
     * Not definition-published: {@code DefinitionEventsListener} keeps the versions, and the
     * processed-event row of an event is one per service, so two consumers of it would skip each other.
     */
    public static final Set<String> APPLIED_TYPES = Set.of(
            EventTypes.PROJECT_REGISTERED, EventTypes.PROJECT_STAGE_CHANGED, EventTypes.PROJECT_SIGNING_CONFIRMED,
            EventTypes.PROJECT_AMENDED, EventTypes.PROJECT_DETAILS_CHANGED, EventTypes.PROJECT_KEY_PROJECT_CHANGED,
            EventTypes.PROJECT_TERMINATED,
            EventTypes.PROJECT_TRANSFERRED, EventTypes.PROJECT_FUNDS_REPORTED, EventTypes.PROJECT_FUNDS_CORRECTED, EventTypes.PROJECT_WARNING_RAISED,
            EventTypes.PROJECT_WARNING_CLEARED, EventTypes.ENGAGEMENT_RECORDED, EventTypes.TARGETS_TARGET_SET,
            EventTypes.TARGETS_TEAM_DEFINED, EventTypes.TARGETS_TEAM_CHANGED);

    private final EventJson json;
    private final IdempotentConsumer idempotent;
    private final ProjectFacts projects;
    private final TargetFacts targets;
    private final EngagementFacts engagements;
    private final LocalOrgUnits orgUnits;
    private final Aggregates aggregates;

    public ReadModelProjector(EventJson json, IdempotentConsumer idempotent, ProjectFacts projects, TargetFacts targets,
            EngagementFacts engagements, LocalOrgUnits orgUnits, Aggregates aggregates) {
        this.json = json;
        this.idempotent = idempotent;
        this.projects = projects;
        this.targets = targets;
        this.engagements = engagements;
        this.orgUnits = orgUnits;
        this.aggregates = aggregates;
    }

    /** @return whether the event changed the read models now (false: not used, or applied before) */
    public boolean apply(EventEnvelope event) {
        if (EventTypes.TARGETS_ORG_UNIT_CHANGED.equals(event.type())) {
            // the shared org-unit listener keeps the tree and holds this event's processed row; the
            // aggregate changes of the events before it in this transaction go under the old code first
            aggregates.writePending();
            orgUnits.recoded(json.dataAs(event, OrgUnitChanged.class));
            return true;
        }
        if (!APPLIED_TYPES.contains(event.type())) {
            return false;
        }
        return idempotent.applyOnce(event, this::effect);
    }

    /**
     * The contract's first version had neither {@code signingConfirmed} nor {@code reinvestment}, and
     * it still does not require them: an event without them is a signing that needs no confirmation
     * and no reinvestment (as {@link ProjectRegistered}'s first-version constructor says).
     */
    private static EventEnvelope withFirstVersionDefaults(EventEnvelope event) {
        if (event.data().has("signingConfirmed") && event.data().has("reinvestment")) {
            return event;
        }
        ObjectNode data = ((ObjectNode) event.data()).deepCopy();
        if (!data.has("signingConfirmed") || data.get("signingConfirmed").isNull()) {
            data.put("signingConfirmed", true);
        }
        if (!data.has("reinvestment") || data.get("reinvestment").isNull()) {
            data.put("reinvestment", false);
        }
        return new EventEnvelope(event.specversion(), event.id(), event.source(), event.type(), event.subject(),
                event.time(), event.datacontenttype(), event.orgpath(), data);
    }

    private void effect(EventEnvelope event) {
        switch (event.type()) {
            case EventTypes.PROJECT_REGISTERED -> projects.register(json.dataAs(withFirstVersionDefaults(event),
                    ProjectRegistered.class));
            case EventTypes.PROJECT_STAGE_CHANGED -> projects.stageChanged(json.dataAs(event, ProjectStageChanged.class));
            case EventTypes.PROJECT_SIGNING_CONFIRMED -> projects.signingConfirmed(json.dataAs(event, SigningConfirmed.class));
            case EventTypes.PROJECT_AMENDED -> projects.amended(json.dataAs(event, ProjectAmended.class));
            case EventTypes.PROJECT_DETAILS_CHANGED -> projects.detailsChanged(json.dataAs(event, ProjectDetailsChanged.class));
            case EventTypes.PROJECT_KEY_PROJECT_CHANGED -> projects.keyProjectChanged(json.dataAs(event, KeyProjectChanged.class));
            case EventTypes.PROJECT_TERMINATED -> projects.terminated(json.dataAs(event, ProjectTerminated.class));
            case EventTypes.PROJECT_TRANSFERRED -> projects.transferred(json.dataAs(event, ProjectTransferred.class));
            case EventTypes.PROJECT_FUNDS_REPORTED -> projects.fundsReported(json.dataAs(event, FundsReported.class));
            case EventTypes.PROJECT_FUNDS_CORRECTED -> projects.fundsCorrected(json.dataAs(event, FundsCorrected.class));
            case EventTypes.PROJECT_WARNING_RAISED -> engagements.warningRaised(json.dataAs(event, ProjectWarningRaised.class));
            case EventTypes.PROJECT_WARNING_CLEARED -> engagements.warningCleared(json.dataAs(event, ProjectWarningCleared.class));
            case EventTypes.ENGAGEMENT_RECORDED -> engagements.recorded(json.dataAs(event, EngagementRecorded.class));
            case EventTypes.TARGETS_TARGET_SET -> targets.targetSet(json.dataAs(event, TargetSet.class));
            case EventTypes.TARGETS_TEAM_DEFINED, EventTypes.TARGETS_TEAM_CHANGED -> targets.team(json.dataAs(event, TeamChanged.class));
            default -> throw new IllegalStateException("no effect for " + event.type());
        }
    }
}
