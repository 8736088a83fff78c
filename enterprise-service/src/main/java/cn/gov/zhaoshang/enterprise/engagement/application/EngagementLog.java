package cn.gov.zhaoshang.enterprise.engagement.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.enterprise.engagement.infrastructure.EngagementRepository;
import cn.gov.zhaoshang.enterprise.engagement.infrastructure.EngagementRepository.FunnelCounts;
import cn.gov.zhaoshang.enterprise.engagement.infrastructure.EngagementRepository.LeaderTrips;
import cn.gov.zhaoshang.enterprise.engagement.model.Engagement;
import cn.gov.zhaoshang.enterprise.engagement.model.EngagementKind;
import cn.gov.zhaoshang.enterprise.engagement.model.LeaderRequirement;
import cn.gov.zhaoshang.enterprise.engagement.model.LeaderRole;
import cn.gov.zhaoshang.enterprise.engagement.model.Outcome;
import cn.gov.zhaoshang.enterprise.registry.infrastructure.EnterpriseRepository;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.References;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records engagements within the recording unit's scope, and answers the funnel and leader-activity questions. */
@Service
public class EngagementLog {

    private final EngagementRepository engagements;
    private final EnterpriseRepository enterprises;
    private final OrgUnitDirectory orgUnits;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final References references;
    private final Clock clock;

    public EngagementLog(EngagementRepository engagements, EnterpriseRepository enterprises, OrgUnitDirectory orgUnits,
            EventPublisher events, AuditTrail audit, References references, Clock clock) {
        this.engagements = engagements;
        this.enterprises = enterprises;
        this.orgUnits = orgUnits;
        this.events = events;
        this.audit = audit;
        this.references = references;
        this.clock = clock;
    }

    public record RecordEngagement(EngagementKind kind, String orgUnit, String team, LocalDate occurredOn,
            List<UUID> enterpriseIds, List<String> participants, String leaderName, LeaderRole leaderRole,
            String leaderUnit, String destinationArea, Outcome outcome, BigDecimal intentAmount,
            String intentIndustryCode) {
    }

