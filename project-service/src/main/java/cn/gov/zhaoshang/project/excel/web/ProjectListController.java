package cn.gov.zhaoshang.project.excel.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.excel.Spreadsheets;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OfficerRole;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.library.web.ProjectSearchParameters;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import cn.gov.zhaoshang.platform.web.RequestBodyLimit;
import cn.gov.zhaoshang.project.excel.application.ProjectListExport;
import cn.gov.zhaoshang.project.excel.application.ProjectListImport;
import cn.gov.zhaoshang.project.excel.model.ProjectListLayout;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 招商引资项目月报表 in and out (under {@code /api/projects}, the gateway's route to this service). The
 * file is the request body, as xlsx, of at most {@link Spreadsheets#MAX_UPLOAD_BYTES}.
 */
@RestController
@RequestMapping("/api/projects")
public class ProjectListController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";


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
    @RequestBodyLimit(bytes = Spreadsheets.MAX_UPLOAD_BYTES)
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
    @RequestBodyLimit(bytes = Spreadsheets.MAX_UPLOAD_BYTES)
    public ResponseEntity<ImportResponse> importList(@RequestBody byte[] file) {
        checkSize(file);
        return ResponseEntity.status(HttpStatus.CREATED).body(ImportResponse.of(imports.apply(file, currentCaller.scope()), true));
    }

    /**
     * The library as the monthly list, filtered as {@code GET /api/projects} is
     * ({@link ProjectSearchParameters}: the caller's own unit and below it by default, a unit outside
     * the scope 404), by signing date then name; the file is named after the unit asked for.
     */
    @GetMapping(value = "/export", produces = XLSX)
    @ReaderRole
    public ResponseEntity<byte[]> export(@RequestParam MultiValueMap<String, String> parameters) {
        OrgScope scope = currentCaller.scope();
        ProjectSearchParameters.Search search = ProjectSearchParameters.read(parameters, Set.of(), List.of(), scope, orgUnits);
        OrgUnit unit = search.unit() == null ? scope.unit() : search.unit();
        byte[] file = exports.export(scope, unit, search.filter());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ProjectListLayout.SHEET + "-" + unit.code() + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(file);
    }

    /** A larger body was refused while it was read (413, {@link RequestBodyLimit}); an empty one is not a file. */
    private static void checkSize(byte[] file) {
        if (file.length == 0) {
            throw new RequestValidationException(List.of(new FieldViolation("file", "FileSize",
                    "an xlsx file of at most " + Spreadsheets.MAX_UPLOAD_BYTES / (1024 * 1024) + " MB")));
        }
    }
}
