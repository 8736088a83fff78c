package cn.gov.zhaoshang.enterprise.registry.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.registry.application.EnterpriseLookup;
import cn.gov.zhaoshang.enterprise.registry.application.EnterpriseRegistration;
import cn.gov.zhaoshang.enterprise.registry.application.KnownEnterpriseClasses;
import cn.gov.zhaoshang.enterprise.registry.model.EnterpriseSearch;
import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.EnterpriseReaderRole;
import cn.gov.zhaoshang.platform.security.OfficerOrAdminRole;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The enterprise registry's API. The registry is reference data shared across the region, so every
 * reader of the region sees every enterprise; the caller's scope still has to resolve.
 */
@RestController
@RequestMapping("/api/enterprises")
public class EnterpriseController {

    private final EnterpriseRegistration registration;
    private final cn.gov.zhaoshang.enterprise.registry.application.EnterpriseChanges changes;
    private final EnterpriseLookup enterprises;
    private final CurrentCaller currentCaller;
    private final Clock clock;
    private final KnownEnterpriseClasses enterpriseClasses;

    public EnterpriseController(EnterpriseRegistration registration,
            cn.gov.zhaoshang.enterprise.registry.application.EnterpriseChanges changes, EnterpriseLookup enterprises,
            CurrentCaller currentCaller, Clock clock, KnownEnterpriseClasses enterpriseClasses) {
        this.registration = registration;
        this.changes = changes;
        this.enterprises = enterprises;
        this.currentCaller = currentCaller;
        this.clock = clock;
        this.enterpriseClasses = enterpriseClasses;
    }

    @PostMapping
    @OfficerOrAdminRole
    public ResponseEntity<RegistrationResponse> register(@Valid @RequestBody RegisterEnterpriseRequest request) {
        EnterpriseRegistration.Registered registered = registration.register(request.toCommand(), currentCaller.scope());
        List<RegistrationResponse.Warning> warnings = new ArrayList<>();
        if (!registered.similarNames().isEmpty()) {
            warnings.add(new RegistrationResponse.Warning("SIMILAR_NAME",
                    "已登记名称相近的企业，请确认是否重复 (enterprises with a very similar name are already registered)",
                    registered.similarNames().stream()
                            .map(similar -> new RegistrationResponse.Candidate(similar.id(), similar.nameZh(),
                                    similar.uscc(), similar.similarity(), "/api/enterprises/" + similar.id()))
                            .toList()));
        }
        EnterpriseResponse created = EnterpriseResponse.of(registered.enterprise());
        return ResponseEntity.created(URI.create("/api/enterprises/" + created.id()))
                .body(new RegistrationResponse(created, warnings));
    }

    /** Changes the enterprise; {@code version} must be the one read, or the answer is 409. */
    @org.springframework.web.bind.annotation.PutMapping("/{id}")
    @OfficerOrAdminRole
    public EnterpriseResponse change(@PathVariable UUID id, @Valid @RequestBody ChangeEnterpriseRequest request) {
        return EnterpriseResponse.of(changes.change(id, request.toCommand(), currentCaller.scope()));
    }

    /** The duplicate record to merge into this one. */
    public record MergeRequest(@jakarta.validation.constraints.NotNull UUID duplicateId) {
    }

    /** Merges a duplicate record into this one; the duplicate then answers with {@code mergedInto}. */
    @PostMapping("/{id}/merges")
    @OfficerOrAdminRole
    public EnterpriseResponse merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
        return EnterpriseResponse.of(changes.merge(id, request.duplicateId(), currentCaller.scope()));
    }

    @GetMapping("/{id}")
    @EnterpriseReaderRole
    public EnterpriseResponse get(@PathVariable UUID id) {
        currentCaller.scope();
        return enterprises.find(id).map(EnterpriseResponse::of).orElseThrow(() -> new NotFoundException("enterprise", id));
    }

    @GetMapping
    @EnterpriseReaderRole
    public PageResponse<EnterpriseResponse> search(@RequestParam(required = false) String name,
            @RequestParam(name = "class", required = false) String enterpriseClass,
            @RequestParam(required = false) LocalDate classOn,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String tag,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "nameZh,asc") String sort) {
        currentCaller.scope();
        List<FieldViolation> violations = new ArrayList<>();
        SortOrders.Order order = EnterpriseLookup.SORT_ORDERS.find(sort, violations);
        violations.addAll(Paging.rangeViolations(page, size, Paging.DEFAULT_MAX_SIZE));
        if (enterpriseClass != null && !enterpriseClasses.exists(enterpriseClass)) {
            violations.add(new FieldViolation("class", "AllowedValue", "is not an enterprise class of the glossary"));
        }
        if (industry != null && !industry.matches("^[A-T](\\d{1,4})?$")) {
            violations.add(new FieldViolation("industry", "Pattern", "must be a GB/T 4754 code or prefix such as C39"));
        }
        if (location != null && !location.matches("^([0-9]{6}|[A-Z]{2})$")) {
            violations.add(new FieldViolation("location", "Pattern", "must be a 6-digit division code or a country code"));
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        EnterpriseSearch criteria = new EnterpriseSearch(blankToNull(name), enterpriseClass,
                classOn == null ? LocalDate.now(clock) : classOn, industry, location, blankToNull(tag));
        EnterpriseSearch.Result found = enterprises.search(criteria, order, page, size);
        List<EnterpriseResponse> items = found.items().stream().map(EnterpriseResponse::of).toList();
        return new PageResponse<>(items, page, size, found.total(), order.apiName());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
