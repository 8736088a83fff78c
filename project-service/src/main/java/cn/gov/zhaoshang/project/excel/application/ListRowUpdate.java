package cn.gov.zhaoshang.project.excel.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import cn.gov.zhaoshang.project.excel.model.CellError;
import cn.gov.zhaoshang.project.excel.model.ListRow;
import cn.gov.zhaoshang.project.excel.model.ProjectListLayout;
import cn.gov.zhaoshang.project.excel.model.StageCells;
import cn.gov.zhaoshang.project.library.application.ProjectCorrections.Correction;
import cn.gov.zhaoshang.project.library.application.ProjectLifecycle.MoveStage;
import cn.gov.zhaoshang.project.library.model.Channel;
import cn.gov.zhaoshang.project.library.model.Evidence;
import cn.gov.zhaoshang.project.library.model.EvidenceType;
import cn.gov.zhaoshang.project.library.model.InvestorContact;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectDetails;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.library.model.SourceKeyArea;

/**
 * What a row of the monthly list changes in the project of the library it names by its code: the
 * descriptive fields it corrects, the stages it moves the project on (each with its date and
 * document from columns N and V–AC), and what it may not change through a list (contract terms,
 * the unit, a move back, the date of a stage already reached), each an error in its cell. A pure
 * comparison; {@code ProjectListImport} applies the plan.
 *
 * @param correction the fields corrected, {@code null} when none
 * @param moves the forward moves, in order
 * @param changes what changes, by the list's headers, for the preview
 */
record ListRowUpdate(List<CellError> errors, Correction correction, List<MoveStage> moves, List<String> changes) {

    boolean changesAnything() {
        return correction != null || !moves.isEmpty();
    }

    /**
     * @param investor the registry's enterprise of the row's investor name, {@code null} when the name
     *     is empty or not known there (then the investor is left as it is)
     * @param contact the project's contact now
     * @param unitCode the unit the row's county and park name
     * @param team the resident team the row's 驻点工作队 names, {@code null} when empty
     */
    static ListRowUpdate plan(ListRow row, Project project, InvestorContact contact, UUID investor, String unitCode, UUID team,
            LocalDate today) {
        List<CellError> errors = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        ProjectDetails details = project.details();

        // what a list does not change: the unit, the contract terms and the dates of stages already reached
        if (!unitCode.equals(project.orgUnit())) {
            errors.add(row.error(ProjectListLayout.COUNTY, "TransferOnly",
                    "the project belongs to " + project.orgUnit() + "; it moves to another county or park by a transfer in the library"));
        }
        if (project.isSigned() && row.contractAmount() != null && row.contractAmount().compareTo(project.contractAmount()) != 0) {
            errors.add(row.error(ProjectListLayout.AMOUNT, "AmendmentOnly", amendment("the contract amount")));
        }
        if (row.fdiUsd() != null && !sameAmount(row.fdiUsd(), details.fdiContractUsd())) {
            errors.add(row.error(ProjectListLayout.FDI, "AmendmentOnly", amendment("the FDI")));
        }
        if (!row.industryCode().isEmpty() && !row.industryCode().equals(project.industryCode().value())) {
            errors.add(row.error(ProjectListLayout.INDUSTRY, "AmendmentOnly", amendment("the industry code")));
        }
        StageCells stages = row.stages();
        fixedDate(errors, row, ProjectListLayout.SIGNING_DATE, row.signingDate(), project.signingDate());
        fixedDate(errors, row, ProjectListLayout.LANDING_DATE, stages.landingDate(), project.stageDates().landingDate());
        fixedDate(errors, row, ProjectListLayout.START_DATE, stages.startDate(), project.startDate());
        fixedDate(errors, row, ProjectListLayout.COMPLETION_DATE, stages.completionDate(), project.stageDates().completionDate());
        fixedDate(errors, row, ProjectListLayout.PRODUCTION_DATE, stages.productionDate(), project.stageDates().productionDate());

        // descriptive fields: corrected when the row says something else
        String name = row.name().strip();
        if (!name.isEmpty() && !name.equals(project.name())) {
            present.add("name");
            changes.add(ProjectListLayout.NAME);
        }
        if (investor != null && !investor.equals(details.investorEnterpriseId())) {
            present.add("investorEnterpriseId");
            changes.add(ProjectListLayout.INVESTOR);
        }
        // an empty cell keeps what the library has: a list corrects what it says, it does not clear
        List<String> tags = ProjectDetails.chainTags(Arrays.stream(row.chains().split(ProjectListLayout.TAG_SEPARATORS)).toList());
        if (!tags.isEmpty() && !tags.equals(details.industryChainTags())) {
            present.add("industryChainTags");
            changes.add(ProjectListLayout.CHAINS);
        }
        SourceKeyArea area = ProjectListLayout.keyArea(row.keyArea());
        if (area != null && area != details.sourceKeyArea()) {
            present.add("sourceKeyArea");
            changes.add(ProjectListLayout.KEY_AREA);
        }
        Channel channel = ProjectListLayout.channel(row.channel());
        if (channel != null && (channel != details.channel() || !Objects.equals(team, details.residentTeamId()))) {
            // a team belongs to its channel: the two are corrected together
            present.add("channel");
            present.add("residentTeamId");
            changes.add(channel != details.channel() ? ProjectListLayout.CHANNEL : ProjectListLayout.TEAM);
        }
        if (row.plannedStartDate() != null && !row.plannedStartDate().equals(details.plannedStartDate())) {
            present.add("plannedStartDate");
            changes.add(ProjectListLayout.PLANNED_START);
        }
        String site = row.site().isBlank() ? null : row.site().strip();
        if (site != null && !site.equals(details.siteAddress())) {
            present.add("siteAddress");
            changes.add(ProjectListLayout.SITE);
        }
        // an exported contact is masked and read back as empty: only a contact typed in corrects it
        InvestorContact typed = new InvestorContact(row.contactName().isEmpty() ? contact.name() : row.contactName(),
                row.contactPhone().isEmpty() ? contact.phone() : row.contactPhone());
        if (!typed.equals(contact)) {
            present.add("investorContact");
            changes.add(ProjectListLayout.CONTACT);
        }
        Correction correction = present.isEmpty() ? null : new Correction(present, name, site, row.plannedStartDate(), tags,
                channel, team, area, investor, typed);

        List<MoveStage> moves = moves(row, project, today, errors, changes);
        return new ListRowUpdate(errors, errors.isEmpty() ? correction : null, errors.isEmpty() ? moves : List.of(), changes);
    }

