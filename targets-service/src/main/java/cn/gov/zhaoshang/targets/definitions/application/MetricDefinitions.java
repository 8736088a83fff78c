package cn.gov.zhaoshang.targets.definitions.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.targets.DefinitionPublished;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.Caller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.targets.definitions.infrastructure.DefinitionVersionRepository;
import cn.gov.zhaoshang.targets.definitions.model.DefinitionContent;
import cn.gov.zhaoshang.targets.definitions.model.DefinitionVersion;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versions of the metric definitions. A published version never changes (409); a change is a new
 * version that takes effect after the newest published one, and the version in force on a date is
 * the newest published one whose effective date is on or before it. The definitions hold for the
 * whole tree, so only an admin of the region writes them.
 */
@Service
public class MetricDefinitions {

    static final String ENTITY = "metric-definition";
    /** Every version's event has this key, so subscribers receive versions in the order they were published. */
    static final String AGGREGATE_ID = "metric-definitions";

    private final DefinitionVersionRepository versions;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public MetricDefinitions(DefinitionVersionRepository versions, EventPublisher events, AuditTrail audit, Clock clock) {
        this.versions = versions;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<DefinitionVersion> all() {
        return versions.all();
    }

    @Transactional(readOnly = true)
    public DefinitionVersion version(int version) {
        return versions.find(version).orElseThrow(() -> new NotFoundException("metric definition version", version));
    }

    @Transactional(readOnly = true)
    public DefinitionVersion inForceOn(LocalDate date) {
        return versions.inForceOn(date).orElseThrow(() -> new NotFoundException("metric definitions in force on", date));
    }

    @Transactional
    public DefinitionVersion createDraft(LocalDate effectiveFrom, DefinitionContent content, OrgScope scope) {
        requireRegionAdmin(scope);
        requireAfterNewestPublished(effectiveFrom);
        int version = versions.insertDraft(effectiveFrom, content, scope.caller().username(), clock.instant());
        DefinitionVersion created = version(version);
        audit.record(scope.caller(), ENTITY, String.valueOf(version), "drafted", null, created);
        return created;
    }

    /** Edits a draft; a published version is refused with 409. */
    @Transactional
    public DefinitionVersion editDraft(int version, LocalDate effectiveFrom, DefinitionContent content, OrgScope scope) {
        requireRegionAdmin(scope);
        DefinitionVersion before = versions.findForUpdate(version)
                .orElseThrow(() -> new NotFoundException("metric definition version", version));
        requireDraft(before);
        requireAfterNewestPublished(effectiveFrom);
        versions.updateDraft(version, effectiveFrom, content);
        DefinitionVersion after = version(version);
        audit.record(scope.caller(), ENTITY, String.valueOf(version), "draft-edited", before, after);
        return after;
    }

    @Transactional
    public DefinitionVersion publish(int version, OrgScope scope) {
        requireRegionAdmin(scope);
        DefinitionVersion draft = versions.findForUpdate(version)
                .orElseThrow(() -> new NotFoundException("metric definition version", version));
        requireDraft(draft);
        requireAfterNewestPublished(draft.effectiveFrom());
        return publish(draft, scope.caller(), scope.unit().code());
    }

    /** Publishes a draft without the caller checks: for the defaults loaded on the first start. */
    @Transactional
    public DefinitionVersion publish(DefinitionVersion draft, Caller actor, String regionCode) {
        Instant now = clock.instant();
        versions.markPublished(draft.version(), now);
        DefinitionVersion published = version(draft.version());
        audit.record(actor, ENTITY, String.valueOf(draft.version()), "published", draft, published);
        events.publish(EventTypes.TARGETS_DEFINITION_PUBLISHED, AGGREGATE_ID, regionCode, new DefinitionPublished(
                published.version(), published.effectiveFrom(), now,
                published.content().figures().stream().map(DefinitionContent.FigureDefinition::code).toList(),
                rulesOf(published.content())));
        return published;
    }

    /**
     * The rules reporting applies travel with the event, so that its read model of versions can be
     * rebuilt by replaying the topic without asking this service.
     */
    static DefinitionPublished.Rules rulesOf(DefinitionContent content) {
        return new DefinitionPublished.Rules(
                content.warnings().yellowBelowGapPoints(),
                content.warnings().redBelowGapPoints(),
                content.ranking().method(),
                Map.copyOf(content.ranking().weights()),
                content.ranking().cap(),
                content.close().deadlineDayOfNextMonth());
    }

    private void requireDraft(DefinitionVersion version) {
        if (version.isPublished()) {
            throw new ConflictException("version " + version.version()
                    + " is published and never changes; create a new version with a later effective date",
                    Map.of("version", version.version()));
        }
    }

    private void requireAfterNewestPublished(LocalDate effectiveFrom) {
        versions.latestPublishedEffectiveDate()
                .filter(latest -> !effectiveFrom.isAfter(latest))
                .ifPresent(latest -> {
                    throw new ConflictException("a new version takes effect after the newest published one (" + latest + ")",
                            Map.of("newestEffectiveFrom", latest.toString()));
                });
    }

    private static void requireRegionAdmin(OrgScope scope) {
        if (scope.unit().level() != OrgLevel.REGION) {
            throw new AccessDeniedException("metric definitions hold for the whole region and are set by its admins");
        }
    }
}
