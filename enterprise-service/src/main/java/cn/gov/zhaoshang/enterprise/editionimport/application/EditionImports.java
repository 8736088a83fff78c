package cn.gov.zhaoshang.enterprise.editionimport.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.editionimport.infrastructure.EditionFileReader;
import cn.gov.zhaoshang.enterprise.editionimport.infrastructure.EditionImportRepository;
import cn.gov.zhaoshang.enterprise.editionimport.model.EditionFile;
import cn.gov.zhaoshang.enterprise.editionimport.model.ImportHeader;
import cn.gov.zhaoshang.enterprise.editionimport.model.ImportRow;
import cn.gov.zhaoshang.enterprise.editionimport.model.ImportRow.Candidate;
import cn.gov.zhaoshang.enterprise.editionimport.model.ImportRow.RowError;
import cn.gov.zhaoshang.enterprise.editionimport.model.MatchKind;
import cn.gov.zhaoshang.enterprise.editionimport.model.QueuedRow;
import cn.gov.zhaoshang.enterprise.membership.application.ListMemberships;
import cn.gov.zhaoshang.enterprise.membership.infrastructure.MembershipRepository;
import cn.gov.zhaoshang.enterprise.membership.model.ListEdition;
import cn.gov.zhaoshang.enterprise.membership.model.ValidityKind;
import cn.gov.zhaoshang.enterprise.registry.application.EnterpriseRegistration;
import cn.gov.zhaoshang.enterprise.registry.infrastructure.EnterpriseRepository;
import cn.gov.zhaoshang.enterprise.registry.model.Enterprise;
import cn.gov.zhaoshang.enterprise.registry.model.EnterpriseName;
import cn.gov.zhaoshang.enterprise.registry.model.Uscc;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.security.OrgScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a whole list edition: reads the file, checks and matches every row into a preview, lets
 * people correct bad rows and decide uncertain matches, and applies it only when every row is decided.
 */
@Service
public class EditionImports {

    /** Names at least this similar, without an exact match, are an uncertain match for a reviewer. */
    static final double REVIEW_SIMILARITY = 0.6;

    private final EditionFileReader reader;
    private final EditionImportRepository imports;
    private final EnterpriseRepository enterprises;
    private final EnterpriseRegistration registration;
    private final ListMemberships listMemberships;
    private final MembershipRepository memberships;
    private final AuditTrail audit;
    private final Clock clock;

    public EditionImports(EditionFileReader reader, EditionImportRepository imports, EnterpriseRepository enterprises,
            EnterpriseRegistration registration, ListMemberships listMemberships, MembershipRepository memberships,
            AuditTrail audit, Clock clock) {
        this.reader = reader;
        this.imports = imports;
        this.enterprises = enterprises;
        this.registration = registration;
        this.listMemberships = listMemberships;
        this.memberships = memberships;
        this.audit = audit;
        this.clock = clock;
    }

    /** An import and how its rows were matched. */
    public record Preview(ImportHeader header, Map<MatchKind, Long> counts, List<ImportRow> errors, List<ImportRow> reviews) {
    }

    /** What applying did. */
    public record Applied(UUID importId, int memberships, int createdEnterprises) {
    }

    @Transactional
    public Preview upload(UUID editionId, String fileName, byte[] content, OrgScope scope) {
        ListEdition edition = listMemberships.edition(editionId);
        List<EditionFile.Row> rows = reader.read(content);
        if (rows.isEmpty()) {
            throw new RequestValidationException(List.of(new FieldViolation("file", "NotEmpty", "the file has no data rows")));
        }
        UUID importId = UUID.randomUUID();
        imports.insert(importId, editionId, fileName, clock.instant(), scope.caller().username());
        Set<String> usccs = new HashSet<>();
        Map<String, Integer> rankRows = new HashMap<>();
        for (EditionFile.Row row : rows) {
            ImportRow checked = check(edition, row.rowNumber(), row.cell(EditionFile.SERIAL), row.cell(EditionFile.RANK),
                    row.cell(EditionFile.NAME), normaliseUscc(row.cell(EditionFile.USCC)), usccs, rankRows);
            imports.upsertRow(importId, checked);
        }
        audit.record(scope.caller(), "edition_import", importId.toString(), "uploaded", null,
                Map.of("editionId", editionId.toString(), "fileName", String.valueOf(fileName), "rows", rows.size()));
        return preview(importId);
    }

