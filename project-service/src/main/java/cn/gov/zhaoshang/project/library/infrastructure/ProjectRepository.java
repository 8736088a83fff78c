package cn.gov.zhaoshang.project.library.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.project.InvestorClass;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.library.model.Channel;
import cn.gov.zhaoshang.project.library.model.IndustryCode;
import cn.gov.zhaoshang.project.library.model.PossibleDuplicate;
import cn.gov.zhaoshang.project.library.model.ProjectDetails;
import cn.gov.zhaoshang.project.library.model.ProjectFilter;
import cn.gov.zhaoshang.project.library.model.SourceKeyArea;
import cn.gov.zhaoshang.project.library.model.StageDates;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.library.model.ReviewStatus;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Projects in PostgreSQL. Every read is limited to a caller's {@link OrgScope}. */
@Repository
public class ProjectRepository {

    /** The orders a list of projects can be sorted by. */
    public static final SortOrders SORT_ORDERS = SortOrders.of(
            "signingDate,desc", "signing_date DESC NULLS LAST",
            "signingDate,asc", "signing_date ASC NULLS LAST",
            "contractAmount,desc", "contract_amount DESC NULLS LAST",
            "contractAmount,asc", "contract_amount ASC NULLS LAST",
            "name,asc", "name ASC",
            "name,desc", "name DESC",
            "registeredAt,desc", "registered_at DESC",
            "registeredAt,asc", "registered_at ASC");

    /** Best match first: the order of a search by name or code when no other is asked for. */
    public static final SortOrders.Order RELEVANCE = new SortOrders.Order("relevance",
            "(lower(p.project_code) = lower(:query)) DESC, " + ProjectFilterSql.RELEVANCE + " DESC, p.registered_at DESC");


    // The investor's contact (contact_name, contact_phone) is deliberately not among them: see InvestorContacts.
    public static final String COLUMNS = """
            id, name, org_unit_code, stage, contract_amount, signing_date, industry_code,
            registered_at, registered_by, version, start_date, interrupted_stage, review_status,
            project_code, investor_enterprise_id, industry_chain_tags, source_key_area, channel, resident_team_id,
            fdi_contract_usd, reinvestment, planned_start_date, site_address, stage_reached_on, signing_confirmed,
            investor_classes, landing_date, completion_date, production_date""";

    private static final TypeReference<List<InvestorClass>> CLASS_LIST = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ProjectRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param contactName the investor's contact, personal data; {@code null} when none
     * @param contactPhone the contact's phone; {@code null} when none
     * @param cityCode the city whose projects the duplicate rules compare it with; {@code null} above city level
     * @param normalizedName its name as the duplicate rules compare it ({@code ProjectNames})
     */
    public void insert(Project project, String contactName, String contactPhone, String cityCode, String normalizedName) {
        ProjectDetails details = project.details();
        jdbc.sql("""
                INSERT INTO project (id, name, org_unit_code, stage, contract_amount, signing_date, industry_code,
                                     manufacturing, registered_at, registered_by, version, start_date,
                                     project_code, investor_enterprise_id, industry_chain_tags, source_key_area, channel,
                                     resident_team_id, fdi_contract_usd, reinvestment, planned_start_date, site_address,
                                     stage_reached_on, signing_confirmed, investor_classes, contact_name, contact_phone,
                                     city_code, normalized_name, landing_date, completion_date, production_date)
                VALUES (:id, :name, :orgUnit, :stage, :amount, :signingDate, :industryCode,
                        :manufacturing, :registeredAt, :registeredBy, :version, :startDate,
                        :projectCode, :investor, CAST(:tags AS jsonb), :keyArea, :channel,
                        :team, :fdi, :reinvestment, :plannedStart, :site,
                        :reachedOn, :confirmed, CAST(:classes AS jsonb), :contactName, :contactPhone,
                        :city, :normalizedName, :landingDate, :completionDate, :productionDate)""")
                .param("landingDate", project.stageDates().landingDate())
                .param("completionDate", project.stageDates().completionDate())
                .param("productionDate", project.stageDates().productionDate())
                .param("city", cityCode)
                .param("normalizedName", normalizedName)
                .param("projectCode", details.projectCode())
                .param("investor", details.investorEnterpriseId())
                .param("tags", json.writeValueAsString(details.industryChainTags()))
                .param("keyArea", details.sourceKeyArea() == null ? null : details.sourceKeyArea().name())
                .param("channel", details.channel() == null ? null : details.channel().name())
                .param("team", details.residentTeamId())
                .param("fdi", details.fdiContractUsd())
                .param("reinvestment", details.reinvestment())
                .param("plannedStart", details.plannedStartDate())
                .param("site", details.siteAddress())
                .param("reachedOn", project.stageReachedOn())
                .param("confirmed", project.signingConfirmed())
                .param("classes", json.writeValueAsString(project.investorClasses()))
                .param("contactName", contactName)
                .param("contactPhone", contactPhone)
                .param("id", project.id())
                .param("name", project.name())
                .param("orgUnit", project.orgUnit())
                .param("stage", project.stage().name())
                .param("amount", project.contractAmount())
                .param("signingDate", project.signingDate())
                .param("industryCode", project.industryCode().value())
                .param("manufacturing", project.isManufacturing())
                .param("registeredAt", java.sql.Timestamp.from(project.registeredAt()))
                .param("registeredBy", project.registeredBy())
                .param("version", project.version())
                .param("startDate", project.startDate())
                .update();
    }

