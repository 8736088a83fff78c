package cn.gov.zhaoshang.project.excel.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OfficerRole;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import cn.gov.zhaoshang.project.excel.application.ProjectListExport;
import cn.gov.zhaoshang.project.excel.application.ProjectListImport;
import cn.gov.zhaoshang.project.excel.model.ProjectListLayout;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 招商引资项目月报表 in and out (under {@code /api/projects}, the gateway's route to this service). The
 * file is the request body, as xlsx.
 */
@RestController
@RequestMapping("/api/projects")
public class ProjectListController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Larger bodies are refused before they are parsed. */
    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    private final ProjectListImport imports;
    private final ProjectListExport exports;
    private final OrgUnitDirectory orgUnits;
    private final CurrentCaller currentCaller;

    public ProjectListController(ProjectListImport imports, ProjectListExport exports, OrgUnitDirectory orgUnits,
            CurrentCaller currentCaller) {
        this.imports = imports;
        this.exports = exports;
        this.orgUnits = orgUnits;
        this.currentCaller = currentCaller;
    }

    /** What the import would do: errors first, then duplicates; nothing is stored. Always 200. */
    @PostMapping(value = "/imports/preview", consumes = {XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @OfficerRole
    public ImportResponse preview(@RequestBody byte[] file) {
        checkSize(file);
        return ImportResponse.of(imports.preview(file, currentCaller.scope()), false);
    }

    /**
     * Imports the file whole (a historical import adds a 到位资金 sheet): 201 with what was registered
     * and pooled, or 400 problem details listing every error located, with nothing stored.
     */
    @PostMapping(value = "/imports", consumes = {XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @OfficerRole
    public ResponseEntity<ImportResponse> importList(@RequestBody byte[] file) {
        checkSize(file);
        return ResponseEntity.status(HttpStatus.CREATED).body(ImportResponse.of(imports.apply(file, currentCaller.scope()), true));
    }

    /**
     * The library as the monthly list, filtered: the unit (and below it; the caller's own by default;
     * outside the scope 404), the stage, and the signing dates from and to (inclusive).
     */
    @GetMapping(value = "/export", produces = XLSX)
    @ReaderRole
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) ProjectStage stage,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedTo) {
        OrgScope scope = currentCaller.scope();
        OrgUnit unit = orgUnit == null ? scope.unit()
                : orgUnits.find(orgUnit).filter(scope::contains).orElseThrow(() -> new NotFoundException("org unit", orgUnit));
        if (signedFrom != null && signedTo != null && signedTo.isBefore(signedFrom)) {
            throw new RequestValidationException(List.of(new FieldViolation("signedTo", "DateRange", "is on or after signedFrom")));
        }
        byte[] file = exports.export(scope, unit, stage, signedFrom, signedTo);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ProjectListLayout.SHEET + "-" + unit.code() + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(file);
    }

    private static void checkSize(byte[] file) {
        if (file.length == 0 || file.length > MAX_FILE_BYTES) {
            throw new RequestValidationException(List.of(new FieldViolation("file", "FileSize",
                    "an xlsx file of at most " + MAX_FILE_BYTES / (1024 * 1024) + " MB")));
        }
    }
}
