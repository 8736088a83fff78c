package cn.gov.zhaoshang.enterprise.membership.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.enterprise.membership.infrastructure.MembershipRepository;
import cn.gov.zhaoshang.enterprise.membership.model.EnterpriseClass;
import cn.gov.zhaoshang.enterprise.membership.model.HeldClass;
import cn.gov.zhaoshang.enterprise.membership.model.ListEdition;
import cn.gov.zhaoshang.enterprise.membership.model.Membership;
import cn.gov.zhaoshang.enterprise.membership.model.ValidityKind;
import cn.gov.zhaoshang.enterprise.registry.application.EnterpriseRegistration;
import cn.gov.zhaoshang.enterprise.registry.infrastructure.EnterpriseRepository;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.OrgScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes list editions and records who is on them; answers which classes an enterprise held on a date. */
@Service
public class ListMemberships {

    private final MembershipRepository memberships;
    private final EnterpriseRepository enterprises;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public ListMemberships(MembershipRepository memberships, EnterpriseRepository enterprises, EventPublisher events,
            AuditTrail audit, Clock clock) {
        this.memberships = memberships;
        this.enterprises = enterprises;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ListEdition publishEdition(EnterpriseClass enterpriseClass, String edition, LocalDate publishedOn,
            Integer validYears, OrgScope scope) {
        if (enterpriseClass.validityKind() == ValidityKind.PERIOD && validYears == null) {
            throw new RequestValidationException(List.of(new FieldViolation("validYears", "NotNull",
                    "a batch or certificate (" + enterpriseClass.labelZh() + ") states its validity period in years")));
        }
        if (enterpriseClass.validityKind() != ValidityKind.PERIOD && validYears != null) {
            throw new RequestValidationException(List.of(new FieldViolation("validYears", "Null",
                    enterpriseClass.labelZh() + " memberships have no stated period")));
        }
        memberships.findEdition(enterpriseClass, edition).ifPresent(existing -> {
            throw new ConflictException("this edition is already recorded",
                    Map.of("existing", "/api/list-editions/" + existing.id()));
        });
        ListEdition created = new ListEdition(UUID.randomUUID(), enterpriseClass, edition.strip(), publishedOn, validYears);
        memberships.insertEdition(created, clock.instant(), scope.caller().username());
        audit.record(scope.caller(), "list_edition", created.id().toString(), "published", null, created);
        return created;
    }

    public ListEdition edition(UUID editionId) {
        return memberships.findEdition(editionId).orElseThrow(() -> new NotFoundException("list edition", editionId));
    }

    /**
     * @param validFrom defaults to the edition's publication date
     * @param validUntil for a standing designation, when it was withdrawn; a batch's end follows from
     *     its stated period and a ranked list's from the next edition, so neither may be given
     */
    @Transactional
    public Membership add(UUID editionId, UUID enterpriseId, Integer rank, LocalDate validFrom, LocalDate validUntil,
            OrgScope scope) {
        ListEdition edition = edition(editionId);
        List<FieldViolation> violations = new ArrayList<>();
        if (enterprises.findActive(enterpriseId).isEmpty()) {
            violations.add(new FieldViolation("enterpriseId", "KnownEnterprise", "is not a registered enterprise (or was merged into another)"));
        }
        if (validUntil != null && edition.enterpriseClass().validityKind() != ValidityKind.STANDING) {
            violations.add(new FieldViolation("validUntil", "Null", "follows from the list ("
                    + edition.enterpriseClass().validityKind() + ") and is not entered"));
        }
        LocalDate start = validFrom == null ? edition.publishedOn() : validFrom;
        LocalDate end = validUntil != null ? validUntil : edition.validUntilFor(start);
        if (end != null && !end.isAfter(start)) {
            violations.add(new FieldViolation("validUntil", "AfterValidFrom", "must be after the start of validity"));
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        memberships.find(editionId, enterpriseId).ifPresent(existing -> {
            throw new ConflictException("the enterprise is already on this edition",
                    Map.of("existing", "/api/memberships/" + existing.id()));
        });
        Membership membership = new Membership(UUID.randomUUID(), edition, enterpriseId, rank, start, end);
        memberships.insert(membership, clock.instant(), scope.caller().username());
        audit.record(scope.caller(), "membership", membership.id().toString(), "added", null, membership.classifiedEvent("ADDED"));
        events.publish(EventTypes.ENTERPRISE_CLASSIFIED, enterpriseId.toString(), EnterpriseRegistration.regionOf(scope),
                membership.classifiedEvent("ADDED"));
        return membership;
    }

    /** Takes back a membership entered by mistake. */
    @Transactional
    public void remove(UUID membershipId, OrgScope scope) {
        Membership membership = memberships.find(membershipId)
                .orElseThrow(() -> new NotFoundException("membership", membershipId));
        memberships.delete(membershipId);
        audit.record(scope.caller(), "membership", membershipId.toString(), "removed", membership.classifiedEvent("ADDED"), null);
        events.publish(EventTypes.ENTERPRISE_CLASSIFIED, membership.enterpriseId().toString(),
                EnterpriseRegistration.regionOf(scope), membership.classifiedEvent("REMOVED"));
    }

    /** The classes the enterprise, or a group above it, held on {@code on}. */
    public List<HeldClass> classesOn(UUID enterpriseId, LocalDate on) {
        if (enterprises.find(enterpriseId).isEmpty()) {
            throw new NotFoundException("enterprise", enterpriseId);
        }
        return memberships.classesOn(enterpriseId, on);
    }
}
