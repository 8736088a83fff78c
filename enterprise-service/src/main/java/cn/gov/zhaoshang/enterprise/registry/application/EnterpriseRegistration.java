package cn.gov.zhaoshang.enterprise.registry.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.enterprise.registry.infrastructure.EnterpriseRepository;
import cn.gov.zhaoshang.enterprise.registry.model.Enterprise;
import cn.gov.zhaoshang.enterprise.registry.model.Ownership;
import cn.gov.zhaoshang.enterprise.registry.model.SimilarName;
import cn.gov.zhaoshang.enterprise.registry.model.Uscc;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.OrgScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Enters enterprises into the registry: the row, its audit entry and its event, in one transaction. */
@Service
public class EnterpriseRegistration {

    /** Names at least this similar (pg_trgm, 0 to 1) to the new one are shown as possible duplicates. */
    static final double SIMILAR_NAME_THRESHOLD = 0.4;
    private static final int MAX_CANDIDATES = 5;

    private final EnterpriseRepository enterprises;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public EnterpriseRegistration(EnterpriseRepository enterprises, EventPublisher events, AuditTrail audit, Clock clock) {
        this.enterprises = enterprises;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** An enterprise to register; syntax is checked by the web layer, identity and references here. */
    public record RegisterEnterprise(String uscc, String country, String registrationNumber, String nameZh,
            String nameEn, List<String> formerNames, String headquartersAdminCode, String headquartersCountry,
            Ownership ownership, String industryCode, List<String> chainTags, boolean listed, UUID parentId) {
    }

    /** The registered enterprise, and the already registered ones whose names look like its name. */
    public record Registered(Enterprise enterprise, List<SimilarName> similarNames) {
    }

    @Transactional
    public Registered register(RegisterEnterprise command, OrgScope scope) {
        checkIdentityAndReferences(command);
        rejectDuplicateIdentity(command);
        // Looked up before the insert, so that the new record is not its own candidate.
        List<SimilarName> similar = enterprises.similarNames(command.nameZh(), SIMILAR_NAME_THRESHOLD, MAX_CANDIDATES);
        Enterprise enterprise = new Enterprise(UUID.randomUUID(), command.uscc(), command.country(),
                command.registrationNumber(), command.nameZh().strip(), blankToNull(command.nameEn()),
                command.formerNames() == null ? List.of() : command.formerNames(),
                command.headquartersAdminCode(), command.headquartersCountry(), command.ownership(),
                command.industryCode(), command.chainTags() == null ? List.of() : command.chainTags(),
                command.listed(), command.parentId(), false, clock.instant(), scope.caller().username(), 0, null);
        try {
            enterprises.insert(enterprise, scope.unit().code());
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // Registered by someone else between the check above and this insert.
            throw new ConflictException("this enterprise was registered meanwhile; search for it");
        }
        audit.record(scope.caller(), "enterprise", enterprise.id().toString(), "registered", null,
                enterprise.registeredEvent());
        events.publish(EventTypes.ENTERPRISE_REGISTERED, enterprise.id().toString(), regionOf(scope),
                enterprise.registeredEvent());
        return new Registered(enterprise, similar);
    }

    /**
     * Enters an enterprise known only from a list edition (an import): its name and, if the list
     * gives it, its USCC. An officer completes it later. An enterprise registered meanwhile under
     * the same USCC is returned instead of a second record.
     */
    @Transactional
    public Enterprise registerListOnly(String nameZh, String uscc, OrgScope scope) {
        if (uscc != null) {
            java.util.Optional<Enterprise> existing = enterprises.findByUscc(uscc);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Enterprise enterprise = new Enterprise(UUID.randomUUID(), uscc, null, null, nameZh.strip(), null, List.of(),
                null, null, null, null, List.of(), false, null, true, clock.instant(), scope.caller().username(), 0, null);
        enterprises.insert(enterprise, scope.unit().code());
        audit.record(scope.caller(), "enterprise", enterprise.id().toString(), "registered-from-list", null,
                enterprise.registeredEvent());
        events.publish(EventTypes.ENTERPRISE_REGISTERED, enterprise.id().toString(), regionOf(scope),
                enterprise.registeredEvent());
        return enterprise;
    }

    /**
     * The registry is the region's shared reference data: its events belong to the region at the
     * root of the caller's tree, so that every unit's subscribers see them.
     */
    public static String regionOf(OrgScope scope) {
        String path = scope.path();
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    private void checkIdentityAndReferences(RegisterEnterprise command) {
        List<FieldViolation> violations = new ArrayList<>();
        boolean hasUscc = command.uscc() != null;
        boolean hasForeignIdentity = command.country() != null || command.registrationNumber() != null;
        if (hasUscc && hasForeignIdentity) {
            violations.add(new FieldViolation("uscc", "OneIdentity",
                    "a Chinese enterprise is identified by its USCC, a foreign one by country and registration number, not both"));
        } else if (!hasUscc && !hasForeignIdentity) {
            violations.add(new FieldViolation("uscc", "Identity",
                    "give the USCC, or for a foreign enterprise its country and registration number"));
        }
        if (hasUscc) {
            Uscc.problemWith(command.uscc()).ifPresent(problem ->
                    violations.add(new FieldViolation("uscc", problem.rule(), problem.message())));
        }
        if (hasForeignIdentity && !hasUscc) {
            if (command.country() == null) {
                violations.add(new FieldViolation("country", "NotBlank", "a foreign enterprise needs its country"));
            } else if (command.country().equals("CN")) {
                violations.add(new FieldViolation("country", "Foreign",
                        "an enterprise registered in mainland China is identified by its USCC"));
            }
            if (command.registrationNumber() == null) {
                violations.add(new FieldViolation("registrationNumber", "NotBlank",
                        "a foreign enterprise needs its registration number there"));
            }
        }
        if (command.headquartersAdminCode() != null && command.headquartersCountry() != null) {
            violations.add(new FieldViolation("headquartersCountry", "OneLocation",
                    "a headquarters is either in China (admin code) or abroad (country), not both"));
        }
        if (command.parentId() != null && enterprises.findActive(command.parentId()).isEmpty()) {
            violations.add(new FieldViolation("parentId", "KnownEnterprise", "is not a registered enterprise"));
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
    }

    private void rejectDuplicateIdentity(RegisterEnterprise command) {
        (command.uscc() != null
                ? enterprises.findByUscc(command.uscc())
                : enterprises.findByForeignRegistration(command.country(), command.registrationNumber()))
                .ifPresent(existing -> {
                    throw new ConflictException("this enterprise is already registered as " + existing.nameZh(),
                            Map.of("existing", "/api/enterprises/" + existing.id(), "existingId", existing.id().toString()));
                });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
