package cn.gov.zhaoshang.project.excel.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.teams.ResidentTeam;
import cn.gov.zhaoshang.platform.teams.ResidentTeamDirectory;
import cn.gov.zhaoshang.platform.versioning.IfMatch;
import cn.gov.zhaoshang.project.duplicates.application.DuplicateProbeLimit;
import cn.gov.zhaoshang.project.excel.infrastructure.ExcelRepository;
import cn.gov.zhaoshang.project.excel.infrastructure.ProjectListWorkbook;
import cn.gov.zhaoshang.project.excel.model.CellError;
import cn.gov.zhaoshang.project.excel.model.FundsRow;
import cn.gov.zhaoshang.project.excel.model.FundsSheetLayout;
import cn.gov.zhaoshang.project.excel.model.ListRow;
import cn.gov.zhaoshang.project.excel.model.ProjectListLayout;
import cn.gov.zhaoshang.project.excel.model.StageCells;
import cn.gov.zhaoshang.project.funds.application.FundsInPlace;
import cn.gov.zhaoshang.project.funds.model.FundsEvidenceType;
import cn.gov.zhaoshang.project.library.application.ProjectCorrections;
import cn.gov.zhaoshang.project.library.application.ProjectLifecycle;
import cn.gov.zhaoshang.project.library.application.ProjectRegistration;
import cn.gov.zhaoshang.project.library.application.ProjectViews;
import cn.gov.zhaoshang.project.library.application.ProjectRegistration.RegisterProject;
import cn.gov.zhaoshang.project.library.infrastructure.InvestorContactRepository;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import cn.gov.zhaoshang.project.library.model.Channel;
import cn.gov.zhaoshang.project.library.model.Evidence;
import cn.gov.zhaoshang.project.library.model.EvidenceType;
import cn.gov.zhaoshang.project.library.model.IndustryCode;
import cn.gov.zhaoshang.project.library.model.InvestorContact;
import cn.gov.zhaoshang.project.library.model.PossibleDuplicate;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectDetails;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.library.model.ReviewStatus;
import cn.gov.zhaoshang.project.library.model.StageDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports 招商引资项目月报表, validated as a whole: the file's cells are read and checked; a row whose code
 * names a project of the library in scope updates it (corrections and forward moves through the
 * same services as the API, {@link ListRowUpdate}); every other row is registered through the same
 * registration as the API (so the duplicate rules run on it, and against the rows above it in the
 * file); and every month of the 到位资金 sheet is reported or corrected, all in one transaction. Any
 * error anywhere rolls all of it back and the file is refused with every error located. A preview
 * does the same and always rolls back, so what it shows is exactly what the import would do.
 */
@Service
public class ProjectListImport {

    private final ProjectRegistration registration;
    private final ProjectCorrections corrections;
    private final ProjectLifecycle lifecycle;
    private final ProjectRepository projects;
    private final InvestorContactRepository contacts;
    private final FundsInPlace funds;
    private final ExcelRepository repository;
    private final ListRowRules rowRules;
    private final AuditTrail audit;
    private final ProjectViews views;
    private final DuplicateProbeLimit probeLimit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OrgUnitDirectory orgUnits;
    private final ResidentTeamDirectory teamDirectory;

    private static final Pattern TEAM_ID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    public ProjectListImport(ProjectRegistration registration, ProjectCorrections corrections, ProjectLifecycle lifecycle,
            ProjectRepository projects, InvestorContactRepository contacts, FundsInPlace funds, ExcelRepository repository,
            ListRowRules rowRules, AuditTrail audit, ProjectViews views, DuplicateProbeLimit probeLimit,
            PlatformTransactionManager transactionManager, Clock clock, OrgUnitDirectory orgUnits, ResidentTeamDirectory teamDirectory) {
        this.registration = registration;
        this.corrections = corrections;
        this.lifecycle = lifecycle;
        this.projects = projects;
        this.contacts = contacts;
        this.funds = funds;
        this.repository = repository;
        this.rowRules = rowRules;
        this.audit = audit;
        this.views = views;
        this.probeLimit = probeLimit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.orgUnits = orgUnits;
        this.teamDirectory = teamDirectory;
    }

