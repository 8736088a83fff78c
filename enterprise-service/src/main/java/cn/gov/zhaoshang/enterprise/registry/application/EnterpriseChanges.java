package cn.gov.zhaoshang.enterprise.registry.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.enterprise.EnterpriseMerged;
import cn.gov.zhaoshang.enterprise.registry.infrastructure.EnterpriseRepository;
import cn.gov.zhaoshang.enterprise.registry.model.Enterprise;
import cn.gov.zhaoshang.enterprise.registry.model.Ownership;
import cn.gov.zhaoshang.enterprise.registry.model.Uscc;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.OrgScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes registered enterprises and merges duplicate records, each with its audit entry and event. */
@Service
public class EnterpriseChanges {

    private final EnterpriseRepository enterprises;
    private final RegistryStewards stewards;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public EnterpriseChanges(EnterpriseRepository enterprises, RegistryStewards stewards, EventPublisher events, AuditTrail audit,
            Clock clock) {
        this.stewards = stewards;
        this.enterprises = enterprises;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The enterprise's descriptive fields as they should be. The identity stays: a USCC can only be
     * added to a record that has none (a list-only record being completed).
     *
     * @param version the version the caller read; a record changed since then is a conflict
     */
    public record ChangeEnterprise(long version, String uscc, String nameZh, String nameEn, List<String> formerNames,
            String headquartersAdminCode, String headquartersCountry, Ownership ownership, String industryCode,
            List<String> chainTags, boolean listed, UUID parentId) {
    }

    @Transactional
    public Enterprise change(UUID id, ChangeEnterprise command, OrgScope scope) {
        Enterprise current = enterprises.find(id).filter(e -> e.mergedInto() == null)
                .orElseThrow(() -> new NotFoundException("enterprise", id));
        stewards.require(enterprises.registeredUnitOf(id), scope, "this enterprise");
        if (current.version() != command.version()) {
            throw new ConflictException("the enterprise was changed since you read it; read it again",
                    Map.of("currentVersion", current.version()));
        }
        List<FieldViolation> violations = new ArrayList<>();
        String uscc = current.uscc();
        if (command.uscc() != null && !command.uscc().equals(current.uscc())) {
            if (current.uscc() != null) {
                violations.add(new FieldViolation("uscc", "Identity",
                        "a registered USCC does not change; a different USCC is a different enterprise"));
            } else {
                Uscc.problemWith(command.uscc()).ifPresent(problem ->
                        violations.add(new FieldViolation("uscc", problem.rule(), problem.message())));
                uscc = command.uscc();
            }
        }
        if (command.headquartersAdminCode() != null && command.headquartersCountry() != null) {
            violations.add(new FieldViolation("headquartersCountry", "OneLocation",
                    "a headquarters is either in China (admin code) or abroad (country), not both"));
        }
        if (command.parentId() != null) {
            if (enterprises.findActive(command.parentId()).isEmpty()) {
                violations.add(new FieldViolation("parentId", "KnownEnterprise", "is not a registered enterprise"));
            } else if (enterprises.isInLineageOf(command.parentId(), id)) {
                violations.add(new FieldViolation("parentId", "NoCycle", "an enterprise cannot be a group above itself"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        if (uscc != null && current.uscc() == null) {
            enterprises.findByUscc(uscc).ifPresent(other -> {
                throw new ConflictException("this USCC belongs to another record; merge the two instead",
                        Map.of("existing", "/api/enterprises/" + other.id(), "existingId", other.id().toString()));
            });
        }
        String nameZh = command.nameZh().strip();
        LinkedHashSet<String> formerNames = new LinkedHashSet<>(command.formerNames() == null ? List.of() : command.formerNames());
        if (!nameZh.equals(current.nameZh())) {
            // A renamed enterprise stays findable under the name it had.
            formerNames.add(current.nameZh());
        }
        formerNames.remove(nameZh);
        boolean hasIdentity = uscc != null || (current.country() != null && current.registrationNumber() != null);
        Enterprise changed = current.changed(uscc, current.country(), current.registrationNumber(), nameZh,
                blankToNull(command.nameEn()), List.copyOf(formerNames), command.headquartersAdminCode(),
                command.headquartersCountry(), command.ownership(), command.industryCode(),
                command.chainTags() == null ? List.of() : command.chainTags(), command.listed(), command.parentId(),
                !hasIdentity);
        List<String> fields = changed.differencesFrom(current);
        if (fields.isEmpty()) {
            return current;
        }
        enterprises.update(changed);
        Instant now = clock.instant();
        audit.record(scope.caller(), "enterprise", id.toString(), "changed", current.registeredEvent(),
                changed.changedEvent(fields, now));
        events.publish(EventTypes.ENTERPRISE_CHANGED, id.toString(), EnterpriseRegistration.regionOf(scope),
                changed.changedEvent(fields, now));
        return changed;
    }

    /**
     * Merges a duplicate record into the survivor: memberships, engagements, contacts and subsidiaries
     * move over, the survivor takes the identity it lacked and the duplicate's names as former names.
     */
    @Transactional
    public Enterprise merge(UUID survivorId, UUID duplicateId, OrgScope scope) {
        if (survivorId.equals(duplicateId)) {
            throw new RequestValidationException(List.of(new FieldViolation("duplicateId", "Different", "a record is not its own duplicate")));
        }
        Enterprise survivor = enterprises.find(survivorId).filter(e -> e.mergedInto() == null)
                .orElseThrow(() -> new NotFoundException("enterprise", survivorId));
        Enterprise duplicate = enterprises.find(duplicateId).filter(e -> e.mergedInto() == null)
                .orElseThrow(() -> new NotFoundException("enterprise", duplicateId));
        // a merge changes both records
        stewards.require(enterprises.registeredUnitOf(survivorId), scope, "the surviving enterprise");
        stewards.require(enterprises.registeredUnitOf(duplicateId), scope, "the duplicate enterprise");
        if (survivor.uscc() != null && duplicate.uscc() != null && !survivor.uscc().equals(duplicate.uscc())) {
            throw new ConflictException("the two records have different USCCs: they are two enterprises");
        }
        boolean survivorIsForeign = survivor.country() != null;
        boolean duplicateIsForeign = duplicate.country() != null;
        if (survivorIsForeign && duplicateIsForeign && !(Objects.equals(survivor.country(), duplicate.country())
                && Objects.equals(survivor.registrationNumber(), duplicate.registrationNumber()))) {
            throw new ConflictException("the two records have different foreign registrations: they are two enterprises");
        }
        String uscc = survivor.uscc() != null ? survivor.uscc() : duplicate.uscc();
        String country = survivor.country() != null ? survivor.country() : (uscc == null ? duplicate.country() : null);
        String registrationNumber = survivor.country() != null ? survivor.registrationNumber()
                : (uscc == null ? duplicate.registrationNumber() : null);
        LinkedHashSet<String> formerNames = new LinkedHashSet<>(survivor.formerNames());
        formerNames.add(duplicate.nameZh());
        formerNames.addAll(duplicate.formerNames());
        formerNames.remove(survivor.nameZh());
        boolean hasIdentity = uscc != null || (country != null && registrationNumber != null);
        Enterprise merged = survivor.changed(uscc, country, registrationNumber, survivor.nameZh(),
                survivor.nameEn() != null ? survivor.nameEn() : duplicate.nameEn(), List.copyOf(formerNames),
                firstNonNull(survivor.headquartersAdminCode(), duplicate.headquartersAdminCode()),
                firstNonNull(survivor.headquartersCountry(), duplicate.headquartersCountry()),
                firstNonNull(survivor.ownership(), duplicate.ownership()),
                firstNonNull(survivor.industryCode(), duplicate.industryCode()),
                List.copyOf(new LinkedHashSet<>(concat(survivor.chainTags(), duplicate.chainTags()))),
                survivor.listed() || duplicate.listed(),
                survivor.parentId() != null && !survivor.parentId().equals(duplicateId) ? survivor.parentId()
                        : (duplicate.parentId() != null && !duplicate.parentId().equals(survivorId) ? duplicate.parentId() : null),
                // Complete once an officer's record is part of it; list-only as long as it has no identity.
                (survivor.listOnly() && duplicate.listOnly()) || !hasIdentity);
        if (duplicate.uscc() != null || duplicate.country() != null) {
            enterprises.clearIdentity(duplicateId);
        }
        enterprises.mergeInto(duplicateId, survivorId);
        Instant now = clock.instant();
        List<String> fields = merged.differencesFrom(survivor);
        if (!fields.isEmpty()) {
            enterprises.update(merged);
            events.publish(EventTypes.ENTERPRISE_CHANGED, survivorId.toString(), EnterpriseRegistration.regionOf(scope),
                    merged.changedEvent(fields, now));
        }
        EnterpriseMerged event = new EnterpriseMerged(duplicateId, survivorId, now);
        audit.record(scope.caller(), "enterprise", duplicateId.toString(), "merged", duplicate.registeredEvent(), event);
        events.publish(EventTypes.ENTERPRISE_MERGED, duplicateId.toString(), EnterpriseRegistration.regionOf(scope), event);
        return fields.isEmpty() ? survivor : merged;
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