    public Preview preview(UUID importId) {
        ImportHeader header = imports.find(importId).orElseThrow(() -> new NotFoundException("edition import", importId));
        return new Preview(header, imports.countsByMatch(importId), imports.rows(importId, MatchKind.ERROR, 0, 10_000),
                imports.rows(importId, MatchKind.REVIEW, 0, 10_000));
    }

    public List<ImportRow> rows(UUID importId, MatchKind match, int page, int size) {
        imports.find(importId).orElseThrow(() -> new NotFoundException("edition import", importId));
        return imports.rows(importId, match, page, size);
    }

    /** The review queue: uncertain matches of imports not yet applied, oldest import first. */
    public List<QueuedRow> reviewQueue(int page, int size) {
        return imports.reviewQueue(page, size);
    }

    public long reviewQueueSize() {
        return imports.reviewQueueSize();
    }

    /** Replaces the given cells of a row with corrected ones and checks and matches it again. */
    @Transactional
    public ImportRow correct(UUID importId, int rowNumber, String serial, String rank, String name, String uscc, OrgScope scope) {
        ImportHeader header = openImport(importId);
        ImportRow before = imports.row(importId, rowNumber).orElseThrow(() -> new NotFoundException("import row", rowNumber));
        ListEdition edition = listMemberships.edition(header.editionId());
        Set<String> usccs = new HashSet<>();
        Map<String, Integer> rankRows = new HashMap<>();
        for (ImportRow other : imports.rows(importId)) {
            if (other.rowNumber() != rowNumber && other.match() != MatchKind.ERROR) {
                if (other.uscc() != null) {
                    usccs.add(other.uscc());
                }
                if (other.rank() != null) {
                    rankRows.put(other.rank().strip(), other.rowNumber());
                }
            }
        }
        // A cell left out keeps its value; an empty string clears it.
        ImportRow corrected = check(edition, rowNumber, serial == null ? before.serial() : serial,
                rank == null ? before.rank() : blankToNull(rank), name == null ? before.name() : blankToNull(name),
                uscc == null ? before.uscc() : normaliseUscc(uscc), usccs, rankRows);
        imports.upsertRow(importId, corrected);
        audit.record(scope.caller(), "edition_import", importId.toString(), "row-corrected", before, corrected);
        return corrected;
    }

    /** A reviewer's decision on an uncertain match: this registered enterprise, or (null) a new list-only record. */
    @Transactional
    public ImportRow resolve(UUID importId, int rowNumber, UUID enterpriseId, OrgScope scope) {
        openImport(importId);
        ImportRow before = imports.row(importId, rowNumber).orElseThrow(() -> new NotFoundException("import row", rowNumber));
        if (before.match() != MatchKind.REVIEW) {
            throw new ConflictException("row " + rowNumber + " is not waiting for review", Map.of("match", before.match().name()));
        }
        if (enterpriseId != null && enterprises.findActive(enterpriseId).isEmpty()) {
            throw new RequestValidationException(List.of(new FieldViolation("enterpriseId", "KnownEnterprise", "is not a registered enterprise")));
        }
        ImportRow chosen = new ImportRow(before.rowNumber(), before.serial(), before.rank(), before.name(), before.uscc(),
                MatchKind.CHOSEN, enterpriseId, before.candidates(), List.of());
        imports.upsertRow(importId, chosen);
        audit.record(scope.caller(), "edition_import", importId.toString(), "row-reviewed", before, chosen);
        return chosen;
    }

    /** Applies the import once every row is decided: list-only records for new enterprises, then the memberships. */
    @Transactional
    public Applied apply(UUID importId, OrgScope scope) {
        ImportHeader header = openImport(importId);
        List<ImportRow> rows = imports.rows(importId);
        List<ImportRow> undecided = rows.stream().filter(row -> !row.match().decided()).toList();
        if (!undecided.isEmpty()) {
            throw new ConflictException(undecided.size() + " row(s) must be corrected or reviewed before the import is applied",
                    Map.of("undecidedRows", undecided.stream().map(row -> Map.of("row", row.rowNumber(), "match", row.match().name(),
                            "errors", row.errors())).toList()));
        }
        Map<String, UUID> createdByName = new LinkedHashMap<>();
        int added = 0;
        for (ImportRow row : rows) {
            UUID enterpriseId = row.enterpriseId();
            if (enterpriseId == null) {
                String key = row.uscc() != null ? row.uscc() : EnterpriseName.normalise(row.name());
                enterpriseId = createdByName.get(key);
                if (enterpriseId == null) {
                    Enterprise created = registration.registerListOnly(row.name(), row.uscc(), scope);
                    enterpriseId = created.id();
                    createdByName.put(key, enterpriseId);
                }
            }
            if (memberships.find(header.editionId(), enterpriseId).isEmpty()) {
                listMemberships.add(header.editionId(), enterpriseId, row.rankValue(), null, null, scope);
                added++;
            }
        }
        imports.markApplied(importId, clock.instant(), scope.caller().username());
        audit.record(scope.caller(), "edition_import", importId.toString(), "applied", null,
                Map.of("memberships", added, "createdEnterprises", createdByName.size()));
        return new Applied(importId, added, createdByName.size());
    }

