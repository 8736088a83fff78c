package cn.gov.zhaoshang.project.library.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OfficerRole;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import cn.gov.zhaoshang.platform.validation.MoneyAmount;
import cn.gov.zhaoshang.project.library.application.ProjectAmendments;
import cn.gov.zhaoshang.project.library.application.ProjectViews;
import cn.gov.zhaoshang.project.library.model.IndustryCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Amendments of a signed project's terms (contract amount, FDI, industry): versions with reasons. */
@RestController
public class AmendmentController {

    private final ProjectAmendments amendments;
    private final ProjectViews views;
    private final CurrentCaller currentCaller;

    public AmendmentController(ProjectAmendments amendments, ProjectViews views, CurrentCaller currentCaller) {
        this.amendments = amendments;
        this.views = views;
        this.currentCaller = currentCaller;
    }

    /** The new terms (an omitted term is kept) and the reason, which is required. */
    public record AmendmentRequest(
            @MoneyAmount
            @DecimalMin(value = "0.01", message = "must be positive")
            String contractAmount,
            @MoneyAmount(message = MoneyAmount.IN_US_DOLLARS)
            String fdiContractUsd,
            @Pattern(regexp = IndustryCode.PATTERN, message = "must be a GB/T 4754 code such as C3963")
            String industryCode,
            @Size(max = 1000) String reason) {
    }

    /** One version of the terms; version 1 is the terms at signing and has no reason. */
    public record TermsVersionResponse(int version, String contractAmount, String fdiContractUsd, String industryCode,
            boolean manufacturing, String reason, Instant recordedAt, String recordedBy) {
    }

    @PostMapping("/api/projects/{id}/amendments")
    @OfficerRole
    public ProjectResponse amend(@PathVariable UUID id, @Valid @RequestBody AmendmentRequest request) {
        OrgScope scope = currentCaller.scope();
        var amended = amendments.amend(id,
                request.contractAmount() == null ? null : new BigDecimal(request.contractAmount()),
                request.fdiContractUsd() == null ? null : new BigDecimal(request.fdiContractUsd()),
                request.industryCode() == null ? null : new IndustryCode(request.industryCode()),
                request.reason(), scope);
        return ProjectResponse.of(views.of(List.of(amended), scope).getFirst());
    }

    /** The versions of the terms, the terms at signing first. */
    @GetMapping("/api/projects/{id}/amendments")
    @ReaderRole
    public List<TermsVersionResponse> history(@PathVariable UUID id) {
        return amendments.history(id, currentCaller.scope()).stream()
                .map(terms -> new TermsVersionResponse(terms.version(), terms.contractAmount().toPlainString(),
                        terms.fdiContractUsd() == null ? null : terms.fdiContractUsd().toPlainString(), terms.industryCode(),
                        terms.manufacturing(), terms.reason(), terms.recordedAt(), terms.recordedBy()))
                .toList();
    }
}
