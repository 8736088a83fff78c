package cn.gov.zhaoshang.platform.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.security.AuditorOrAdminRole;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.References;
import cn.gov.zhaoshang.platform.validation.ChinaTime;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET <zhaoshang.audit.path>} (e.g. {@code /api/projects/audit}): this service's audit rows,
 * for {@code auditor} and {@code admin}, within their scope. Parameters: {@code orgUnit} (the
 * actors' unit and everything under it; the caller's own by default), {@code from} and {@code to}
 * (dates in China's time, both included), {@code actor}, {@code action}, {@code page} and
 * {@code size}. Anything else is 400 naming it.
 */
@RestController
public class AuditController {

    static final Set<String> PARAMETERS = new TreeSet<>(List.of("orgUnit", "from", "to", "actor", "action", "page", "size"));
    private static final int MAX_TEXT = 255;

    private final AuditLog log;
    private final CurrentCaller currentCaller;
    private final References references;

    public AuditController(AuditLog log, CurrentCaller currentCaller, References references) {
        this.log = log;
        this.currentCaller = currentCaller;
        this.references = references;
    }

    @GetMapping("${zhaoshang.audit.path}")
    @AuditorOrAdminRole
    @Parameter(name = "orgUnit", in = ParameterIn.QUERY, description = "the actors' unit and every unit under it; the caller's own by default")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "from this day on (China's time)", schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "up to this day, included (China's time)", schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "actor", in = ParameterIn.QUERY, description = "a username")
    @Parameter(name = "action", in = ParameterIn.QUERY, description = "e.g. registered, stage-moved, audit-read")
    @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", defaultValue = "0", minimum = "0"))
    @Parameter(name = "size", in = ParameterIn.QUERY, schema = @Schema(type = "integer", defaultValue = "50", minimum = "1", maximum = "200"))
    public PageResponse<AuditLog.AuditRow> read(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        OrgScope scope = currentCaller.scope();
        List<FieldViolation> violations = new ArrayList<>();
        violations.addAll(Paging.unknownParameters(parameters, PARAMETERS, "the audit trail"));
        LocalDate from = date(parameters, "from", violations);
        LocalDate to = date(parameters, "to", violations);
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(new FieldViolation("to", "NotBeforeFrom", "is on or after from"));
        }
        int page = Paging.number(parameters, "page", 0, violations);
        int size = Paging.number(parameters, "size", 50, violations);
        violations.addAll(Paging.rangeViolations(page, size, Paging.DEFAULT_MAX_SIZE));
        String actor = text(parameters, "actor", violations);
        String action = text(parameters, "action", violations);
        Paging.throwIfAny(violations);
        OrgUnit unit = references.orgUnitInScope("orgUnit", parameters.getOrDefault("orgUnit", scope.unit().code()), scope);
        AuditLog.Query query = new AuditLog.Query(unit.code(), unit.path(), unit.parentCode() == null,
                from == null ? null : from.atStartOfDay(ChinaTime.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant(), actor, action, page, size);
        return log.read(query, scope, new TreeMap<>(parameters));
    }

    private static LocalDate date(Map<String, String> parameters, String name, List<FieldViolation> violations) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            violations.add(new FieldViolation(name, "Date", "is a date such as 2026-11-30"));
            return null;
        }
    }

    private static String text(Map<String, String> parameters, String name, List<FieldViolation> violations) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            violations.add(new FieldViolation(name, "Size", "is at most " + MAX_TEXT + " characters"));
            return null;
        }
        return value.strip();
    }
}
