package cn.gov.zhaoshang.project.library.infrastructure;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.library.model.ProjectFilter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link ProjectFilter} as SQL conditions on the table {@code project} (alias {@code p}), with the
 * parameters they bind; the caller's scope is always one of them. Values are only ever bound, never
 * written into the SQL.
 *
 * <p>The name search uses pg_trgm on {@code p.search_name}, the name in lower case with a space after
 * every character (V12): each Chinese character becomes a word of its own, so that
 * {@code word_similarity} measures how many of the query's characters appear, in order, in one
 * stretch of the name. A query that is part of the name scores 1; one with a wrong character in five
 * (新能原电池 for 新能源电池) about 0.67. Plain trigrams of Chinese text are three characters long and
 * a single wrong character leaves almost none of them in common.
 *
 * <p>The units are bound as the array of their codes, read from the local org tree first (the
 * caller's subtree, narrowed to the filter's unit), not as a subquery on the tree: PostgreSQL then
 * plans with the actual units, and for one unit it reads the index on (unit, name) for both
 * conditions at once (V19) instead of re-checking every project of the region whose name is close.
 */
public final class ProjectFilterSql {

    /** The query as {@code p.search_name} holds names (see V12). */
    static final String SPACED_QUERY = "regexp_replace(lower(:query), '(.)', '\\1 ', 'g')";

    /** How well the name matches the query, 0 to 1; only with a query. */
    public static final String RELEVANCE = "word_similarity(" + SPACED_QUERY + ", p.search_name)";

    /** A county with its parks, or a city with its counties; a region's list is far longer. */
    static final int MAX_UNITS_IN_THE_NAME_INDEX = 20;

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    private ProjectFilterSql() {
    }

    /** The conditions of the filter within the caller's scope, joined with AND. */
    public static ProjectFilterSql of(JdbcClient jdbc, OrgScope scope, ProjectFilter filter) {
        ProjectFilterSql sql = new ProjectFilterSql();
        String[] units = unitCodes(jdbc, scope, filter);
        // In the name index, a list of units costs one index scan per unit: a few (a county, a city)
        // are cheaper that way than re-checking the region's close names, but a region's hundred are
        // not, so a long list is only a filter on the rows the name found (the expression is no index's).
        boolean unitsInTheNameIndex = !filter.hasQuery() || units.length <= MAX_UNITS_IN_THE_NAME_INDEX;
        sql.add(unitsInTheNameIndex ? "p.org_unit_code = ANY(CAST(:units AS text[]))"
                : "(p.org_unit_code || '') = ANY(CAST(:units AS text[]))", "units", units);
        if (filter.hasQuery()) {
            // <% uses pg_trgm.word_similarity_threshold (0.6 by default) and the GIN index on search_name
            sql.add("(" + SPACED_QUERY + " <% p.search_name OR lower(p.project_code) LIKE :codePrefix)", "query", filter.query());
            sql.parameters.put("codePrefix", likeEscaped(filter.query().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (!filter.stages().isEmpty()) {
            sql.add("p.stage IN (:stages)", "stages", names(filter.stages()));
        }
        if (filter.industryPrefix() != null) {
            sql.add("p.industry_code LIKE :industry", "industry", likeEscaped(filter.industryPrefix()) + "%");
        }
        if (!filter.chainTags().isEmpty()) {
            // jsonb_exists_any is the operator ?| (a question mark would be taken for a JDBC placeholder)
            sql.add("jsonb_exists_any(p.industry_chain_tags, CAST(:chainTags AS text[]))", "chainTags", filter.chainTags().stream().sorted().toArray(String[]::new));
        }
        if (!filter.channels().isEmpty()) {
            sql.add("p.channel IN (:channels)", "channels", names(filter.channels()));
        }
        if (!filter.sourceKeyAreas().isEmpty()) {
            sql.add("p.source_key_area IN (:keyAreas)", "keyAreas", names(filter.sourceKeyAreas()));
        }
        if (filter.manufacturing() != null) {
            sql.add("p.manufacturing = :manufacturing", "manufacturing", filter.manufacturing());
        }
        if (filter.amountFrom() != null) {
            sql.add("p.contract_amount >= :amountFrom", "amountFrom", filter.amountFrom());
        }
        if (filter.amountTo() != null) {
            sql.add("p.contract_amount <= :amountTo", "amountTo", filter.amountTo());
        }
        if (filter.signedFrom() != null) {
            sql.add("p.signing_date >= :signedFrom", "signedFrom", filter.signedFrom());
        }
        if (filter.signedTo() != null) {
            sql.add("p.signing_date <= :signedTo", "signedTo", filter.signedTo());
        }
        if (filter.registeredFrom() != null) {
            sql.add("p.registered_at >= :registeredFrom", "registeredFrom", Timestamp.from(filter.registeredFrom()));
        }
        if (filter.registeredBefore() != null) {
            sql.add("p.registered_at < :registeredBefore", "registeredBefore", Timestamp.from(filter.registeredBefore()));
        }
        if (filter.investor() != null) {
            sql.add("p.investor_enterprise_id = :investor", "investor", filter.investor());
        }
        if (filter.hasOpenWarning() != null) {
            String open = "EXISTS (SELECT 1 FROM project_warning w WHERE w.project_id = p.id AND w.cleared_at IS NULL)";
            sql.conditions.add(filter.hasOpenWarning() ? open : "NOT " + open);
        }
        if (filter.keyProject() != null) {
            sql.add("p.key_project = :keyProject", "keyProject", filter.keyProject());
        }
        return sql;
    }

    /** The codes of the units in the caller's subtree and, if the filter names a unit, in its subtree. */
    private static String[] unitCodes(JdbcClient jdbc, OrgScope scope, ProjectFilter filter) {
        String inFilteredUnit = filter.unitPath() == null ? "" : " AND " + OrgScope.pathInSubtree("path", "unitPath");
        JdbcClient.StatementSpec units = jdbc.sql("SELECT code FROM org_unit WHERE " + OrgScope.pathInSubtree("path", OrgScope.CALLER_PATH)
                + inFilteredUnit + " ORDER BY code").param(OrgScope.CALLER_PATH, scope.path());
        if (filter.unitPath() != null) {
            units = units.param("unitPath", filter.unitPath());
        }
        return units.query(String.class).list().toArray(String[]::new);
    }

    public String where() {
        return String.join(" AND ", conditions);
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }

    private void add(String condition, String parameter, Object value) {
        conditions.add(condition);
        parameters.put(parameter, value);
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    /** The text matched literally by LIKE: its wildcards and the escape character escaped. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
