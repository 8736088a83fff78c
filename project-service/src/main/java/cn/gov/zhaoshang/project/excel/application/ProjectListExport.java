package cn.gov.zhaoshang.project.excel.application;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.teams.ResidentTeam;
import cn.gov.zhaoshang.platform.teams.ResidentTeamDirectory;
import cn.gov.zhaoshang.project.excel.infrastructure.ExcelRepository;
import cn.gov.zhaoshang.project.excel.infrastructure.ExcelRepository.ExportedProject;
import cn.gov.zhaoshang.project.excel.infrastructure.ProjectListWorkbook;
import cn.gov.zhaoshang.project.excel.model.ProjectListLayout;
import cn.gov.zhaoshang.platform.privacy.Masking;
import cn.gov.zhaoshang.project.library.model.Channel;
import cn.gov.zhaoshang.project.library.model.EvidenceType;
import cn.gov.zhaoshang.project.library.model.ProjectFilter;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.library.model.SourceKeyArea;
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
    private final ResidentTeamDirectory teams;

    public ProjectListExport(ExcelRepository repository, ResidentTeamDirectory teams) {
        this.repository = repository;
        this.teams = teams;
    }

    @Transactional(readOnly = true)
    /** The accepted projects in scope that match the filter, as the unit's monthly list. */
    public byte[] export(OrgScope scope, OrgUnit unit, ProjectFilter filter) {
        List<ExportedProject> projects = repository.export(scope, filter, MAX_ROWS);
        Map<UUID, ExportedProject> byId = projects.stream().collect(Collectors.toMap(ExportedProject::id, project -> project));
        List<ProjectListWorkbook.ExportFundsRow> funds = repository.latestFunds(List.copyOf(byId.keySet())).stream()
                .map(month -> new ProjectListWorkbook.ExportFundsRow(byId.get(month.projectId()).code(),
                        byId.get(month.projectId()).name(), YearMonth.from(month.month()), month.amount(), month.voucherNumber(),
                        month.voucherDate()))
                .sorted(Comparator.comparing((ProjectListWorkbook.ExportFundsRow month) -> month.name())
                        .thenComparing(ProjectListWorkbook.ExportFundsRow::month))
                .toList();
        // 驻点工作队 by name, as an officer types it; a team the local copy does not know yet by its id
        Map<UUID, ResidentTeam> named = teams.of(projects.stream().map(ExportedProject::residentTeamId).filter(java.util.Objects::nonNull)
                .distinct().toList());
        return ProjectListWorkbook.write(unit.nameZh() + ProjectListLayout.SHEET,
                projects.stream().map(project -> row(project, named.get(project.residentTeamId()))).toList(), funds);
    }

    private static ProjectListWorkbook.ExportRow row(ExportedProject project, ResidentTeam team) {
        boolean park = OrgLevel.PARK.name().equals(project.unitLevel());
        // The USCC is not held by the project library (enterprise-service has it), so its column stays
        // empty; the contact is always masked, whoever exports.
        return new ProjectListWorkbook.ExportRow(project.code(), project.name(), project.investorName(), null,
                park ? project.parentName() : project.unitName(), park ? project.unitName() : null,
                project.industryCode(), String.join(ProjectListLayout.TAG_SEPARATOR, project.chainTags()),
                project.keyArea() == null ? null : ProjectListLayout.label(SourceKeyArea.valueOf(project.keyArea())),
                project.channel() == null ? null : ProjectListLayout.label(Channel.valueOf(project.channel())),
                team != null ? team.name() : project.residentTeamId() == null ? null : project.residentTeamId().toString(),
                ProjectListLayout.label(ProjectStage.valueOf(project.stage())),
                project.signingDate(), project.contractAmount(), project.fdiUsd(), project.plannedStartDate(),
                project.siteAddress(), Masking.name(project.contactName()), Masking.phone(project.contactPhone()), null,
                project.landingDate(), project.startDate(), project.completionDate(), project.productionDate(),
                project.agreementNumber(),
                project.landingDocumentType() == null ? null : ProjectListLayout.label(EvidenceType.valueOf(project.landingDocumentType())),
                project.landingDocumentNumber(), project.permitNumber());
    }
}