    /**
     * The project, locked until the transaction ends so that two moves of one project happen one
     * after the other; empty when it does not exist or is outside the scope.
     */
    public Optional<Project> lockInScope(UUID id, OrgScope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE id = :id AND " + OrgScope.WITHIN_SCOPE + " FOR UPDATE")
                .param("id", id)
                .param("callerPath", scope.path())
                .query(this::toProject)
                .optional();
    }

    /**
     * A hit of rule L1: the same code, or the same normalised name, in the same city, among projects
     * that count or wait, other than the project {@code self} being checked.
     */
    public Optional<UUID> findSameCodeOrNameInCity(UUID self, String cityCode, String projectCode, String normalizedName) {
        // One branch per key, each an equality on both columns of its own (city, key) index, so a
        // good plan needs no combining of two indexes for an OR. What made L1 cost milliseconds in
        // create-and-sign was statistics of a table still planned as empty (any plan then reads the
        // city's projects); autovacuum's ANALYZE ends that (docs/benchmarks/history.md, create-and-sign).
        return jdbc.sql("""
                SELECT id FROM (
                    (SELECT id, registered_at FROM project
                     WHERE city_code = :city AND project_code = :code AND id <> :self
                       AND review_status IN ('ACCEPTED', 'PENDING') AND stage <> 'TERMINATED'
                     ORDER BY registered_at LIMIT 1)
                    UNION ALL
                    (SELECT id, registered_at FROM project
                     WHERE city_code = :city AND normalized_name = :name AND id <> :self
                       AND review_status IN ('ACCEPTED', 'PENDING') AND stage <> 'TERMINATED'
                     ORDER BY registered_at LIMIT 1)
                ) AS hits
                ORDER BY registered_at LIMIT 1""")
                .param("self", self)
                .param("city", cityCode)
                .param("code", projectCode)
                .param("name", normalizedName)
                .query(UUID.class)
                .optional();
    }

