package cn.gov.zhaoshang.project.warnings.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.project.ProjectWarningCleared;
import cn.gov.zhaoshang.contracts.project.ProjectWarningRaised;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.security.Caller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.warnings.infrastructure.WarningRepository;
import cn.gov.zhaoshang.project.warnings.model.ProjectWarning;
import cn.gov.zhaoshang.project.warnings.model.WarningCondition;
import cn.gov.zhaoshang.project.warnings.model.WarningFilter;
import cn.gov.zhaoshang.project.warnings.model.WarningKind;
import cn.gov.zhaoshang.project.warnings.model.WarningRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises and clears project warnings. An evaluation compares the conditions that hold now with the
 * open warnings: a condition without its open warning is raised, an open warning whose condition no
 * longer holds (or holds from a later update) is cleared, and everything else is left alone, so
 * evaluating again changes nothing. Each raise and clear is stored, audited and published in one
 * transaction. Lists of warnings are read here too, always within a caller's scope.
 */
@Service
public class ProjectWarnings {

    /** The actor of the audit entries: the evaluation, not a person. */
    static final Caller EVALUATION = new Caller("system:project-warnings", null, Set.of());

    private static final Logger log = LoggerFactory.getLogger(ProjectWarnings.class);

    private final WarningRepository warnings;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public ProjectWarnings(WarningRepository warnings, EventPublisher events, AuditTrail audit, Clock clock) {
        this.warnings = warnings;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The orders a list of warnings can be sorted by. */
    public static final SortOrders SORT_ORDERS = WarningRepository.SORT_ORDERS;

    /** One page of the warnings in the caller's scope that pass the filter. */
    public List<ProjectWarning> page(OrgScope scope, WarningFilter filter, SortOrders.Order sort, int page, int size) {
        return warnings.page(scope, filter, sort, page, size);
    }

    /** How many warnings in the caller's scope pass the filter. */
    public long count(OrgScope scope, WarningFilter filter) {
        return warnings.count(scope, filter);
    }

    /** What one evaluation changed. */
    public record Outcome(boolean ran, int raised, int cleared) {
    }

    /** Evaluates at the clock's present. */
    public Outcome evaluate() {
        return evaluateAt(clock.instant());
    }

    /**
     * Evaluates as of {@code now}, in the clock's zone (the bureaus' calendar). Only one evaluation
     * runs at a time over every replica; one that finds another running does nothing.
     */
    @Transactional
    public Outcome evaluateAt(Instant now) {
        if (!warnings.tryLockEvaluation()) {
            log.info("Project warnings: another evaluation is running; skipped");
            return new Outcome(false, 0, 0);
        }
        List<WarningCondition> holding = new ArrayList<>();
        warnings.watchedProjects().forEach(facts -> holding.addAll(WarningRules.evaluate(facts, now, clock.getZone())));
        Map<Key, WarningCondition> conditions = new HashMap<>();
        holding.forEach(condition -> conditions.put(new Key(condition.projectId(), condition.kind()), condition));

        int cleared = 0;
        for (ProjectWarning open : warnings.openWarnings()) {
            Key key = new Key(open.projectId(), open.kind());
            WarningCondition condition = conditions.get(key);
            if (condition != null && open.matches(condition)) {
                conditions.remove(key);
                continue;
            }
            warnings.clear(open.id(), now);
            ProjectWarningCleared event = new ProjectWarningCleared(open.id(), open.projectId(), open.orgUnit(),
                    open.kind().name(), now);
            audit.record(EVALUATION, "project-warning", open.id().toString(), "cleared", open, event);
            events.publish(EventTypes.PROJECT_WARNING_CLEARED, open.projectId().toString(), open.orgUnit(), event);
            cleared++;
        }

        for (WarningCondition condition : conditions.values()) {
            String unit = condition.orgUnit();
            ProjectWarning warning = new ProjectWarning(UUID.randomUUID(), condition.projectId(), null, unit,
                    condition.kind(), condition.stage(), condition.since(), now, null);
            warnings.insert(warning);
            ProjectWarningRaised event = new ProjectWarningRaised(warning.id(), warning.projectId(), unit,
                    warning.kind().name(), warning.stage().name(), warning.since(), now);
            audit.record(EVALUATION, "project-warning", warning.id().toString(), "raised", null, event);
            events.publish(EventTypes.PROJECT_WARNING_RAISED, warning.projectId().toString(), unit, event);
        }
        if (cleared > 0 || !conditions.isEmpty()) {
            log.info("Project warnings at {}: {} raised, {} cleared", now, conditions.size(), cleared);
        }
        return new Outcome(true, conditions.size(), cleared);
    }

    private record Key(UUID projectId, WarningKind kind) {
    }
}
