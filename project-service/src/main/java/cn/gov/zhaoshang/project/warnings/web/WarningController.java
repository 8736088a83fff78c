package cn.gov.zhaoshang.project.warnings.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import cn.gov.zhaoshang.project.warnings.application.ProjectWarnings;
import cn.gov.zhaoshang.project.warnings.model.WarningFilter;
import cn.gov.zhaoshang.project.warnings.model.WarningKind;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Project warnings per unit, within the caller's scope (under {@code /api/projects}, the gateway's
 * route to this service).
 */
@RestController
@RequestMapping("/api/projects/warnings")
public class WarningController {

    private final ProjectWarnings warnings;
    private final OrgUnitDirectory orgUnits;
    private final CurrentCaller currentCaller;

    public WarningController(ProjectWarnings warnings, OrgUnitDirectory orgUnits, CurrentCaller currentCaller) {
        this.warnings = warnings;
        this.orgUnits = orgUnits;
        this.currentCaller = currentCaller;
    }

    /**
     * @param orgUnit the unit whose projects (its own and those of the units below it) are listed;
     *     the caller's own unit when absent. A unit outside the scope is answered like an unknown one: 404.
     * @param status OPEN (default), CLEARED or ALL
     * @param kind STALE, NOT_STARTED or PROBLEM_OVERDUE; all when absent
     */
    @GetMapping
    @ReaderRole
    @Transactional(readOnly = true)
    public PageResponse<WarningResponse> list(@RequestParam(required = false) String orgUnit,
            @RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "raisedAt,desc") String sort) {
        List<FieldViolation> violations = new ArrayList<>();
        SortOrders.Order order = ProjectWarnings.SORT_ORDERS.find(sort, violations);
        violations.addAll(Paging.rangeViolations(page, size, Paging.DEFAULT_MAX_SIZE));
        Boolean open = switch (status.toUpperCase(Locale.ROOT)) {
            case "OPEN" -> Boolean.TRUE;
            case "CLEARED" -> Boolean.FALSE;
            case "ALL" -> null;
            default -> {
                violations.add(new FieldViolation("status", "AllowedValue", "status is OPEN, CLEARED or ALL"));
                yield null;
            }
        };
        WarningKind warningKind = null;
        if (kind != null) {
            try {
                warningKind = WarningKind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                violations.add(new FieldViolation("kind", "AllowedValue", "kind is one of " + Arrays.stream(WarningKind.values())
                        .map(Enum::name).collect(Collectors.joining(", "))));
            }
        }
        Paging.throwIfAny(violations);
        OrgScope scope = currentCaller.scope();
        OrgUnit unit = orgUnit == null ? scope.unit()
                : orgUnits.find(orgUnit).filter(scope::contains).orElseThrow(() -> new NotFoundException("org unit", orgUnit));
        WarningFilter filter = new WarningFilter(unit.path(), open, warningKind);
        List<WarningResponse> items = warnings.page(scope, filter, order, page, size).stream().map(WarningResponse::of).toList();
        return new PageResponse<>(items, page, size, warnings.count(scope, filter), order.apiName());
    }
}
