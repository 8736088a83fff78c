package cn.gov.zhaoshang.targets.definitions.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import cn.gov.zhaoshang.platform.security.AdminRole;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import cn.gov.zhaoshang.targets.definitions.application.MetricDefinitions;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Versioned metric definitions: read by everyone, drafted and published by the region's admins. */
@RestController
@RequestMapping("/api/metric-definitions")
public class DefinitionController {

    private final MetricDefinitions definitions;
    private final CurrentCaller currentCaller;

    public DefinitionController(MetricDefinitions definitions, CurrentCaller currentCaller) {
        this.definitions = definitions;
        this.currentCaller = currentCaller;
    }

    /** Every version, oldest first (a handful per year, so not paged). */
    @GetMapping
    @ReaderRole
    public List<DefinitionVersionResponse> list() {
        return definitions.all().stream().map(DefinitionVersionResponse::of).toList();
    }

    @GetMapping("/{version}")
    @ReaderRole
    public DefinitionVersionResponse get(@PathVariable int version) {
        return DefinitionVersionResponse.of(definitions.version(version));
    }

    /** The version in force on a date: the newest published one whose effective date is on or before it. */
    @GetMapping("/in-force")
    @ReaderRole
    public DefinitionVersionResponse inForce(@RequestParam LocalDate date) {
        return DefinitionVersionResponse.of(definitions.inForceOn(date));
    }

    @PostMapping
    @AdminRole
    public ResponseEntity<DefinitionVersionResponse> createDraft(@Valid @RequestBody DefinitionDraftRequest request) {
        DefinitionVersionResponse created = DefinitionVersionResponse.of(
                definitions.createDraft(request.effectiveFrom(), request.content(), currentCaller.scope()));
        return ResponseEntity.created(URI.create("/api/metric-definitions/" + created.version())).body(created);
    }

    /** Replaces a draft's effective date and content; a published version answers 409. */
    @PostMapping("/{version}")
    @AdminRole
    public DefinitionVersionResponse editDraft(@PathVariable int version, @Valid @RequestBody DefinitionDraftRequest request) {
        return DefinitionVersionResponse.of(
                definitions.editDraft(version, request.effectiveFrom(), request.content(), currentCaller.scope()));
    }

    @PostMapping("/{version}/publish")
    @AdminRole
    public DefinitionVersionResponse publish(@PathVariable int version) {
        return DefinitionVersionResponse.of(definitions.publish(version, currentCaller.scope()));
    }
}
