package cn.gov.zhaoshang.targets.teams.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.targets.TeamChanged;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.targets.orgunits.application.OrgUnitAdministration;
import cn.gov.zhaoshang.targets.orgunits.model.RegisteredOrgUnit;
import cn.gov.zhaoshang.targets.teams.infrastructure.ResidentTeamRepository;
import cn.gov.zhaoshang.targets.teams.model.ResidentTeam;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads, creates, changes and closes resident teams within the caller's scope; each change is audited and published. */
@Service
public class TeamAdministration {

    /** Business dates (a team's active days) are dates in China. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The orders a list of teams can be sorted by. */
    public static final SortOrders SORT_ORDERS = ResidentTeamRepository.SORT_ORDERS;

    private final ResidentTeamRepository teams;
    private final OrgUnitAdministration orgUnits;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public TeamAdministration(ResidentTeamRepository teams, OrgUnitAdministration orgUnits, EventPublisher events,
            AuditTrail audit, Clock clock) {
        this.teams = teams;
        this.orgUnits = orgUnits;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a team is made of; {@code leadDepartment} only for a team of the region. */
    public record TeamDetails(String name, String keyArea, int memberCount, LocalDate activeFrom, LocalDate activeUntil) {
    }

    public ResidentTeam find(UUID id, OrgScope scope) {
        return teams.findInScope(id, scope).orElseThrow(() -> new NotFoundException("resident team", id));
    }

    public List<ResidentTeam> page(OrgScope scope, SortOrders.Order sort, int page, int size) {
        return teams.pageInScope(scope, sort, page, size);
    }

    public long count(OrgScope scope) {
        return teams.countInScope(scope);
    }

    /** The key areas of the reference list, open or not: code → {nameZh, nameEn, active}. */
    public List<Map<String, Object>> keyAreas() {
        return teams.keyAreas();
    }

    @Transactional
    public ResidentTeam create(String orgUnit, String leadDepartment, TeamDetails details, OrgScope scope) {
        RegisteredOrgUnit unit = orgUnits.referencedUnit("orgUnit", orgUnit, scope);
        List<FieldViolation> violations = new ArrayList<>(check(details));
        if (unit.level() != OrgLevel.CITY && unit.level() != OrgLevel.REGION) {
            violations.add(new FieldViolation("orgUnit", "TeamOwner", "a team belongs to a city or to a regional lead department"));
        }
        boolean hasDepartment = leadDepartment != null && !leadDepartment.isBlank();
        if (unit.level() == OrgLevel.REGION && !hasDepartment) {
            violations.add(new FieldViolation("leadDepartment", "Required", "a team of the region names its lead department"));
        }
        if (unit.level() == OrgLevel.CITY && hasDepartment) {
            violations.add(new FieldViolation("leadDepartment", "NotApplicable", "a city's team has no lead department"));
        }
        reject(violations);
        ResidentTeam team = new ResidentTeam(UUID.randomUUID(), unit.id(), unit.code(), hasDepartment ? leadDepartment.strip() : null,
                details.name().strip(), details.keyArea(), details.memberCount(), details.activeFrom(), details.activeUntil(),
                false, Map.of(), 0);
        teams.insert(team, clock.instant());
        audit.record(scope.caller(), "resident-team", team.id().toString(), "defined", null, team);
        publish(EventTypes.TARGETS_TEAM_DEFINED, team, "DEFINED");
        return team;
    }

    @Transactional
    public ResidentTeam change(UUID id, TeamDetails details, OrgScope scope) {
        ResidentTeam before = openTeam(id, scope);
        reject(check(details));
        ResidentTeam changed = new ResidentTeam(before.id(), before.unitId(), before.unitCode(), before.leadDepartment(),
                details.name().strip(), details.keyArea(), details.memberCount(), details.activeFrom(),
                details.activeUntil(), false, before.contractTargets(), before.version());
        return save(before, changed, "changed", "CHANGED", scope);
    }

    /** Closes a team: it stays on record, active until {@code closedOn} (today if not given). */
    @Transactional
    public ResidentTeam close(UUID id, LocalDate closedOn, OrgScope scope) {
        ResidentTeam before = openTeam(id, scope);
        LocalDate until = closedOn != null ? closedOn : LocalDate.now(clock.withZone(CHINA));
        if (until.isBefore(before.activeFrom())) {
            reject(List.of(new FieldViolation("closedOn", "AfterActiveFrom", "a team closes on or after its first active day")));
        }
        ResidentTeam closed = new ResidentTeam(before.id(), before.unitId(), before.unitCode(), before.leadDepartment(),
                before.name(), before.keyArea(), before.memberCount(), before.activeFrom(), until, true,
                before.contractTargets(), before.version());
        return save(before, closed, "closed", "CLOSED", scope);
    }

    /** Sets the team's own contract target of a year (the unit's target for all its teams is an annual target). */
    @Transactional
    public ResidentTeam setContractTarget(UUID id, int year, BigDecimal amount, OrgScope scope) {
        ResidentTeam before = find(id, scope);
        teams.setTarget(id, year, amount.setScale(2));
        ResidentTeam after = find(id, scope);
        audit.record(scope.caller(), "resident-team", id.toString(), "target-set", before, after);
        publish(EventTypes.TARGETS_TEAM_CHANGED, after, "TARGET_SET");
        return after;
    }

    private ResidentTeam openTeam(UUID id, OrgScope scope) {
        ResidentTeam team = find(id, scope);
        if (team.closed()) {
            throw new ConflictException("resident team " + id + " is closed", Map.of("teamId", id.toString()));
        }
        return team;
    }

    private ResidentTeam save(ResidentTeam before, ResidentTeam after, String action, String change, OrgScope scope) {
        teams.update(after);
        ResidentTeam saved = find(after.id(), scope);
        audit.record(scope.caller(), "resident-team", after.id().toString(), action, before, saved);
        publish(EventTypes.TARGETS_TEAM_CHANGED, saved, change);
        return saved;
    }

    private List<FieldViolation> check(TeamDetails details) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!teams.isActiveKeyArea(details.keyArea())) {
            violations.add(new FieldViolation("keyArea", "KnownKeyArea", "is not a key area of the reference list"));
        }
        if (details.activeUntil() != null && details.activeUntil().isBefore(details.activeFrom())) {
            violations.add(new FieldViolation("activeUntil", "AfterActiveFrom", "must not be before activeFrom"));
        }
        return violations;
    }

    private static void reject(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
    }

    private void publish(String type, ResidentTeam team, String change) {
        Map<String, String> targets = new LinkedHashMap<>();
        team.contractTargets().forEach((year, amount) -> targets.put(String.valueOf(year), amount.setScale(2).toPlainString()));
        events.publish(type, team.id().toString(), team.unitCode(), new TeamChanged(team.id(), team.unitCode(),
                team.leadDepartment(), team.name(), team.keyArea(), team.memberCount(), team.activeFrom(),
                team.activeUntil(), team.closed(), targets, change));
    }
}
