package cn.gov.zhaoshang.reporting.close.application;

import cn.gov.zhaoshang.reporting.close.infrastructure.PeriodCloseRepository;
import cn.gov.zhaoshang.reporting.close.model.CloseStatus;
import cn.gov.zhaoshang.reporting.close.model.FrozenFigures;
import cn.gov.zhaoshang.reporting.close.model.PeriodClose;
import cn.gov.zhaoshang.reporting.close.model.Revision;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.report.ReportPublished;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.reporting.definitions.model.DefinitionRules;
import cn.gov.zhaoshang.reporting.definitions.infrastructure.DefinitionVersions;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import cn.gov.zhaoshang.reporting.report.application.UnitReports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 月报关账 (metrics.md, "Submission and close"). A leader closes a month for their own unit, bottom
 * up: only once every child unit has closed it. The close freezes the month's figures with the
 * definition version in force on the month's last day, records whether it came after that
 * version's deadline, is audited, and publishes the figures on {@code zhaoshang.report.v1} through
 * the outbox, all in one transaction.
 */
@Service
public class PeriodClosing {

    /** Deadlines are days in China: a close on the 5th at 23:00 Beijing time is on time. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String ENTITY = "period-close";

    private final PeriodCloseRepository closes;
    private final DefinitionVersions definitions;
    private final UnitReports reports;
    private final OrgUnitDirectory orgUnits;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    public PeriodClosing(PeriodCloseRepository closes, DefinitionVersions definitions, UnitReports reports,
            OrgUnitDirectory orgUnits, EventPublisher events, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.closes = closes;
        this.definitions = definitions;
        this.reports = reports;
        this.orgUnits = orgUnits;
        this.events = events;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public PeriodClose close(String orgUnitCode, YearMonth month, OrgScope scope) {
        OrgUnit unit = unitInScope(orgUnitCode, scope);
        if (!unit.code().equals(scope.unit().code())) {
            throw new AccessDeniedException("a leader closes the month of their own unit; " + unit.code()
                    + " closes its own");
        }
        Instant now = clock.instant();
        if (month.isAfter(YearMonth.from(now.atZone(CHINA)))) {
            throw new RequestValidationException(List.of(new FieldViolation("month", "NotFuture",
                    "a month can be closed from its first day on, not before")));
        }
        // one close of a unit's month at a time, so that two leaders never both pass the checks
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "period-close:" + unit.code() + ":" + month)
                .query((rs, row) -> 1).list();
        if (closes.find(unit.code(), month).isPresent()) {
            throw new ConflictException(unit.code() + " has closed " + month + " already; a closed month never changes",
                    Map.of("orgUnit", unit.code(), "month", month.toString()));
        }
        List<Map<String, String>> open = openChildren(unit, month);
        if (!open.isEmpty()) {
            throw new ConflictException(unit.code() + " can close " + month + " only after every unit under it has: "
                    + open.stream().map(child -> child.get("code") + " " + child.get("name")).toList() + " have not",
                    Map.of("orgUnit", unit.code(), "month", month.toString(), "openChildren", open));
        }
        DefinitionRules rules = definitions.inForceOn(month.atEndOfMonth())
                .orElseThrow(() -> new ConflictException("no metric definition version in force on " + month.atEndOfMonth()
                        + " is known to reporting yet; a closed month records the version it followed",
                        Map.of("month", month.toString())));
        LocalDate deadline = rules.closeDeadline(month);
        boolean late = now.atZone(CHINA).toLocalDate().isAfter(deadline);

        Map<String, String> figures = figuresNow(unit.code(), month);
        PeriodClose close = new PeriodClose(UUID.randomUUID(), unit.code(), month, now, scope.caller().username(),
                deadline, late, rules.version(), figures);
        if (!closes.insert(close)) {
            throw new ConflictException(unit.code() + " has closed " + month + " already; a closed month never changes",
                    Map.of("orgUnit", unit.code(), "month", month.toString()));
        }
        audit.record(scope.caller(), ENTITY, unit.code() + ":" + month, "closed", null, CloseResponse.of(close, unit, List.of()));
        events.publish(EventTypes.REPORT_PUBLISHED, close.id().toString(), unit.code(), new ReportPublished(close.id(),
                unit.code(), month.toString(), now, late, rules.version(), figures));
        return close;
    }

    /** The figures of the month as they are now, in the form a close freezes them. */
    @Transactional(readOnly = true)
    public Map<String, String> figuresNow(String orgUnitCode, YearMonth month) {
        return FrozenFigures.of(reports.of(orgUnitCode, ReportPeriod.month(month)),
                reports.of(orgUnitCode, ReportPeriod.yearToDate(month)));
    }

