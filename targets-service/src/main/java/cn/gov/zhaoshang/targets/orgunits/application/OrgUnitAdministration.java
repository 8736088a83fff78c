package cn.gov.zhaoshang.targets.orgunits.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.targets.OrgUnitChanged;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.Caller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.targets.orgunits.infrastructure.OrgUnitRegistry;
import cn.gov.zhaoshang.targets.orgunits.model.OrgUnitRules;
import cn.gov.zhaoshang.targets.orgunits.model.RegisteredOrgUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The org-unit tree as a caller may see it, and changes to it. Each change changes the local copy every scope check reads, the
 * owner's registry, the audit log and the outbox in one transaction, so other services see the
 * change exactly when it is committed here.
 */
@Service
public class OrgUnitAdministration {

    private final OrgUnitRegistry registry;
    private final OrgUnitDirectory directory;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher listeners;

    public OrgUnitAdministration(OrgUnitRegistry registry, OrgUnitDirectory directory, EventPublisher events,
            AuditTrail audit, Clock clock, ApplicationEventPublisher listeners) {
        this.registry = registry;
        this.directory = directory;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** The unit (by current or former code) if the caller may see it; otherwise 404. */
    public RegisteredOrgUnit visibleUnit(String code, OrgScope scope) {
        return registry.findByCodeOrAlias(code)
                .filter(unit -> scope.contains(unit.unit()))
                .orElseThrow(() -> new NotFoundException("org unit", code));
    }

    /**
     * A unit a write's body refers to (by current or former code), as every service checks such
     * references (docs/security.md, "References in writes"): 400 naming the field when no unit has
     * the code, 403 when it lies outside the caller's scope. A unit the path names is a resource of
     * its own, and is {@link #visibleUnit} (404).
     */
    public RegisteredOrgUnit referencedUnit(String field, String code, OrgScope scope) {
        RegisteredOrgUnit unit = registry.findByCodeOrAlias(code).orElseThrow(() -> new RequestValidationException(
                List.of(new FieldViolation(field, "KnownOrgUnit", "is not a known org unit code"))));
        if (!scope.contains(unit.unit())) {
            throw new AccessDeniedException(field + " " + code + " is outside your scope");
        }
        return unit;
    }

    /** The subtree of the unit (by current or former code), parents before children, if the caller may see it; otherwise 404. */
    public List<RegisteredOrgUnit> visibleSubtree(String code, OrgScope scope) {
        return registry.subtree(visibleUnit(code, scope).path());
    }

    /** Every audited change of the unit (by current or former code), oldest first, if the caller may see it; otherwise 404. */
    public List<Map<String, Object>> history(String code, OrgScope scope) {
        return registry.history(visibleUnit(code, scope).id());
    }

    /** Adds a park under a county or city; its code is the parent's code + P + the next two digits. */
    @Transactional
    public RegisteredOrgUnit addPark(String parentCode, String nameZh, String nameEn, OrgScope scope) {
        RegisteredOrgUnit parent = referencedUnit("parentCode", parentCode, scope);
        if (!OrgUnitRules.mayHangUnder(OrgLevel.PARK, parent.level())) {
            throw new RequestValidationException(List.of(new FieldViolation("parentCode", "ParkParent",
                    "a park is added under a county or a city, not a " + parent.level())));
        }
        String code = OrgUnitRules.nextParkCode(parent.code(), registry.codesStartingWith(parent.code() + "P"));
        directory.upsert(code, parent.code(), OrgLevel.PARK, nameZh.strip(), blankToNull(nameEn));
        return define(UUID.randomUUID(), code, scope.caller());
    }

    /** Enters a unit that is already in the local copy into the registry, with its audit row and event. */
    @Transactional
    public RegisteredOrgUnit define(UUID id, String code, Caller actor) {
        registry.register(id, code, clock.instant());
        RegisteredOrgUnit defined = registry.findById(id).orElseThrow();
        audit.record(actor, "org-unit", id.toString(), "defined", null, snapshot(defined));
        publish(EventTypes.TARGETS_ORG_UNIT_DEFINED, defined, null, OrgUnitChanged.DEFINED);
        return defined;
    }

    @Transactional
    public RegisteredOrgUnit rename(String code, String nameZh, String nameEn, OrgScope scope) {
        RegisteredOrgUnit before = visibleUnit(code, scope);
        OrgUnit unit = before.unit();
        directory.upsert(unit.code(), unit.parentCode(), unit.level(), nameZh.strip(), blankToNull(nameEn));
        return changed(before, "renamed", null, OrgUnitChanged.RENAMED, scope.caller());
    }

    /** Hangs a unit (and everything below it) under another parent; both must be in the caller's scope. */
    @Transactional
    public RegisteredOrgUnit move(String code, String newParentCode, OrgScope scope) {
        RegisteredOrgUnit before = visibleUnit(code, scope);
        RegisteredOrgUnit newParent = referencedUnit("parentCode", newParentCode, scope);
        if (before.unit().equals(scope.unit())) {
            throw new AccessDeniedException("a unit cannot move itself");
        }
        if (!OrgUnitRules.mayHangUnder(before.level(), newParent.level())) {
            throw new RequestValidationException(List.of(new FieldViolation("parentCode", "ParentLevel",
                    "a " + before.level() + " cannot hang under a " + newParent.level())));
        }
        OrgUnit unit = before.unit();
        directory.upsert(unit.code(), newParent.code(), unit.level(), unit.nameZh(), unit.nameEn());
        return changed(before, "moved", null, OrgUnitChanged.MOVED, scope.caller());
    }

    /**
     * Gives a unit a new code (横县 450127 became 横州市 450181). The unit keeps its id, its targets and
     * its history; the old code becomes an alias that still finds it and is never given to another unit.
     */
    @Transactional
    public RegisteredOrgUnit changeCode(String code, String newCode, OrgScope scope) {
        RegisteredOrgUnit before = visibleUnit(code, scope);
        if (!OrgUnitRules.isWellFormedCode(newCode)) {
            throw new RequestValidationException(List.of(new FieldViolation("newCode", "Pattern",
                    "must be a six-digit division code, or a park code such as 450881P01")));
        }
        if (registry.isCodeTaken(newCode)) {
            throw new ConflictException("code " + newCode + " is or was already in use", java.util.Map.of("newCode", newCode));
        }
        Instant now = clock.instant();
        directory.changeCode(before.code(), newCode);
        registry.recode(before.id(), before.code(), newCode, now);
        listeners.publishEvent(new OrgUnitRecoded(before.code(), newCode, scope.caller(), now));
        return changed(before, "code-changed", before.code(), OrgUnitChanged.RECODED, scope.caller());
    }

    private RegisteredOrgUnit changed(RegisteredOrgUnit before, String action, String previousCode, String change,
            Caller actor) {
        RegisteredOrgUnit after = registry.findById(before.id()).orElseThrow();
        audit.record(actor, "org-unit", before.id().toString(), action, snapshot(before), snapshot(after));
        publish(EventTypes.TARGETS_ORG_UNIT_CHANGED, after, previousCode, change);
        return after;
    }

    private void publish(String type, RegisteredOrgUnit unit, String previousCode, String change) {
        OrgUnit u = unit.unit();
        events.publish(type, unit.id().toString(), u.code(), new OrgUnitChanged(unit.id(), u.code(), previousCode,
                unit.aliases(), u.parentCode(), u.level().name(), u.nameZh(), u.nameEn(), u.path(), change));
    }

    /** What the audit log keeps of a unit. */
    record Snapshot(String code, String parentCode, String level, String nameZh, String nameEn, String path,
            List<String> aliases) {
    }

    private static Snapshot snapshot(RegisteredOrgUnit unit) {
        OrgUnit u = unit.unit();
        return new Snapshot(u.code(), u.parentCode(), u.level().name(), u.nameZh(), u.nameEn(), u.path(), unit.aliases());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