    private ImportHeader openImport(UUID importId) {
        ImportHeader header = imports.findForUpdate(importId).orElseThrow(() -> new NotFoundException("edition import", importId));
        if (!header.status().equals("PREVIEW")) {
            throw new ConflictException("this import has already been applied");
        }
        return header;
    }

    /**
     * Checks one row and, if it is sound, matches it: by USCC, else by normalised name; several or
     * only similar names go to review. {@code usccs} and {@code rankRows} hold what earlier rows used.
     */
    private ImportRow check(ListEdition edition, int rowNumber, String serial, String rank, String name, String uscc,
            Set<String> usccs, Map<String, Integer> rankRows) {
        List<RowError> errors = new ArrayList<>();
        if (name == null) {
            errors.add(new RowError(EditionFile.NAME, "NotBlank", "企业名称不能为空 (the name is missing)"));
        }
        if (uscc != null) {
            Uscc.problemWith(uscc).ifPresent(problem -> errors.add(new RowError(EditionFile.USCC, problem.rule(), problem.message())));
            if (!usccs.add(uscc)) {
                errors.add(new RowError(EditionFile.USCC, "Unique", "this USCC is already on another row of the file"));
            }
        }
        boolean ranked = edition.enterpriseClass().validityKind() == ValidityKind.RANKED_YEARLY;
        if (rank == null) {
            if (ranked) {
                errors.add(new RowError(EditionFile.RANK, "NotBlank", "排名不能为空 (a ranked list gives every rank)"));
            }
        } else if (!rank.matches("^[1-9][0-9]{0,5}$")) {
            errors.add(new RowError(EditionFile.RANK, "PositiveInteger", "排名应为正整数 (the rank is a positive whole number)"));
        } else if (rankRows.putIfAbsent(rank, rowNumber) != null) {
            errors.add(new RowError(EditionFile.RANK, "Unique", "this rank is already on row " + rankRows.get(rank)));
        }
        if (!errors.isEmpty()) {
            return new ImportRow(rowNumber, serial, rank, name, uscc, MatchKind.ERROR, null, List.of(), errors);
        }
        if (uscc != null) {
            var byUscc = enterprises.findByUscc(uscc);
            if (byUscc.isPresent()) {
                return new ImportRow(rowNumber, serial, rank, name, uscc, MatchKind.BY_USCC, byUscc.get().id(), List.of(), List.of());
            }
        }
        List<Enterprise> sameName = enterprises.findByNormalisedName(name);
        if (sameName.size() == 1 && (sameName.getFirst().uscc() == null || uscc == null)) {
            return new ImportRow(rowNumber, serial, rank, name, uscc, MatchKind.BY_NAME, sameName.getFirst().id(), List.of(), List.of());
        }
        List<Candidate> candidates = sameName.isEmpty()
                ? enterprises.similarNames(name, REVIEW_SIMILARITY, 5).stream()
                        .map(similar -> new Candidate(similar.id(), similar.nameZh(), similar.uscc(), similar.similarity())).toList()
                : sameName.stream().map(same -> new Candidate(same.id(), same.nameZh(), same.uscc(), 1.0)).toList();
        if (!candidates.isEmpty()) {
            return new ImportRow(rowNumber, serial, rank, name, uscc, MatchKind.REVIEW, null, candidates, List.of());
        }
        return new ImportRow(rowNumber, serial, rank, name, uscc, MatchKind.NEW, null, List.of(), List.of());
    }

    private static String normaliseUscc(String uscc) {
        return uscc == null || uscc.isBlank() ? null : uscc.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