    /** A row that a duplicate rule put (or would put) into the review pool. */
    public record DuplicateRow(int row, String name, UUID duplicateOf, String rule) {
    }

    /** What became of a row: NEW (registered), UPDATED (with what changed, by the list's headers) or UNCHANGED. */
    public record RowOutcome(int row, String code, String status, UUID projectId, List<String> changes) {
    }

    /**
     * What an import did, or a preview would do.
     *
     * @param errors every located error, sheet then row then column; none when the import applied
     * @param duplicates the rows a duplicate rule pooled, to be decided in the review pool
     * @param outcomes every row without an error, in the file's order
     */
    public record Outcome(UUID importId, int rows, int registered, int updated, int unchanged, int fundsMonths,
            List<CellError> errors, List<DuplicateRow> duplicates, List<RowOutcome> outcomes) {
    }

    /** The import: applied whole, or refused with 400 listing every error and nothing applied. */
    public Outcome apply(byte[] file, OrgScope scope) {
        Outcome outcome = transactions.execute(status -> {
            Outcome done = run(file, scope);
            if (!done.errors().isEmpty()) {
                throw new RequestValidationException(done.errors().stream().map(CellError::toViolation).toList());
            }
            audit.record(scope.caller(), "project-import", done.importId().toString(), "imported", null, summary(done));
            return done;
        });
        return outcome;
    }

    /**
     * The preview: what the import would do, errors first, then duplicates; nothing is kept but its
     * audit entry. It answers what the duplicate rules say of every row, so it shares the form's
     * duplicate-check budget per user.
     */
    public Outcome preview(byte[] file, OrgScope scope) {
        probeLimit.take(scope.caller());
        Outcome outcome = transactions.execute(status -> {
            status.setRollbackOnly();
            return run(file, scope);
        });
        transactions.executeWithoutResult(status -> audit.record(scope.caller(), "project-import", outcome.importId().toString(),
                "previewed", null, summary(outcome)));
        return outcome;
    }

