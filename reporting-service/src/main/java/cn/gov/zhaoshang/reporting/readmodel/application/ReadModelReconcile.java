package cn.gov.zhaoshang.reporting.readmodel.application;

import cn.gov.zhaoshang.reporting.readmodel.infrastructure.TopicReplay;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.platform.events.EventEnvelope;
import cn.gov.zhaoshang.platform.events.EventJson;
import cn.gov.zhaoshang.reporting.orgunits.infrastructure.LocalOrgUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Compares the read models with their source, the project topic read from its beginning: an
 * independent fold of the events (not the projector) gives, per unit and year, the signed projects,
 * their contract investment and the funds in place; the aggregates the reports read, and the
 * project rows they were built from, must give the same. Every difference is returned and logged.
 */
@Component
public class ReadModelReconcile {

    private static final Logger log = LoggerFactory.getLogger(ReadModelReconcile.class);

    private final TopicReplay replay;
    private final EventJson json;
    private final JdbcClient jdbc;
    private final LocalOrgUnits orgUnits;

    public ReadModelReconcile(TopicReplay replay, EventJson json, JdbcClient jdbc, LocalOrgUnits orgUnits) {
        this.replay = replay;
        this.json = json;
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
    }

    /** Totals of one unit and year. */
    public record Totals(long signedCount, BigDecimal contractInvestment, BigDecimal fundsInPlace) {
        static final Totals ZERO = new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO);

