package cn.gov.zhaoshang.targets.annual.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.targets.TargetSet;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.targets.annual.application.Decomposition.Allocation;
import cn.gov.zhaoshang.targets.annual.application.Decomposition.ChildTargets;
import cn.gov.zhaoshang.targets.annual.application.Decomposition.FigureAllocation;
import cn.gov.zhaoshang.targets.annual.infrastructure.AnnualTargetRepository;
import cn.gov.zhaoshang.targets.annual.model.TargetFigure;
import cn.gov.zhaoshang.targets.annual.model.TargetStatus;
import cn.gov.zhaoshang.targets.orgunits.application.OrgUnitAdministration;
import cn.gov.zhaoshang.targets.orgunits.infrastructure.OrgUnitRegistry;
import cn.gov.zhaoshang.targets.orgunits.model.RegisteredOrgUnit;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets, drafts and confirms annual targets. Only a target admin of a strict ancestor sets a unit's
 * targets: a unit outside the caller's scope is unknown to them (404), and their own unit is
 * refused (403) — a county never sets its own or a sibling's, a city sets its counties' and parks',
 * the region its cities'.
 */
@Service
public class TargetSetting {

    private final AnnualTargetRepository targets;
    private final OrgUnitAdministration orgUnits;
    private final OrgUnitRegistry registry;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public TargetSetting(AnnualTargetRepository targets, OrgUnitAdministration orgUnits, OrgUnitRegistry registry,
            EventPublisher events, AuditTrail audit, Clock clock) {
        this.targets = targets;
        this.orgUnits = orgUnits;
        this.registry = registry;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public UnitTargets read(String unitCode, int year, OrgScope scope) {
        return view(orgUnits.visibleUnit(unitCode, scope), year);
    }

    /**
     * Sets some of a unit's confirmed figures for a year; a figure given as null or empty loses its
     * target, figures not mentioned keep theirs. An actual change is audited and published with
     * the figures before and after; setting the same values again changes nothing.
     *
     * @param figures figure code → decimal string
     */
    @Transactional
    public UnitTargets set(String unitCode, int year, Map<String, String> figures, OrgScope scope) {
        RegisteredOrgUnit unit = settable(orgUnits.referencedUnit("orgUnit", unitCode, scope), scope);
        Map<TargetFigure, Optional<BigDecimal>> changes = parse(figures);
        List<FieldViolation> unfit = new ArrayList<>();
        changes.forEach((figure, value) -> value.flatMap(v -> figure.problemFor(unit.level(), v)).ifPresent(problem ->
                unfit.add(new FieldViolation("figures." + figure.name(), "FigureForLevel", problem))));
        if (!unfit.isEmpty()) {
            throw new RequestValidationException(unfit);
        }
        Map<TargetFigure, BigDecimal> before = targets.figures(unit.id(), year, TargetStatus.CONFIRMED);
        Map<TargetFigure, BigDecimal> after = new EnumMap<>(TargetFigure.class);
        after.putAll(before);
        changes.forEach((figure, value) -> value.ifPresentOrElse(v -> after.put(figure, v), () -> after.remove(figure)));
        confirm(unit, year, before, after, "targets-set", scope);
        return view(unit, year);
    }

    /**
     * Proposes next year's targets from this year's confirmed ones, grown by {@code growthRatePercent}
     * (the Guangxi plan asks for at least 10% a year). The draft replaces any earlier draft and
     * counts for nothing until {@link #confirmDraft confirmed}.
     */
    @Transactional
    public UnitTargets draftNextYear(String unitCode, int year, BigDecimal growthRatePercent, OrgScope scope) {
        RegisteredOrgUnit unit = settableUnit(unitCode, scope);
        Map<TargetFigure, BigDecimal> thisYear = targets.figures(unit.id(), year, TargetStatus.CONFIRMED);
        if (thisYear.isEmpty()) {
            throw new ConflictException("unit " + unit.code() + " has no confirmed targets for " + year + " to grow from",
                    Map.of("orgUnit", unit.code(), "year", year));
        }
        Map<TargetFigure, BigDecimal> draft = new EnumMap<>(TargetFigure.class);
        thisYear.forEach((figure, value) -> draft.put(figure, figure.nextYear(value, growthRatePercent)));
        Map<TargetFigure, BigDecimal> previousDraft = targets.figures(unit.id(), year + 1, TargetStatus.DRAFT);
        targets.replace(unit.id(), year + 1, TargetStatus.DRAFT, draft, scope.caller().username(), clock.instant());
        audit.record(scope.caller(), "annual-target", auditId(unit, year + 1), "next-year-drafted",
                previousDraft.isEmpty() ? null : codes(previousDraft),
                Map.of("growthRatePercent", growthRatePercent.toPlainString(), "draft", codes(draft)));
        return view(unit, year + 1);
    }

    /** Puts the unit's draft of the year in force in place of its confirmed targets. */
    @Transactional
    public UnitTargets confirmDraft(String unitCode, int year, OrgScope scope) {
        RegisteredOrgUnit unit = settableUnit(unitCode, scope);
        Map<TargetFigure, BigDecimal> draft = targets.figures(unit.id(), year, TargetStatus.DRAFT);
        if (draft.isEmpty()) {
            throw new ConflictException("unit " + unit.code() + " has no draft targets for " + year,
                    Map.of("orgUnit", unit.code(), "year", year));
        }
        Map<TargetFigure, BigDecimal> before = targets.figures(unit.id(), year, TargetStatus.CONFIRMED);
        targets.replace(unit.id(), year, TargetStatus.DRAFT, Map.of(), scope.caller().username(), clock.instant());
        confirm(unit, year, before, draft, "draft-confirmed", scope);
        return view(unit, year);
    }

    @Transactional(readOnly = true)
    public Decomposition decomposition(String unitCode, int year, OrgScope scope) {
        RegisteredOrgUnit unit = orgUnits.visibleUnit(unitCode, scope);
        Map<TargetFigure, BigDecimal> parent = targets.figures(unit.id(), year, TargetStatus.CONFIRMED);
        List<RegisteredOrgUnit> children = registry.children(unit.code());
        Map<java.util.UUID, Map<TargetFigure, BigDecimal>> childTargets =
                targets.confirmedOf(children.stream().map(RegisteredOrgUnit::id).toList(), year);
        List<FigureAllocation> allocations = new ArrayList<>();
        for (TargetFigure figure : TargetFigure.values()) {
            if (!figure.kind().additive()) {
                continue;
            }
            BigDecimal parentTarget = parent.get(figure);
            List<BigDecimal> childValues = children.stream()
                    .map(child -> childTargets.getOrDefault(child.id(), Map.of()).get(figure))
                    .filter(java.util.Objects::nonNull).toList();
            if (parentTarget == null && childValues.isEmpty()) {
                continue;
            }
            BigDecimal sum = figure.normalize(childValues.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
            BigDecimal difference = parentTarget == null ? null : sum.subtract(parentTarget);
            Allocation allocation = difference == null ? Allocation.NO_PARENT_TARGET
                    : switch (difference.signum()) {
                        case 0 -> Allocation.EXACT;
                        case 1 -> Allocation.OVER;
                        default -> Allocation.UNDER;
                    };
            allocations.add(new FigureAllocation(figure, parentTarget, sum, difference, allocation,
                    children.size() - childValues.size()));
        }
        List<ChildTargets> childRows = children.stream()
                .map(child -> new ChildTargets(child, childTargets.getOrDefault(child.id(), Map.of())))
                .toList();
        return new Decomposition(unit, year, allocations, childRows);
    }

    private void confirm(RegisteredOrgUnit unit, int year, Map<TargetFigure, BigDecimal> before,
            Map<TargetFigure, BigDecimal> after, String action, OrgScope scope) {
        if (before.equals(after)) {
            return;
        }
        Instant now = clock.instant();
        targets.replace(unit.id(), year, TargetStatus.CONFIRMED, after, scope.caller().username(), now);
        Map<String, String> beforeCodes = before.isEmpty() ? null : codes(before);
        audit.record(scope.caller(), "annual-target", auditId(unit, year), action, beforeCodes, codes(after));
        events.publish(EventTypes.TARGETS_TARGET_SET, auditId(unit, year), unit.code(),
                new TargetSet(unit.id(), unit.code(), year, beforeCodes, codes(after), scope.unit().code(), now));
    }

    /** The unit whose targets the caller may set: strictly below the caller's own unit. */
    RegisteredOrgUnit settableUnit(String unitCode, OrgScope scope) {
        return settable(orgUnits.visibleUnit(unitCode, scope), scope);
    }

    private static RegisteredOrgUnit settable(RegisteredOrgUnit unit, OrgScope scope) {
        if (unit.code().equals(scope.unit().code())) {
            throw new AccessDeniedException("a unit's targets are set by a unit above it, never by itself");
        }
        return unit;
    }

    private UnitTargets view(RegisteredOrgUnit unit, int year) {
        return new UnitTargets(unit, year, targets.figures(unit.id(), year, TargetStatus.CONFIRMED),
                targets.figures(unit.id(), year, TargetStatus.DRAFT));
    }

    /** The unit's confirmed figures of the year as they are now. */
    Map<TargetFigure, BigDecimal> confirmedOf(RegisteredOrgUnit unit, int year) {
        return targets.figures(unit.id(), year, TargetStatus.CONFIRMED);
    }

    private static Map<TargetFigure, Optional<BigDecimal>> parse(Map<String, String> figures) {
        List<FieldViolation> violations = new ArrayList<>();
        Map<TargetFigure, Optional<BigDecimal>> parsed = new EnumMap<>(TargetFigure.class);
        figures.forEach((code, text) -> {
            String field = "figures." + code;
            Optional<TargetFigure> figure = TargetFigure.fromCode(code);
            if (figure.isEmpty()) {
                violations.add(new FieldViolation(field, "KnownFigure", "is not a target figure"));
                return;
            }
            if (text == null || text.isBlank()) {
                parsed.put(figure.get(), Optional.empty());
                return;
            }
            if (!text.strip().matches("^[0-9]{1,18}(\\.[0-9]{1,4})?$")) {
                violations.add(new FieldViolation(field, "Decimal", "must be a non-negative decimal string such as \"75000000000.00\""));
                return;
            }
            BigDecimal value = new BigDecimal(text.strip());
            figure.get().problemWith(value).ifPresentOrElse(
                    problem -> violations.add(new FieldViolation(field, "FigureValue", problem)),
                    () -> parsed.put(figure.get(), Optional.of(figure.get().normalize(value))));
        });
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        return parsed;
    }

    private static Map<String, String> codes(Map<TargetFigure, BigDecimal> figures) {
        Map<String, String> codes = new LinkedHashMap<>();
        figures.forEach((figure, value) -> codes.put(figure.name(), value.toPlainString()));
        return codes;
    }

    private static String auditId(RegisteredOrgUnit unit, int year) {
        return unit.id() + "/" + year;
    }
}