    /** The unit's own close of the month, with the revisions since. */
    @Transactional(readOnly = true)
    public CloseResponse closeOf(String orgUnitCode, YearMonth month, OrgScope scope) {
        OrgUnit unit = unitInScope(orgUnitCode, scope);
        PeriodClose close = closes.find(unit.code(), month)
                .orElseThrow(() -> new NotFoundException("close of " + month + " for org unit", unit.code()));
        return CloseResponse.of(close, unit, Revision.between(month, close.figures(), figuresNow(unit.code(), month)));
    }

    /**
     * The revisions a report of {@code month} shows: for each closed month of the unit in the twelve
     * before it, the figures that differ now from the frozen ones.
     */
    @Transactional(readOnly = true)
    public List<Revision> revisionsShownIn(String orgUnitCode, YearMonth month, OrgScope scope) {
        OrgUnit unit = unitInScope(orgUnitCode, scope);
        List<Revision> revisions = new ArrayList<>();
        for (PeriodClose close : closes.closedBetween(unit.code(), month.minusMonths(12), month.minusMonths(1))) {
            revisions.addAll(Revision.between(close.month(), close.figures(), figuresNow(unit.code(), close.month())));
        }
        return revisions;
    }

    /** The close status of the unit and of each of its child units for the month. */
    @Transactional(readOnly = true)
    public CloseStatus status(String orgUnitCode, YearMonth month, OrgScope scope) {
        OrgUnit unit = unitInScope(orgUnitCode, scope);
        LocalDate deadline = definitions.inForceOn(month.atEndOfMonth()).map(rules -> rules.closeDeadline(month)).orElse(null);
        List<OrgUnit> children = children(unit);
        List<String> codes = new ArrayList<>(children.stream().map(OrgUnit::code).toList());
        codes.add(unit.code());
        Map<String, PeriodClose> closed = closes.findAll(codes, month);
        List<CloseStatus.UnitStatus> childStatuses = children.stream()
                .map(child -> CloseStatus.UnitStatus.of(child, closed.get(child.code()))).toList();
        return new CloseStatus(CloseStatus.UnitStatus.of(unit, closed.get(unit.code())), month.toString(),
                deadline == null ? null : deadline.toString(), childStatuses);
    }

    private List<Map<String, String>> openChildren(OrgUnit unit, YearMonth month) {
        List<OrgUnit> children = children(unit);
        Map<String, PeriodClose> closed = closes.findAll(children.stream().map(OrgUnit::code).toList(), month);
        List<Map<String, String>> open = new ArrayList<>();
        for (OrgUnit child : children) {
            if (!closed.containsKey(child.code())) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("code", child.code());
                entry.put("name", child.nameZh());
                open.add(entry);
            }
        }
        return open;
    }

    private List<OrgUnit> children(OrgUnit unit) {
        return jdbc.sql("SELECT code FROM org_unit WHERE parent_code = :code ORDER BY code")
                .param("code", unit.code()).query(String.class).list().stream()
                .map(code -> orgUnits.find(code).orElseThrow())
                .toList();
    }

    private OrgUnit unitInScope(String code, OrgScope scope) {
        return orgUnits.find(code).filter(scope::contains).orElseThrow(() -> new NotFoundException("org unit", code));
    }
}