    /**
     * For the pooled projects among {@code ids}: the project each may duplicate and the rule, named
     * only when that project lies within the caller's scope ({@link PossibleDuplicate}).
     */
    public Map<UUID, PossibleDuplicate> possibleDuplicates(Collection<UUID> ids, OrgScope scope) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, PossibleDuplicate> found = new HashMap<>();
        jdbc.sql("SELECT p.id, p.duplicate_of, p.duplicate_rule, coalesce(" + OrgScope.codeInSubtree("d.org_unit_code", OrgScope.CALLER_PATH)
                        + ", false) AS visible FROM project p LEFT JOIN project d ON d.id = p.duplicate_of"
                        + " WHERE p.id IN (:ids) AND p.review_status = 'PENDING'")
                .param("ids", ids)
                .param("callerPath", scope.path())
                .query(rs -> {
                    found.put(rs.getObject("id", UUID.class), PossibleDuplicate.disclosed(rs.getObject("duplicate_of", UUID.class),
                            rs.getString("duplicate_rule"), rs.getBoolean("visible")));
                });
        return found;
    }

    /** The org-tree path of the unit of the project a pooled project may duplicate, whoever may see it. */
    public Optional<String> pathOfPossibleDuplicate(UUID pooled) {
        return jdbc.sql("""
                SELECT u.path::text FROM project p JOIN project d ON d.id = p.duplicate_of JOIN org_unit u ON u.code = d.org_unit_code
                WHERE p.id = :id""")
                .param("id", pooled)
                .query(String.class)
                .optional();
    }

    /**
     * The projects in scope that counts or wait (accepted or pooled, not rejected or merged) with one
     * of these codes, locked for the caller's transaction: the projects a monthly list names.
     */
    public List<Project> lockByCodesInScope(Collection<String> codes, OrgScope scope) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE project_code IN (:codes) AND review_status IN ('ACCEPTED', 'PENDING') AND "
                        + OrgScope.WITHIN_SCOPE + " ORDER BY id FOR UPDATE")
                .param("codes", codes)
                .param("callerPath", scope.path())
                .query(this::toProject)
                .list();
    }

    /** Whether the project exists and lies within the caller's scope. */
    public boolean existsInScope(UUID id, OrgScope scope) {
        return jdbc.sql("SELECT count(*) > 0 FROM project WHERE id = :id AND " + OrgScope.WITHIN_SCOPE)
                .param("id", id)
                .param("callerPath", scope.path())
                .query(Boolean.class)
                .single();
    }

    /** Writes the review state; {@code duplicateOf} and {@code rule} are kept when null. */
    public void updateReview(Project project, UUID duplicateOf, String rule) {
        jdbc.sql("""
                UPDATE project SET review_status = :status, version = :version,
                                   duplicate_of = coalesce(:duplicateOf, duplicate_of), duplicate_rule = coalesce(:rule, duplicate_rule)
                WHERE id = :id""")
                .param("id", project.id())
                .param("status", project.review().name())
                .param("version", project.version())
                .param("duplicateOf", duplicateOf)
                .param("rule", rule)
                .update();
    }

    /** The review pool in scope, oldest first. */
    public List<Project> pageReviewPool(OrgScope scope, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE review_status = 'PENDING' AND "
                        + OrgScope.WITHIN_SCOPE + " ORDER BY registered_at, id LIMIT :limit OFFSET :offset")
                .param("callerPath", scope.path())
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(this::toProject)
                .list();
    }

    public long countReviewPool(OrgScope scope) {
        return jdbc.sql("SELECT count(*) FROM project WHERE review_status = 'PENDING' AND " + OrgScope.WITHIN_SCOPE)
                .param("callerPath", scope.path())
                .query(Long.class).single();
    }

    /**
     * Writes the corrected descriptive fields of a project read with {@link #lockInScope}.
     *
     * @param normalizedName its name as the duplicate rules compare it ({@code ProjectNames})
     */
    public void updateDetails(Project project, String normalizedName) {
        ProjectDetails details = project.details();
        jdbc.sql("""
                UPDATE project SET name = :name, normalized_name = :normalizedName, investor_enterprise_id = :investor,
                                   industry_chain_tags = CAST(:tags AS jsonb), source_key_area = :keyArea, channel = :channel,
                                   resident_team_id = :team, planned_start_date = :plannedStart, site_address = :site,
                                   investor_classes = CAST(:classes AS jsonb), version = :version
                WHERE id = :id""")
                .param("id", project.id())
                .param("name", project.name())
                .param("normalizedName", normalizedName)
                .param("investor", details.investorEnterpriseId())
                .param("tags", json.writeValueAsString(details.industryChainTags()))
                .param("keyArea", details.sourceKeyArea() == null ? null : details.sourceKeyArea().name())
                .param("channel", details.channel() == null ? null : details.channel().name())
                .param("team", details.residentTeamId())
                .param("plannedStart", details.plannedStartDate())
                .param("site", details.siteAddress())
                .param("classes", json.writeValueAsString(project.investorClasses()))
                .param("version", project.version())
                .update();
    }

    /** Writes the owning unit of a project that was read with {@link #lockInScope}. */
    public void updateOrgUnit(Project project) {
        jdbc.sql("UPDATE project SET org_unit_code = :orgUnit, version = :version WHERE id = :id")
                .param("id", project.id())
                .param("orgUnit", project.orgUnit())
                .param("version", project.version())
                .update();
    }

    /** Writes the lifecycle state of a project that was read with {@link #lockInScope}. */
    public void updateLifecycle(Project project) {
        jdbc.sql("""
                UPDATE project SET stage = :stage, contract_amount = :amount, signing_date = :signingDate,
                                   start_date = :startDate, interrupted_stage = :interrupted, version = :version,
                                   signing_confirmed = :confirmed, investor_classes = CAST(:classes AS jsonb),
                                   landing_date = :landingDate, completion_date = :completionDate, production_date = :productionDate
                WHERE id = :id""")
                .param("landingDate", project.stageDates().landingDate())
                .param("completionDate", project.stageDates().completionDate())
                .param("productionDate", project.stageDates().productionDate())
                .param("confirmed", project.signingConfirmed())
                .param("classes", json.writeValueAsString(project.investorClasses()))
                .param("id", project.id())
                .param("stage", project.stage().name())
                .param("amount", project.contractAmount())
                .param("signingDate", project.signingDate())
                .param("startDate", project.startDate())
                .param("interrupted", project.interruptedStage() == null ? null : project.interruptedStage().name())
                .param("version", project.version())
                .update();
    }

    /** Writes the confirmation of a project that was read with {@link #lockInScope}. */
    public void updateSigningConfirmed(Project project) {
        jdbc.sql("UPDATE project SET signing_confirmed = :confirmed, version = :version WHERE id = :id")
                .param("id", project.id())
                .param("confirmed", project.signingConfirmed())
                .param("version", project.version())
                .update();
    }

    // SIGNED-pending: signed, waiting for a leader, counted by nobody yet; pooled and terminated ones excluded
    private static final String SIGNING_PENDING = "NOT signing_confirmed AND stage <> 'TERMINATED' AND review_status = 'ACCEPTED' AND ";

    /** One page of the SIGNED-pending projects under the unit of {@code path} (already checked to be in scope). */
    public List<Project> pageSigningPending(String path, SortOrders.Order sort, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE " + SIGNING_PENDING + OrgScope.WITHIN_SCOPE
                        + " ORDER BY " + sort.orderBy() + ", id LIMIT :limit OFFSET :offset")
                .param("callerPath", path)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(this::toProject)
                .list();
    }

    public long countSigningPending(String path) {
        return jdbc.sql("SELECT count(*) FROM project WHERE " + SIGNING_PENDING + OrgScope.WITHIN_SCOPE)
                .param("callerPath", path)
                .query(Long.class).single();
    }

    public Optional<Project> findInScope(UUID id, OrgScope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE id = :id AND " + OrgScope.WITHIN_SCOPE)
                .param("id", id)
                .param("callerPath", scope.path())
                .query(this::toProject)
                .optional();
    }

    /** One page of the projects in scope that match the filter, and how many match. */
    public record Matching(List<Project> page, long total) {
    }

    /**
     * One page of the projects in scope that match the filter, in the given order (one of
     * {@link #SORT_ORDERS}, or {@link #RELEVANCE} with a query: best match first), and how many match.
     *
     * <p>The page is chosen first, as ids only, and counted in the same statement; only then are its
     * rows read. Without a query the choice is made from the index alone (V20: the filters and sort
     * keys are in its entries), so a county's page of 20 among 214 matches reads 20 rows, not 214
     * scattered over as many heap blocks. A search by name reads every match's row anyway (the
     * trigram index's matches are re-checked), but sorts and counts only their ids and scores.
     */
    public Matching matching(OrgScope scope, ProjectFilter filter, SortOrders.Order sort, int page, int size) {
        ProjectFilterSql where = ProjectFilterSql.of(jdbc, scope, filter);
        Matching matching = jdbc.sql("WITH chosen AS MATERIALIZED (SELECT p.id AS chosen_id, count(*) OVER () AS matching"
                        + " FROM project p WHERE " + where.where()
                        + " ORDER BY " + sort.orderBy() + ", p.id LIMIT :limit OFFSET :offset)"
                        + " SELECT " + COLUMNS + ", chosen.matching FROM chosen JOIN project p ON p.id = chosen.chosen_id"
                        + " ORDER BY " + sort.orderBy() + ", p.id")
                .params(where.parameters())
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(rs -> {
                    List<Project> found = new ArrayList<>();
                    long total = -1;
                    while (rs.next()) {
                        found.add(toProject(rs, found.size()));
                        total = rs.getLong("matching");
                    }
                    return new Matching(found, total);
                });
        if (matching.total() >= 0) {
            return matching;
        }
        // a page past the last (or no match at all): counted on its own
        long total = jdbc.sql("SELECT count(*) FROM project p WHERE " + where.where())
                .params(where.parameters())
                .query(Long.class).single();
        return new Matching(matching.page(), total);
    }

    /** Maps a row selected with {@link #COLUMNS}. */
    public Project toProject(ResultSet rs, int row) throws SQLException {
        return new Project(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("org_unit_code"),
                ProjectStage.valueOf(rs.getString("stage")),
                rs.getBigDecimal("contract_amount"),
                rs.getObject("signing_date", java.time.LocalDate.class),
                new IndustryCode(rs.getString("industry_code")),
                rs.getTimestamp("registered_at").toInstant(),
                rs.getString("registered_by"),
                rs.getLong("version"),
                rs.getObject("start_date", java.time.LocalDate.class),
                rs.getString("interrupted_stage") == null ? null : ProjectStage.valueOf(rs.getString("interrupted_stage")),
                ReviewStatus.valueOf(rs.getString("review_status")),
                new ProjectDetails(
                        rs.getString("project_code"),
                        rs.getObject("investor_enterprise_id", UUID.class),
                        json.readValue(rs.getString("industry_chain_tags"), STRING_LIST),
                        rs.getString("source_key_area") == null ? null : SourceKeyArea.valueOf(rs.getString("source_key_area")),
                        rs.getString("channel") == null ? null : Channel.valueOf(rs.getString("channel")),
                        rs.getObject("resident_team_id", UUID.class),
                        rs.getBigDecimal("fdi_contract_usd"),
                        rs.getBoolean("reinvestment"),
                        rs.getObject("planned_start_date", java.time.LocalDate.class),
                        rs.getString("site_address")),
                rs.getObject("stage_reached_on", java.time.LocalDate.class),
                rs.getBoolean("signing_confirmed"),
                json.readValue(rs.getString("investor_classes"), CLASS_LIST),
                new StageDates(rs.getObject("landing_date", java.time.LocalDate.class),
                        rs.getObject("completion_date", java.time.LocalDate.class),
                        rs.getObject("production_date", java.time.LocalDate.class)));
    }
}