    @Transactional
    public Engagement record(RecordEngagement command, OrgScope scope) {
        List<FieldViolation> violations = new ArrayList<>();
        OrgUnit unit = orgUnits.find(command.orgUnit()).orElse(null);
        if (unit == null) {
            violations.add(new FieldViolation("orgUnit", "KnownOrgUnit", "is not a known org unit code"));
        }
        List<UUID> enterpriseIds = List.copyOf(new LinkedHashSet<>(command.enterpriseIds()));
        if (enterpriseIds.isEmpty() || (!command.kind().manyEnterprises() && enterpriseIds.size() != 1)) {
            violations.add(new FieldViolation("enterpriseIds", "Count", "a " + command.kind().labelZh() + " involves "
                    + (command.kind().manyEnterprises() ? "one or more enterprises" : "exactly one enterprise")));
        } else if (enterpriseIds.stream().anyMatch(id -> enterprises.findActive(id).isEmpty())) {
            violations.add(new FieldViolation("enterpriseIds", "KnownEnterprise", "names an enterprise that is not registered"));
        }
        if (command.kind() == EngagementKind.LEADER_TRIP) {
            if (command.leaderName() == null) {
                violations.add(new FieldViolation("leaderName", "NotBlank", "a leader-led trip names its leader"));
            }
            if (command.leaderRole() == null) {
                violations.add(new FieldViolation("leaderRole", "NotNull", "PRINCIPAL or DEPUTY"));
            }
            if (command.leaderUnit() == null || !orgUnits.exists(command.leaderUnit())) {
                violations.add(new FieldViolation("leaderUnit", "KnownOrgUnit", "the leader's unit must be a known org unit"));
            }
            if (command.destinationArea() == null || !engagements.destinationAreaExists(command.destinationArea())) {
                violations.add(new FieldViolation("destinationArea", "KnownArea", "must be a destination area such as GBA, YRD or BTH"));
            }
        }
        if (command.outcome() == Outcome.INTENT) {
            if (command.intentAmount() == null) {
                violations.add(new FieldViolation("intentAmount", "NotNull", "an intent states its amount"));
            }
            if (command.intentIndustryCode() == null) {
                violations.add(new FieldViolation("intentIndustryCode", "NotNull", "an intent states its industry"));
            }
        } else if (command.intentAmount() != null || command.intentIndustryCode() != null) {
            violations.add(new FieldViolation("intentAmount", "Null", "only an intent has an amount and an industry"));
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        if (!scope.contains(unit)) {
            throw new AccessDeniedException("org unit " + unit.code() + " is outside your scope");
        }
        boolean trip = command.kind() == EngagementKind.LEADER_TRIP;
        if (trip) {
            // a trip counts in its leader's unit's activity: only that unit's bureau, or one above it, records it
            references.orgUnitInScope("leaderUnit", command.leaderUnit(), scope);
        }
        Engagement engagement = new Engagement(UUID.randomUUID(), command.kind(), unit.code(), blankToNull(command.team()),
                command.occurredOn(), enterpriseIds, command.participants(), trip ? command.leaderName() : null,
                trip ? command.leaderRole() : null, trip ? command.leaderUnit() : null,
                trip ? command.destinationArea() : null, command.outcome(),
                command.intentAmount() == null ? null : command.intentAmount().setScale(2),
                command.intentIndustryCode(), clock.instant(), scope.caller().username());
        engagements.insert(engagement);
        audit.record(scope.caller(), "engagement", engagement.id().toString(), "recorded", null, engagement.recordedEvent());
        events.publish(EventTypes.ENGAGEMENT_RECORDED, engagement.id().toString(), unit.code(), engagement.recordedEvent());
        return engagement;
    }

    public record Page(List<Engagement> items, long total) {
    }

    public Page page(OrgScope scope, int page, int size) {
        return new Page(engagements.pageInScope(scope, page, size), engagements.countInScope(scope));
    }

    public Engagement find(UUID id, OrgScope scope) {
        return engagements.findInScope(id, scope).orElseThrow(() -> new NotFoundException("engagement", id));
    }

    /**
     * A unit's (or one of its teams') funnel: distinct enterprises docked, visiting, with an intent.
     *
     * @param visitReturnRate the share of docked enterprises that came to visit, in percent with 2 decimals
     */
    public record Funnel(String orgUnit, String team, LocalDate from, LocalDate to, long docked, long visited,
            long withIntent, BigDecimal visitReturnRate) {
    }

    public Funnel funnel(String orgUnit, String team, LocalDate from, LocalDate to, OrgScope scope) {
        OrgUnit unit = unitInScope(orgUnit, scope);
        FunnelCounts counts = engagements.funnel(unit.path(), blankToNull(team), from, to);
        BigDecimal rate = counts.docked() == 0 ? null
                : BigDecimal.valueOf(counts.visitedAfterDocking()).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(counts.docked()), 2, RoundingMode.HALF_UP);
        return new Funnel(unit.code(), blankToNull(team), from, to, counts.docked(), counts.visited(),
                counts.withIntent(), rate);
    }

    /** One leader's trips to key areas in a half year, against the requirement of their role. */
    public record LeaderActivity(String leaderName, LeaderRole role, String leaderUnit, long keyAreaTrips,
            Integer required, Boolean met) {
    }

    public List<LeaderActivity> leaderActivity(String orgUnit, int year, int half, OrgScope scope) {
        OrgUnit unit = unitInScope(orgUnit, scope);
        LocalDate from = LocalDate.of(year, half == 1 ? 1 : 7, 1);
        LocalDate to = from.plusMonths(6).minusDays(1);
        return engagements.leaderTrips(unit.path(), from, to).stream().map(trips -> {
            OptionalInt required = orgUnits.find(trips.leaderUnit())
                    .map(leaderUnit -> LeaderRequirement.tripsPerHalfYear(leaderUnit.level(), trips.role()))
                    .orElse(OptionalInt.empty());
            return toActivity(trips, required);
        }).toList();
    }

    private static LeaderActivity toActivity(LeaderTrips trips, OptionalInt required) {
        return new LeaderActivity(trips.leaderName(), trips.role(), trips.leaderUnit(), trips.keyAreaTrips(),
                required.isPresent() ? required.getAsInt() : null,
                required.isPresent() ? trips.keyAreaTrips() >= required.getAsInt() : null);
    }

    private OrgUnit unitInScope(String orgUnit, OrgScope scope) {
        return orgUnits.find(orgUnit).filter(scope::contains)
                .orElseThrow(() -> new NotFoundException("org unit", orgUnit));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
