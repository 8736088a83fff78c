package cn.gov.zhaoshang.project.excel.application;

import java.time.LocalDate;
import java.util.List;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.excel.infrastructure.ExcelRepository;
import cn.gov.zhaoshang.project.excel.infrastructure.ExcelRepository.ExportFilter;
import cn.gov.zhaoshang.project.excel.infrastructure.ExcelRepository.ExportedProject;
import cn.gov.zhaoshang.project.excel.infrastructure.ProjectListWorkbook;
import cn.gov.zhaoshang.project.excel.model.ProjectListLayout;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports the library as 招商引资项目月报表, with the import's headers, so that an exported file can be
 * sent on and read back. Only projects that count (accepted in duplicate review) are exported.
 */
@Service
public class ProjectListExport {

    /** An export holds at most as many rows as an import accepts. */
    public static final int MAX_ROWS = ProjectListWorkbook.MAX_ROWS;

    private final ExcelRepository repository;

    public ProjectListExport(ExcelRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public byte[] export(OrgScope scope, OrgUnit unit, ProjectStage stage, LocalDate signedFrom, LocalDate signedTo) {
        List<ProjectListWorkbook.ExportRow> rows = repository.export(scope,
                        new ExportFilter(unit.path(), stage == null ? null : stage.name(), signedFrom, signedTo), MAX_ROWS)
                .stream().map(ProjectListExport::row).toList();
        return ProjectListWorkbook.write(unit.nameZh() + ProjectListLayout.SHEET, rows);
    }

    private static ProjectListWorkbook.ExportRow row(ExportedProject project) {
        boolean park = OrgLevel.PARK.name().equals(project.unitLevel());
        // Investor, chains, area, channel, team, FDI, planned start, site and the contact are not held
        // by the library yet; their columns stay empty (and contacts would be masked here).
        return new ProjectListWorkbook.ExportRow(project.code(), project.name(), null, null,
                park ? project.parentName() : project.unitName(), park ? project.unitName() : null,
                project.industryCode(), null, null, null, null, ProjectListLayout.label(ProjectStage.valueOf(project.stage())),
                project.signingDate(), project.contractAmount(), null, null, null, null, null, null);
    }
}