    private static Map<String, Object> summary(Outcome outcome) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", outcome.rows());
        summary.put("registered", outcome.registered());
        summary.put("updated", outcome.updated());
        summary.put("unchanged", outcome.unchanged());
        summary.put("pooled", outcome.duplicates().size());
        summary.put("fundsMonths", outcome.fundsMonths());
        summary.put("errors", outcome.errors().size());
        return summary;
    }

    private Outcome run(byte[] file, OrgScope scope) {
        UUID importId = UUID.randomUUID();
        ProjectListWorkbook.Parsed parsed = ProjectListWorkbook.read(file);
        List<CellError> errors = new ArrayList<>(parsed.errors());
        Map<ListRow, OrgUnit> counties = new HashMap<>();
        Map<ListRow, OrgUnit> landing = resolveUnits(parsed.rows(), scope, counties, errors);
        // The rows whose code names a project of the library update it; the others are registered.
        Map<String, Project> byCode = new HashMap<>();
        projects.lockByCodesInScope(parsed.rows().stream().map(ListRow::code).filter(code -> !code.isEmpty()).distinct().toList(),
                scope).forEach(project -> byCode.put(project.details().projectCode(), project));
        checkRows(parsed.rows(), byCode.keySet(), errors);
        Map<UUID, InvestorContact> knownContacts = contacts.of(byCode.values().stream().map(Project::id).toList());
        Map<ListRow, UUID> teams = resolveTeams(parsed.rows(), landing, errors);
        for (ListRow row : parsed.rows()) {
            OrgUnit unit = landing.getOrDefault(row, counties.get(row));
            rowRules.check(row, unit == null ? row.county() : unit.code()).stream()
                    // a cell that could not be read, or names no unit, has said what is wrong with it already
                    .filter(error -> errors.stream().noneMatch(known -> known.sheet().equals(error.sheet())
                            && known.row() == error.row() && known.column().equals(error.column())))
                    .forEach(errors::add);
        }
        for (FundsRow month : parsed.funds()) {
            rowRules.check(month).stream()
                    .filter(error -> errors.stream().noneMatch(known -> known.sheet().equals(error.sheet())
                            && known.row() == error.row() && known.column().equals(error.column())))
                    .forEach(errors::add);
        }
        Map<FundsRow, ListRow> fundsOf = matchFunds(parsed.funds(), parsed.rows(), errors);

        int registered = 0;
        int fundsMonths = 0;
        List<DuplicateRow> duplicates = new ArrayList<>();
        // Rows with errors are left out; any error refuses the import anyway, and the preview still
        // shows what the good rows would meet in the duplicate rules.
        List<Integer> badRows = errors.stream().filter(error -> error.sheet().equals(ProjectListLayout.SHEET))
                .map(CellError::row).toList();
        Map<ListRow, Project> rowProjects = new HashMap<>();
        Map<ListRow, RowOutcome> outcomes = new LinkedHashMap<>();
        // Many registrations in one transaction: their cities are locked as a whole first.
        registration.lockCitiesForBulkRegistration(landing.values());
        for (ListRow row : parsed.rows()) {
            if (badRows.contains(row.row()) || !landing.containsKey(row)) {
                continue;
            }
            Project existing = byCode.get(row.code());
            try {
                if (existing != null) {
                    InvestorContact contact = knownContacts.getOrDefault(existing.id(), new InvestorContact(null, null));
                    update(row, existing, contact, landing.get(row), teams.get(row), scope, errors).ifPresent(outcome -> {
                        rowProjects.put(row, existing);
                        outcomes.put(row, outcome);
                    });
                    continue;
                }
                Project project = registration.registerWithoutDocuments(command(row, landing.get(row), teams.get(row)), scope);
                rowProjects.put(row, project);
                outcomes.put(row, new RowOutcome(row.row(), row.code(), "NEW", project.id(), List.of()));
                registered++;
                if (project.review() == ReviewStatus.PENDING) {
                    // named only when the project it may duplicate is within the caller's scope
                    PossibleDuplicate hit = views.possibleDuplicate(project.id(), scope);
                    duplicates.add(new DuplicateRow(row.row(), row.name(), hit.duplicateOf(), hit.rule()));
                }
            } catch (RequestValidationException refused) {
                refused.violations().forEach(violation -> errors.add(row.error(ProjectListLayout.headerOf(violation.field()),
                        violation.rule(), violation.message())));
            } catch (ConflictException refused) {
                errors.add(row.error(ProjectListLayout.STAGE, "Conflict", refused.getMessage()));
            }
        }
        List<Integer> badFundsRows = errors.stream().filter(error -> error.sheet().equals(FundsSheetLayout.SHEET))
                .map(CellError::row).toList();
        for (Map.Entry<FundsRow, ListRow> entry : fundsOf.entrySet()) {
            FundsRow month = entry.getKey();
            Project project = rowProjects.get(entry.getValue());
            if (project == null || badFundsRows.contains(month.row())) {
                continue;
            }
            BigDecimal amount = month.amount().setScale(2);
            // a month the library has with the same amount and voucher is unchanged, whatever kind of
            // voucher it was entered with (the sheet has no column for the kind)
            boolean same = funds.latest(project.id(), month.month(), scope)
                    .filter(latest -> latest.amount().compareTo(amount) == 0 && latest.evidenceNumber().equals(month.voucherNumber())
                            && latest.evidenceDate().equals(month.voucherDate()))
                    .isPresent();
            if (same) {
                continue;
            }
            try {
                // a month already reported with other figures is corrected; the reason names the import
                FundsInPlace.MonthOutcome done = funds.applyMonth(month.month(), List.of(new FundsInPlace.MonthRow(project.id(),
                        new FundsInPlace.FundsEntry(month.month(), amount, FundsEvidenceType.BANK_VOUCHER,
                                month.voucherNumber(), month.voucherDate()), "月报表导入 " + importId)), scope).getFirst();
                if (done.change() != FundsInPlace.Change.UNCHANGED) {
                    fundsMonths++;
                    outcomes.computeIfPresent(entry.getValue(), (row, outcome) -> outcome.status().equals("NEW") ? outcome
                            : new RowOutcome(outcome.row(), outcome.code(), "UPDATED", outcome.projectId(),
                                    java.util.stream.Stream.concat(outcome.changes().stream(),
                                            java.util.stream.Stream.of(FundsSheetLayout.SHEET + " " + month.month())).toList()));
                }
            } catch (ConflictException | RequestValidationException refused) {
                errors.add(month.error(FundsSheetLayout.MONTH, "Fundable", refused.getMessage()));
            }
        }
        errors.sort(Comparator.comparing((CellError error) -> !error.sheet().equals(ProjectListLayout.SHEET))
                .thenComparingInt(CellError::row).thenComparing(error -> error.column().length()).thenComparing(CellError::column));
        List<RowOutcome> rowOutcomes = List.copyOf(outcomes.values());
        return new Outcome(importId, parsed.rows().size(), registered,
                (int) rowOutcomes.stream().filter(outcome -> outcome.status().equals("UPDATED")).count(),
                (int) rowOutcomes.stream().filter(outcome -> outcome.status().equals("UNCHANGED")).count(),
                fundsMonths, List.copyOf(errors), List.copyOf(duplicates), rowOutcomes);
    }

    /**
     * Updates the project a row names by its code: corrects its descriptive fields and moves it on,
     * as {@link ListRowUpdate} plans it; empty when the row has errors (added to {@code errors}).
     */
    private Optional<RowOutcome> update(ListRow row, Project project, InvestorContact contact, OrgUnit unit, UUID team, OrgScope scope,
            List<CellError> errors) {
        if (project.review() != ReviewStatus.ACCEPTED) {
            errors.add(row.error(ProjectListLayout.CODE, "InReview",
                    "the project of this code waits in duplicate review; it is updated once a reviewer keeps it"));
            return Optional.empty();
        }
        UUID investor = row.investor().isEmpty() ? null : repository.enterpriseNamed(row.investor()).orElse(null);
        ListRowUpdate plan = ListRowUpdate.plan(row, project, contact, investor, unit.code(), team, LocalDate.now(clock));
        if (!plan.errors().isEmpty()) {
            errors.addAll(plan.errors());
            return Optional.empty();
        }
        if (plan.correction() != null) {
            // the import holds the project's lock: it changes the version it read, whatever it is
            corrections.correct(project.id(), IfMatch.ANY, plan.correction(), scope);
        }
        for (ProjectLifecycle.MoveStage move : plan.moves()) {
            lifecycle.move(project.id(), move, scope);
        }
        return Optional.of(new RowOutcome(row.row(), row.code(), plan.changesAnything() ? "UPDATED" : "UNCHANGED", project.id(),
                plan.changes()));
    }

    /**
     * The resident team each row's 驻点工作队 names: a team's name as an officer types it, found among
     * the open teams of the row's unit and the units above it (the local copy of targets-service's
     * teams), or a team's id as earlier exports wrote it.
     */
    private Map<ListRow, UUID> resolveTeams(List<ListRow> rows, Map<ListRow, OrgUnit> landing, List<CellError> errors) {
        Map<ListRow, UUID> resolved = new HashMap<>();
        for (ListRow row : rows) {
            String team = row.team().strip();
            if (team.isEmpty() || !landing.containsKey(row)) {
                continue;
            }
            if (TEAM_ID.matcher(team).matches()) {
                resolved.put(row, UUID.fromString(team));
                continue;
            }
            List<String> chain = new ArrayList<>();
            for (OrgUnit unit = landing.get(row); unit != null;
                    unit = unit.parentCode() == null ? null : orgUnits.find(unit.parentCode()).orElse(null)) {
                chain.add(unit.code());
            }
            List<ResidentTeam> named = teamDirectory.named(team, chain);
            if (named.size() == 1) {
                resolved.put(row, named.getFirst().id());
            } else {
                errors.add(row.error(ProjectListLayout.TEAM, named.isEmpty() ? "KnownTeam" : "AmbiguousTeam", named.isEmpty()
                        ? "no open resident team named \"" + team + "\" belongs to " + landing.get(row).nameZh() + " or a unit above it"
                        : named.size() + " open resident teams are named \"" + team + "\"; give the team's id"));
            }
        }
        return resolved;
    }

    /** The unit each row lands in: its park when it names one, else its county; both within the caller's scope. */
    private Map<ListRow, OrgUnit> resolveUnits(List<ListRow> rows, OrgScope scope, Map<ListRow, OrgUnit> counties,
            List<CellError> errors) {
        List<OrgUnit> units = repository.unitsInScope(scope);
        Map<ListRow, OrgUnit> landing = new HashMap<>();
        for (ListRow row : rows) {
            if (row.county().isEmpty()) {
                continue;
            }
            Optional<OrgUnit> county = find(units, row.county(), OrgLevel.COUNTY, null);
            if (county.isEmpty()) {
                errors.add(row.error(ProjectListLayout.COUNTY, "CountyInScope",
                        "\"" + row.county() + "\" is not a county (name or code) within your scope"));
                continue;
            }
            counties.put(row, county.get());
            if (row.park().isEmpty()) {
                landing.put(row, county.get());
                continue;
            }
            Optional<OrgUnit> park = find(units, row.park(), OrgLevel.PARK, county.get().code());
            if (park.isEmpty()) {
                errors.add(row.error(ProjectListLayout.PARK, "ParkOfCounty",
                        "\"" + row.park() + "\" is not a park of " + county.get().nameZh() + " within your scope"));
            } else {
                landing.put(row, park.get());
            }
        }
        return landing;
    }

    private static Optional<OrgUnit> find(List<OrgUnit> units, String nameOrCode, OrgLevel level, String parentCode) {
        return units.stream()
                .filter(unit -> unit.level() == level && (parentCode == null || parentCode.equals(unit.parentCode())))
                .filter(unit -> unit.code().equals(nameOrCode) || unit.nameZh().equals(nameOrCode))
                .findFirst();
    }

    /**
     * The file's own rules: stages a new project can enter, the start date a new started project
     * needs, codes used twice. A row naming a project of the library by its code moves it on instead
     * ({@link ListRowUpdate} has its rules).
     */
    private void checkRows(List<ListRow> rows, Set<String> knownCodes, List<CellError> errors) {
        Map<String, Integer> codes = new HashMap<>();
        for (ListRow row : rows) {
            boolean fresh = !knownCodes.contains(row.code());
            if (fresh && (row.stage() == ProjectStage.SUSPENDED || row.stage() == ProjectStage.TERMINATED)) {
                errors.add(row.error(ProjectListLayout.STAGE, "RegistrableStage",
                        "a project enters the library at an active stage (线索 to 达产达效), not " + ProjectListLayout.label(row.stage())));
            }
            if (fresh && row.stage() != null && row.stage().hasReached(ProjectStage.STARTED) && row.stages().startDate() == null
                    && row.plannedStartDate() == null) {
                errors.add(row.error(ProjectListLayout.START_DATE, "RequiredForStage",
                        "a project from 开工 on needs its start date (开工日期, or else 计划开工日期)"));
            }
            if (!row.code().isEmpty()) {
                Integer first = codes.putIfAbsent(row.code(), row.row());
                if (first != null) {
                    errors.add(row.error(ProjectListLayout.CODE, "UniqueInFile", "the code " + row.code() + " is already on row " + first));
                }
            }
        }
    }

    /** Each funds row's project in the list sheet, by code or else by name. */
    private Map<FundsRow, ListRow> matchFunds(List<FundsRow> fundsRows, List<ListRow> rows, List<CellError> errors) {
        Map<FundsRow, ListRow> matched = new LinkedHashMap<>();
        YearMonth thisMonth = YearMonth.now(clock);
        for (FundsRow month : fundsRows) {
            Optional<ListRow> project = rows.stream()
                    .filter(row -> month.code().isEmpty() ? row.name().equals(month.name()) : row.code().equals(month.code()))
                    .findFirst();
            if (project.isEmpty()) {
                errors.add(month.error(month.code().isEmpty() ? FundsSheetLayout.NAME : FundsSheetLayout.CODE, "ProjectInFile",
                        "no project of " + ProjectListLayout.SHEET + " has this " + (month.code().isEmpty() ? "name" : "code")));
                continue;
            }
            boolean fundable = true;
            if (project.get().stage() != null && !project.get().stage().hasReached(ProjectStage.SIGNED)) {
                errors.add(month.error(FundsSheetLayout.NAME, "SignedProject", "funds in place are reported for signed projects only"));
                fundable = false;
            }
            if (month.month() != null && month.month().isAfter(thisMonth)) {
                errors.add(month.error(FundsSheetLayout.MONTH, "PastOrPresent", "a month that has not begun has no funds"));
                fundable = false;
            }
            if (fundable && month.month() != null && month.amount() != null && month.voucherDate() != null) {
                matched.put(month, project.get());
            }
        }
        return matched;
    }

    private RegisterProject command(ListRow row, OrgUnit unit, UUID team) {
        boolean started = row.stage().hasReached(ProjectStage.STARTED);
        String code = row.code().isEmpty() ? null : row.code();
        Channel channel = ProjectListLayout.channel(row.channel());
        // The investor is the registry's enterprise of that name (the local copy of its events);
        // one not known here yet is left unknown, as the API allows.
        UUID investor = row.investor().isEmpty() ? null : repository.enterpriseNamed(row.investor()).orElse(null);
        ProjectDetails details = new ProjectDetails(code, investor,
                Arrays.stream(row.chains().split(ProjectListLayout.TAG_SEPARATORS)).toList(), ProjectListLayout.keyArea(row.keyArea()), channel,
                team, row.fdiUsd() == null ? null : row.fdiUsd().setScale(2), channel == Channel.REINVESTMENT,
                row.plannedStartDate(), row.site());
        StageCells stages = row.stages();
        // the start date is 开工日期; lists without it give the start of a started project as 计划开工日期
        LocalDate startDate = stages.startDate() != null ? stages.startDate() : row.plannedStartDate();
        List<Evidence> documents = new ArrayList<>();
        if (stages.agreementNumber() != null && row.signingDate() != null) {
            documents.add(new Evidence(EvidenceType.AGREEMENT, stages.agreementNumber(), row.signingDate()));
        }
        if (stages.landingDocumentType() != null && stages.landingDocumentNumber() != null && stages.landingDate() != null) {
            documents.add(new Evidence(stages.landingDocumentType(), stages.landingDocumentNumber(), stages.landingDate()));
        }
        if (stages.permitNumber() != null && startDate != null) {
            documents.add(new Evidence(EvidenceType.CONSTRUCTION_PERMIT, stages.permitNumber(), startDate));
        }
        return new RegisterProject(row.name(), unit.code(), code, row.stage(),
                row.contractAmount() == null ? null : row.contractAmount().setScale(2), row.signingDate(),
                started ? startDate : null, documents, new IndustryCode(row.industryCode()), details,
                new InvestorContact(row.contactName(), row.contactPhone()),
                new StageDates(stages.landingDate(), stages.completionDate(), stages.productionDate()));
    }
}
