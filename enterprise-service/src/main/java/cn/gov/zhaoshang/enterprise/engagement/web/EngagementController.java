package cn.gov.zhaoshang.enterprise.engagement.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.engagement.application.EngagementLog;
import cn.gov.zhaoshang.enterprise.engagement.application.EngagementLog.RecordEngagement;
import cn.gov.zhaoshang.enterprise.engagement.model.Engagement;
import cn.gov.zhaoshang.enterprise.engagement.model.EngagementKind;
import cn.gov.zhaoshang.enterprise.engagement.model.LeaderRole;
import cn.gov.zhaoshang.enterprise.engagement.model.Outcome;
import cn.gov.zhaoshang.enterprise.registry.web.EnterpriseController;
import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.EnterpriseReaderRole;
import cn.gov.zhaoshang.platform.security.OfficerOrAdminRole;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.validation.MoneyAmount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dockings, visits, leader-led trips and promotion events; scoped by the recording unit. */
@RestController
@RequestMapping("/api/engagements")
public class EngagementController {

    private final EngagementLog log;
    private final CurrentCaller currentCaller;

    public EngagementController(EngagementLog log, CurrentCaller currentCaller) {
        this.log = log;
        this.currentCaller = currentCaller;
    }

    /** An engagement to record; amounts are decimal strings in yuan. */
    public record RecordEngagementRequest(
            @NotNull EngagementKind kind,
            @NotBlank String orgUnit,
            @Size(max = 100) String team,
            @NotNull @PastOrPresent LocalDate occurredOn,
            @NotEmpty List<@NotNull UUID> enterpriseIds,
            List<@NotBlank @Size(max = 100) String> participants,
            @Size(max = 100) String leaderName,
            LeaderRole leaderRole,
            String leaderUnit,
            String destinationArea,
            @NotNull Outcome outcome,
            @MoneyAmount
            String intentAmount,
            @Pattern(regexp = "^[A-T](\\d{2}(\\d{1,2})?)?$", message = "must be a GB/T 4754 code such as C3963")
            String intentIndustryCode) {

        RecordEngagement toCommand() {
            return new RecordEngagement(kind, orgUnit, team, occurredOn, enterpriseIds, participants, leaderName, leaderRole,
                    leaderUnit, destinationArea, outcome, intentAmount == null ? null : new BigDecimal(intentAmount),
                    intentIndustryCode);
        }
    }

    public record EngagementResponse(UUID id, String kind, String kindZh, String orgUnit, String team, LocalDate occurredOn,
            List<UUID> enterpriseIds, List<String> participants, String leaderName, String leaderRole, String leaderUnit,
            String destinationArea, String outcome, String intentAmount, String intentIndustryCode, Instant recordedAt,
            String recordedBy) {
        static EngagementResponse of(Engagement e) {
            return new EngagementResponse(e.id(), e.kind().name(), e.kind().labelZh(), e.orgUnit(), e.team(), e.occurredOn(),
                    e.enterpriseIds(), e.participants(), e.leaderName(), e.leaderRole() == null ? null : e.leaderRole().name(),
                    e.leaderUnit(), e.destinationArea(), e.outcome().name(),
                    e.intentAmount() == null ? null : e.intentAmount().toPlainString(), e.intentIndustryCode(),
                    e.recordedAt(), e.recordedBy());
        }
    }

    /** {@code visitReturnRate} is a percentage with 2 decimals as a string, e.g. "53.89"; null with no docking. */
    public record FunnelResponse(String orgUnit, String team, LocalDate from, LocalDate to, long docked, long visited,
            long withIntent, Long signed, String visitReturnRate) {
    }

    public record LeaderActivityResponse(String leaderName, String role, String leaderUnit, long keyAreaTrips,
            Integer required, Boolean met) {
    }

    public record LeaderActivityReport(String orgUnit, String halfYear, List<LeaderActivityResponse> leaders) {
    }

    @PostMapping
    @OfficerOrAdminRole
    public ResponseEntity<EngagementResponse> record(@Valid @RequestBody RecordEngagementRequest request) {
        Engagement engagement = log.record(request.toCommand(), currentCaller.scope());
        return ResponseEntity.created(URI.create("/api/engagements/" + engagement.id())).body(EngagementResponse.of(engagement));
    }

    @GetMapping("/{id}")
    @EnterpriseReaderRole
    public EngagementResponse get(@PathVariable UUID id) {
        return EngagementResponse.of(log.find(id, currentCaller.scope()));
    }

    @GetMapping
    @EnterpriseReaderRole
    public PageResponse<EngagementResponse> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.checkRange(page, size);
        OrgScope scope = currentCaller.scope();
        EngagementLog.Page found = log.page(scope, page, size);
        return new PageResponse<>(found.items().stream().map(EngagementResponse::of).toList(), page, size, found.total(),
                "occurredOn,desc");
    }

    @GetMapping("/funnel")
    @EnterpriseReaderRole
    public FunnelResponse funnel(@RequestParam String orgUnit, @RequestParam(required = false) String team,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        EngagementLog.Funnel funnel = log.funnel(orgUnit, team, from == null ? LocalDate.of(1900, 1, 1) : from,
                to == null ? LocalDate.of(9999, 12, 31) : to, currentCaller.scope());
        // Signed projects come from project-service's events; not known here yet.
        return new FunnelResponse(funnel.orgUnit(), funnel.team(), from, to, funnel.docked(), funnel.visited(),
                funnel.withIntent(), null, funnel.visitReturnRate() == null ? null : funnel.visitReturnRate().toPlainString());
    }

    @GetMapping("/leader-activity")
    @EnterpriseReaderRole
    public LeaderActivityReport leaderActivity(@RequestParam String orgUnit, @RequestParam String halfYear) {
        java.util.regex.Matcher half = java.util.regex.Pattern.compile("^(\\d{4})H([12])$").matcher(halfYear);
        if (!half.matches()) {
            throw new RequestValidationException(List.of(new FieldViolation("halfYear", "Pattern", "must look like 2026H1 or 2026H2")));
        }
        List<LeaderActivityResponse> leaders = log.leaderActivity(orgUnit, Integer.parseInt(half.group(1)),
                        Integer.parseInt(half.group(2)), currentCaller.scope()).stream()
                .map(a -> new LeaderActivityResponse(a.leaderName(), a.role().name(), a.leaderUnit(), a.keyAreaTrips(),
                        a.required(), a.met()))
                .toList();
        return new LeaderActivityReport(orgUnit, halfYear, leaders);
    }
}