    /** The moves from the project's stage to the row's, one stage at a time, each with its date and document. */
    private static List<MoveStage> moves(ListRow row, Project project, LocalDate today, List<CellError> errors, List<String> changes) {
        ProjectStage target = row.stage();
        ProjectStage current = project.stage();
        if (target == null || target == current) {
            return List.of();
        }
        if (!current.isActive() || !target.isActive() || target.ordinal() < current.ordinal()) {
            errors.add(row.error(ProjectListLayout.STAGE, "ForwardMovesOnly", "the list moves a project on, from "
                    + ProjectListLayout.label(current) + " to a later stage; suspending, resuming, terminating or going back "
                    + "is done in the library, with its reason"));
            return List.of();
        }
        List<ProjectStage> path = Arrays.stream(ProjectStage.values())
                .filter(stage -> stage.isActive() && stage.ordinal() > current.ordinal() && stage.ordinal() <= target.ordinal())
                .toList();
        StageCells stages = row.stages();
        List<MoveStage> moves = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            ProjectStage stage = path.get(i);
            LocalDate date = dateOf(stage, row);
            if (date == null && (stage == ProjectStage.INTENT || stage == ProjectStage.NEGOTIATING)) {
                // no column holds these: reached at the latest on the next dated stage of the move, else today
                date = path.subList(i + 1, path.size()).stream().map(later -> dateOf(later, row)).filter(Objects::nonNull)
                        .findFirst().orElse(today);
            }
            if (date == null) {
                errors.add(row.error(dateHeader(stage), "RequiredForStage",
                        "a move to " + ProjectListLayout.label(stage) + " needs the date it was reached here"));
                continue;
            }
            Evidence evidence = switch (stage) {
                case SIGNED -> document(errors, row, EvidenceType.AGREEMENT, stages.agreementNumber(), date, ProjectListLayout.AGREEMENT_NUMBER);
                case LANDED -> stages.landingDocumentType() == null
                        ? missing(errors, row, ProjectListLayout.LANDING_DOCUMENT_TYPE, "工商注册 or 供地, the kind of the landing document")
                        : document(errors, row, stages.landingDocumentType(), stages.landingDocumentNumber(), date,
                                ProjectListLayout.LANDING_DOCUMENT_NUMBER);
                case STARTED -> document(errors, row, EvidenceType.CONSTRUCTION_PERMIT, stages.permitNumber(), date,
                        ProjectListLayout.PERMIT_NUMBER);
                default -> null;
            };
            BigDecimal amount = stage == ProjectStage.SIGNED ? row.contractAmount() : null;
            if (stage == ProjectStage.SIGNED && amount == null) {
                errors.add(row.error(ProjectListLayout.AMOUNT, "RequiredForStage", "a move to 签约 needs the contract amount"));
            }
            moves.add(new MoveStage(stage, date, amount, evidence, null));
        }
        changes.add(ProjectListLayout.STAGE + " " + ProjectListLayout.label(current) + "→" + ProjectListLayout.label(target));
        return moves;
    }

    private static LocalDate dateOf(ProjectStage stage, ListRow row) {
        return switch (stage) {
            case SIGNED -> row.signingDate();
            case LANDED -> row.stages().landingDate();
            case STARTED -> row.stages().startDate();
            case COMPLETED -> row.stages().completionDate();
            case PRODUCING -> row.stages().productionDate();
            default -> null;
        };
    }

    private static String dateHeader(ProjectStage stage) {
        return switch (stage) {
            case SIGNED -> ProjectListLayout.SIGNING_DATE;
            case LANDED -> ProjectListLayout.LANDING_DATE;
            case STARTED -> ProjectListLayout.START_DATE;
            case COMPLETED -> ProjectListLayout.COMPLETION_DATE;
            default -> ProjectListLayout.PRODUCTION_DATE;
        };
    }

    private static Evidence document(List<CellError> errors, ListRow row, EvidenceType type, String number, LocalDate date, String header) {
        if (number == null) {
            return missing(errors, row, header, "the number of the document that proves the stage");
        }
        return new Evidence(type, number, date);
    }

    private static Evidence missing(List<CellError> errors, ListRow row, String header, String what) {
        errors.add(row.error(header, "RequiredForStage", "a move to this stage needs " + what + " here"));
        return null;
    }

    private static void fixedDate(List<CellError> errors, ListRow row, String header, LocalDate given, LocalDate recorded) {
        if (given != null && recorded != null && !given.equals(recorded)) {
            errors.add(row.error(header, "StageDateFixed", "the library has " + recorded
                    + " for this stage; the date of a stage already reached is not changed by a list"));
        }
    }

    private static boolean sameAmount(BigDecimal given, BigDecimal recorded) {
        return given == null ? recorded == null : recorded != null && given.compareTo(recorded) == 0;
    }

    private static String amendment(String term) {
        return term + " of a signed project changes by an amendment with its reason, not by a list";
    }
}