        boolean sameAs(Totals other) {
            return signedCount == other.signedCount && contractInvestment.compareTo(other.contractInvestment) == 0
                    && fundsInPlace.compareTo(other.fundsInPlace) == 0;
        }
    }

    /** One unit and year whose totals differ; {@code source} is the topic's, the others the read model's. */
    public record Difference(String orgUnit, int year, Totals source, Totals aggregates, Totals projectRows) {
    }

    public record Result(long eventsRead, int unitYearsCompared, List<Difference> differences) {
    }

    private static final class ProjectState {
        String unit;
        boolean terminated;
        boolean confirmed = true;
        LocalDate signingDate;
        BigDecimal amount;
        int termsVersion = 1;
        final Map<String, int[]> fundVersions = new HashMap<>();
        final Map<String, BigDecimal> funds = new HashMap<>();
    }

    public Result reconcile() {
        Map<String, ProjectState> projects = new HashMap<>();
        Set<String> seenEventIds = new HashSet<>();
        long read = replay.replay(List.of(Topics.PROJECT), record -> {
            EventEnvelope event;
            try {
                event = json.read(record.value());
            } catch (RuntimeException malformed) {
                return;
            }
            if (!seenEventIds.add(event.source() + "|" + event.id())) {
                return;
            }
            fold(projects, event);
        });

        Map<String, Totals> source = new TreeMap<>();
        for (ProjectState p : projects.values()) {
            if (p.terminated || p.unit == null || !p.confirmed || p.signingDate == null || p.amount == null) {
                continue;
            }
            String unit = orgUnits.resolve(p.unit).orElse(p.unit);
            add(source, unit + "|" + p.signingDate.getYear(), new Totals(1, p.amount, BigDecimal.ZERO));
            p.funds.forEach((month, amount) ->
                    add(source, unit + "|" + YearMonth.parse(month).getYear(), new Totals(0, BigDecimal.ZERO, amount)));
        }
        Map<String, Totals> aggregates = readModelTotals("""
                SELECT org_unit_code AS unit, extract(year FROM month)::int AS year, sum(signed_count) AS n,
                       sum(contract_investment) AS amount, 0 AS funds
                FROM unit_month_signing GROUP BY 1, 2
                UNION ALL
                SELECT org_unit_code, extract(year FROM month)::int, 0, 0, sum(amount)
                FROM unit_month_funds GROUP BY 1, 2""");
        Map<String, Totals> rows = readModelTotals("""
                SELECT org_unit_code AS unit, extract(year FROM signing_date)::int AS year, count(*) AS n,
                       sum(contract_amount) AS amount, 0 AS funds
                FROM project_fact
                WHERE stage <> 'TERMINATED' AND signing_confirmed AND signing_date IS NOT NULL AND contract_amount IS NOT NULL
                GROUP BY 1, 2
                UNION ALL
                SELECT p.org_unit_code, extract(year FROM f.month)::int, 0, 0, sum(f.amount)
                FROM project_funds f JOIN project_fact p USING (project_id)
                WHERE p.stage <> 'TERMINATED' AND p.signing_confirmed AND p.signing_date IS NOT NULL AND p.contract_amount IS NOT NULL
                GROUP BY 1, 2""");

        Set<String> keys = new TreeSet<>(source.keySet());
        keys.addAll(aggregates.keySet());
        keys.addAll(rows.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String key : keys) {
            Totals expected = source.getOrDefault(key, Totals.ZERO);
            Totals aggregate = aggregates.getOrDefault(key, Totals.ZERO);
            Totals row = rows.getOrDefault(key, Totals.ZERO);
            if (!expected.sameAs(aggregate) || !expected.sameAs(row)) {
                String[] parts = key.split("\\|");
                Difference difference = new Difference(parts[0], Integer.parseInt(parts[1]), expected, aggregate, row);
                differences.add(difference);
                log.warn("reconcile: {} {} differs: topic {}, aggregates {}, project rows {}", parts[0], parts[1],
                        expected, aggregate, row);
            }
        }
        log.info("reconcile: {} project events read, {} unit-years compared, {} differences", read, keys.size(),
                differences.size());
        return new Result(read, keys.size(), differences);
    }

    private static void fold(Map<String, ProjectState> projects, EventEnvelope event) {
        JsonNode d = event.data();
        String id = text(d, "projectId");
        if (id == null) {
            return;
        }
        switch (event.type()) {
            case EventTypes.PROJECT_REGISTERED -> {
                if (projects.containsKey(id)) {
                    return;
                }
                ProjectState p = new ProjectState();
                p.unit = text(d, "orgUnit");
                p.terminated = "TERMINATED".equals(text(d, "stage"));
                p.confirmed = !d.has("signingConfirmed") || d.get("signingConfirmed").isNull() || d.get("signingConfirmed").asBoolean();
                p.signingDate = date(d, "signingDate");
                p.amount = decimal(d, "contractAmount");
                projects.put(id, p);
            }
            case EventTypes.PROJECT_STAGE_CHANGED -> with(projects, id, p -> {
                if (decimal(d, "contractAmount") != null) {
                    p.amount = decimal(d, "contractAmount");
                }
                if (date(d, "signingDate") != null) {
                    p.signingDate = date(d, "signingDate");
                }
                if ("SIGNED".equals(text(d, "toStage"))) {
                    p.confirmed = !d.has("signingConfirmed") || d.get("signingConfirmed").isNull()
                            || d.get("signingConfirmed").asBoolean();
                }
            });
            case EventTypes.PROJECT_SIGNING_CONFIRMED -> with(projects, id, p -> {
                p.confirmed = true;
                p.signingDate = date(d, "signingDate");
            });
            case EventTypes.PROJECT_AMENDED -> with(projects, id, p -> {
                int version = d.get("version").asInt();
                if (version > p.termsVersion) {
                    p.termsVersion = version;
                    p.amount = decimal(d.get("after"), "contractAmount");
                }
            });
            case EventTypes.PROJECT_TERMINATED -> with(projects, id, p -> p.terminated = true);
            case EventTypes.PROJECT_TRANSFERRED -> with(projects, id, p -> p.unit = text(d, "toOrgUnit"));
            case EventTypes.PROJECT_FUNDS_REPORTED, EventTypes.PROJECT_FUNDS_CORRECTED -> with(projects, id, p -> {
                String month = text(d, "month");
                int version = d.get("version").asInt();
                int[] known = p.fundVersions.get(month);
                if (known == null || known[0] < version) {
                    p.fundVersions.put(month, new int[] {version});
                    p.funds.put(month, decimal(d, "amount"));
                }
            });
            default -> {
            }
        }
    }

    private static void with(Map<String, ProjectState> projects, String id, java.util.function.Consumer<ProjectState> change) {
        ProjectState p = projects.get(id);
        if (p != null) {
            change.accept(p);
        }
    }

    private Map<String, Totals> readModelTotals(String sql) {
        Map<String, Totals> totals = new TreeMap<>();
        jdbc.sql(sql).query((rs, row) -> {
            add(totals, rs.getString("unit") + "|" + rs.getInt("year"),
                    new Totals(rs.getLong("n"), rs.getBigDecimal("amount"), rs.getBigDecimal("funds")));
            return null;
        }).list();
        return totals;
    }

    private static void add(Map<String, Totals> totals, String key, Totals more) {
        totals.merge(key, more, (a, b) -> new Totals(a.signedCount + b.signedCount,
                a.contractInvestment.add(b.contractInvestment), a.fundsInPlace.add(b.fundsInPlace)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : new BigDecimal(text);
    }

    private static LocalDate date(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : LocalDate.parse(text);
    }
}
