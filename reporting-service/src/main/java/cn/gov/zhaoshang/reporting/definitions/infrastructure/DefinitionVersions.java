package cn.gov.zhaoshang.reporting.definitions.infrastructure;

import cn.gov.zhaoshang.reporting.definitions.model.DefinitionRules;
import cn.gov.zhaoshang.reporting.definitions.model.RankingMethod;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import cn.gov.zhaoshang.contracts.targets.DefinitionPublished;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read model of metric definition versions. A published version never changes, so the first
 * event of a version wins and a later one with the same number is ignored; the version in force on
 * a date is the newest whose effective date is on or before it, as in targets-service.
 */
@Repository
public class DefinitionVersions {

    private static final String COLUMNS = """
            version, effective_from, figure_codes::text AS figure_codes, yellow_below_gap_points,
            red_below_gap_points, ranking_method, ranking_weights::text AS ranking_weights, ranking_cap,
            close_deadline_day, default_rules""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public DefinitionVersions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return whether the version was new */
    public boolean record(DefinitionPublished event) {
        DefinitionRules rules = DefinitionRules.of(event);
        Map<String, String> weights = new TreeMap<>();
        rules.rankingWeights().forEach((code, weight) -> weights.put(code, weight.toPlainString()));
        return jdbc.sql("""
                INSERT INTO definition_version (version, effective_from, published_at, figure_codes,
                    yellow_below_gap_points, red_below_gap_points, ranking_method, ranking_weights, ranking_cap,
                    close_deadline_day, default_rules)
                VALUES (:version, :effectiveFrom, :publishedAt, CAST(:figureCodes AS jsonb), :yellow, :red, :method,
                    CAST(:weights AS jsonb), :cap, :deadlineDay, :defaultRules)
                ON CONFLICT (version) DO NOTHING""")
                .param("version", rules.version())
                .param("effectiveFrom", rules.effectiveFrom())
                .param("publishedAt", Timestamp.from(event.publishedAt()))
                .param("figureCodes", json.writeValueAsString(rules.figureCodes()))
                .param("yellow", rules.yellowBelowGapPoints())
                .param("red", rules.redBelowGapPoints())
                .param("method", rules.rankingMethod().name())
                .param("weights", json.writeValueAsString(weights))
                .param("cap", rules.rankingCap())
                .param("deadlineDay", rules.closeDeadlineDay())
                .param("defaultRules", rules.defaultRules())
                .update() == 1;
    }

    public Optional<DefinitionRules> inForceOn(LocalDate date) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM definition_version WHERE effective_from <= :date
                ORDER BY effective_from DESC, version DESC LIMIT 1""")
                .param("date", date)
                .query(this::toRules)
                .optional();
    }

    public Optional<DefinitionRules> version(int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM definition_version WHERE version = :version")
                .param("version", version)
                .query(this::toRules)
                .optional();
    }

    /** @param orderBy one of the list's sort terms, never request text */
    public List<DefinitionRules> page(String orderBy, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM definition_version ORDER BY " + orderBy + " LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::toRules)
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM definition_version").query(Long.class).single();
    }

    private DefinitionRules toRules(ResultSet rs, int row) throws SQLException {
        List<String> figureCodes = json.readValue(rs.getString("figure_codes"), new TypeReference<List<String>>() { });
        Map<String, String> weightTexts = json.readValue(rs.getString("ranking_weights"),
                new TypeReference<Map<String, String>>() { });
        Map<String, BigDecimal> weights = new TreeMap<>();
        weightTexts.forEach((code, weight) -> weights.put(code, new BigDecimal(weight)));
        BigDecimal cap = rs.getBigDecimal("ranking_cap");
        return new DefinitionRules(rs.getInt("version"), rs.getObject("effective_from", LocalDate.class), figureCodes,
                rs.getBigDecimal("yellow_below_gap_points").stripTrailingZeros(),
                rs.getBigDecimal("red_below_gap_points").stripTrailingZeros(),
                RankingMethod.valueOf(rs.getString("ranking_method")), weights,
                cap == null ? null : cap.stripTrailingZeros(),
                rs.getInt("close_deadline_day"), rs.getBoolean("default_rules"));
    }
}
