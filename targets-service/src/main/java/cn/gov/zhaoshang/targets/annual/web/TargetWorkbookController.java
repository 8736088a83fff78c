package cn.gov.zhaoshang.targets.annual.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.gov.zhaoshang.platform.excel.Spreadsheets;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.TargetAdminRole;
import cn.gov.zhaoshang.platform.web.RequestBodyLimit;
import cn.gov.zhaoshang.targets.annual.application.TargetBulkEntry;
import cn.gov.zhaoshang.targets.annual.application.TargetWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 年度目标任务表 as xlsx: the template of the caller's units, and the upload (the workbook is the
 * request body) with an optional dry run.
 */
@RestController
public class TargetWorkbookController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final TargetBulkEntry bulkEntry;
    private final CurrentCaller currentCaller;

    public TargetWorkbookController(TargetBulkEntry bulkEntry, CurrentCaller currentCaller) {
        this.bulkEntry = bulkEntry;
        this.currentCaller = currentCaller;
    }

    @GetMapping("/api/targets/template")
    @TargetAdminRole
    public ResponseEntity<byte[]> template(@RequestParam int year) {
        byte[] workbook = bulkEntry.template(year, currentCaller.scope());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(TargetWorkbook.SHEET + "-" + year + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(workbook);
    }

    @PostMapping(value = "/api/targets/upload", consumes = {XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @TargetAdminRole
    @RequestBodyLimit(bytes = Spreadsheets.MAX_UPLOAD_BYTES)
    public BulkEntryResponse upload(@RequestBody byte[] workbook, @RequestParam(defaultValue = "false") boolean dryRun) {
        TargetBulkEntry.Result result = bulkEntry.upload(workbook, dryRun, currentCaller.scope());
        return new BulkEntryResponse(dryRun, result.applied(), result.changes().stream()
                .map(change -> new BulkEntryResponse.UnitChange(change.orgUnit(), change.year(), change.figures().stream()
                        .map(figure -> new BulkEntryResponse.FigureChange(figure.figure().name(),
                                figure.before() == null ? null : figure.before().toPlainString(),
                                figure.after() == null ? null : figure.after().toPlainString()))
                        .toList()))
                .toList());
    }

    /**
     * What an upload changed, or would change in a dry run. Values are decimal strings (yuan for
     * amounts); null means no target.
     */
    public record BulkEntryResponse(boolean dryRun, boolean applied, List<UnitChange> changes) {

        public record UnitChange(String orgUnit, int year, List<FigureChange> figures) {
        }

        public record FigureChange(String figure, String before, String after) {
        }
    }
}
