package cn.gov.zhaoshang.reporting.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitReferenceSeeder;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import cn.gov.zhaoshang.reporting.report.model.UnitReport;
import cn.gov.zhaoshang.reporting.report.infrastructure.UnitMonths;
import cn.gov.zhaoshang.reporting.report.infrastructure.UnitReportRepository;
import cn.gov.zhaoshang.reporting.report.application.UnitReports;
import cn.gov.zhaoshang.testsupport.PostgresServer;
import org.flywaydb.core.Flyway;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 6, acceptance 8, first bullet (a command, not a test): the region-wide monthly report over
 * 1,000,000 projects and 5,000,000 fund records, read by {@link UnitReports} from the read model,
 * against the same figures computed ad hoc by GROUP BY over source-shaped tables, in the same run
 * and the same embedded PostgreSQL. Both sides are checked to give the same figures before timing.
 *
 * <p>Run with {@code bench/reporting-benchmark.sh}; arguments: projects, fund records, iterations.
 */
public final class RegionReportBenchmark {

    private RegionReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int projects = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int fundRecords = args.length > 1 ? Integer.parseInt(args[1]) : 5_000_000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int adHocIterations = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        try (PostgresServer postgres = PostgresServer.start()) {
            HikariDataSource dataSource = migratedDatabase(postgres.database("reporting_bench"));
            JdbcClient jdbc = JdbcClient.create(dataSource);
            seedOrgUnits(jdbc);
            long started = System.nanoTime();
            load(jdbc, projects, fundRecords);
            System.out.printf("loaded %,d projects and %,d fund records (and built the read model) in %d s%n",
                    projects, fundRecords, Duration.ofNanos(System.nanoTime() - started).toSeconds());

            UnitReports reports = new UnitReports(jdbc, new UnitReportRepository(new NamedParameterJdbcTemplate(dataSource),
                    JsonMapper.builder().build()), new UnitMonths(jdbc));
            for (ReportPeriod period : List.of(ReportPeriod.parse("2022-10"), ReportPeriod.parse("2022-10-YTD"))) {
                Map<String, BigDecimal> fromReadModel = figures(reports.of("450000", period));
                Map<String, BigDecimal> adHoc = adHoc(jdbc, period);
                if (!sameFigures(fromReadModel, adHoc)) {
                    throw new IllegalStateException("the two ways disagree for " + period + ":\n read model " + fromReadModel
                            + "\n ad hoc     " + adHoc);
                }
                System.out.printf("%n%s, region 450000: the two ways agree on %d figures, e.g. signed %s, contract %s, funds %s%n",
                        period, fromReadModel.size(), fromReadModel.get("signed"), fromReadModel.get("contract"),
                        fromReadModel.get("funds"));
                long[] model = time(() -> reports.of("450000", period), iterations);
                long[] adhoc = time(() -> adHoc(jdbc, period), adHocIterations);
                System.out.printf("read model (UnitReports.of, every figure): p50 %.2f ms, p95 %.2f ms (%d runs)%n",
                        ms(model, 50), ms(model, 95), iterations);
                System.out.printf("ad hoc GROUP BY (project and funds figures): p50 %.2f ms, p95 %.2f ms (%d runs)%n",
                        ms(adhoc, 50), ms(adhoc, 95), adHocIterations);
                System.out.printf("ratio (ad hoc ÷ read model): p50 %.0f×, p95 %.0f×%n",
                        ms(adhoc, 50) / ms(model, 50), ms(adhoc, 95) / ms(model, 95));
            }
            dataSource.close();
        }
    }

    /**
     * A pooled data source on the database (2 connections, as in the service: a connection per
     * statement would measure connecting, not reporting), migrated as the service migrates it.
     * Also used by {@link CockpitBenchmark}.
     */
    static HikariDataSource migratedDatabase(String jdbcUrl) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setUsername(PostgresServer.USER);
        dataSource.setPassword(PostgresServer.PASSWORD);
        dataSource.setMaximumPoolSize(2);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/platform")
                .outOfOrder(true).load().migrate();
        return dataSource;
    }

    /** The org tree of the reference file (platform-shared), as the service seeds it. */
    static void seedOrgUnits(JdbcClient jdbc) {
        OrgUnitDirectory directory = new OrgUnitDirectory(jdbc);
        for (String[] row : OrgUnitReferenceSeeder.readReferenceFile()) {
            directory.upsert(row[0], row[1].isEmpty() ? null : row[1], OrgLevel.valueOf(row[2]), row[3],
                    row[4].isEmpty() ? null : row[4]);
        }
    }

    /**
     * Source-shaped tables as project-service keeps them (projects, versioned funds) and the read
     * model built from the same rows, in bulk, with the rules {@code Aggregates} applies one project
     * at a time. Projects spread over the counties and parks of the tree and the years 2021–2022.
     * Also used by {@link CockpitBenchmark}.
     */
    static void load(JdbcClient jdbc, int projects, int fundRecords) {
        jdbc.sql("""
                CREATE TABLE src_project (
                    project_id uuid PRIMARY KEY, org_unit_code varchar(32) NOT NULL, stage varchar(16) NOT NULL,
                    contract_amount numeric(18, 2), signing_date date, signing_confirmed boolean NOT NULL,
                    manufacturing boolean NOT NULL, registered_on date NOT NULL, landed_on date, started_on date,
                    channel varchar(32), resident_team_id uuid, investor_classes text[] NOT NULL,
                    fdi_contract_usd numeric(18, 2))""").update();
        jdbc.sql("""
                CREATE TABLE src_funds (project_id uuid NOT NULL, month date NOT NULL, version integer NOT NULL,
                    amount numeric(18, 2) NOT NULL, PRIMARY KEY (project_id, month, version))""").update();
        jdbc.sql("""
                CREATE TABLE bench_county AS
                SELECT row_number() OVER (ORDER BY code) - 1 AS n, code FROM org_unit WHERE level IN ('COUNTY', 'PARK')""")
                .update();
        jdbc.sql("""
                INSERT INTO src_project
                SELECT md5('p' || i)::uuid,
                       c.code,
                       CASE WHEN i % 50 = 0 THEN 'TERMINATED' WHEN i % 3 = 0 THEN 'LANDED' WHEN i % 7 = 0 THEN 'STARTED' ELSE 'SIGNED' END,
                       (100000000 + (i::bigint * 2654435761) % 29900000000)::numeric(18, 2) + (i % 100) / 100.0,
                       DATE '2021-01-01' + (i % 730),
                       i % 97 <> 0,
                       i % 5 < 3,
                       DATE '2021-01-01' + (i % 730) - (i % 20),
                       CASE WHEN i % 4 = 0 THEN DATE '2021-01-01' + (i % 730) + 30 END,
                       CASE WHEN i % 8 = 0 THEN DATE '2021-01-01' + (i % 730) + 60 END,
                       CASE WHEN i % 6 = 0 THEN 'RESIDENT_TEAM' ELSE 'EXPO' END,
                       CASE WHEN i % 6 = 0 THEN md5('t' || (i % 40))::uuid END,
                       CASE WHEN i % 101 = 0 THEN '{FORTUNE_GLOBAL_500,CHINA_500}'::text[]
                            WHEN i % 103 = 0 THEN '{CHINA_MANUFACTURING_500}'::text[] ELSE '{}'::text[] END,
                       CASE WHEN i % 211 = 0 THEN 1000000.00 END
                FROM generate_series(1, :projects) AS i
                JOIN bench_county c ON c.n = i % (SELECT count(*) FROM bench_county)""").param("projects", projects).update();
        // fund records: one month per record, a tenth of them corrected by a second version
        jdbc.sql("""
                INSERT INTO src_funds
                SELECT md5('p' || (1 + (r % :projects)))::uuid,
                       date_trunc('month', DATE '2021-01-01' + ((r::bigint * 31) % 730)::int)::date,
                       1 + (r / :projects) % 2,
                       (1000000 + (r::bigint * 104729) % 90000000)::numeric(18, 2)
                FROM generate_series(0, :records - 1) AS r
                ON CONFLICT DO NOTHING""").param("projects", projects).param("records", fundRecords).update();
        jdbc.sql("ANALYZE src_project").update();
        jdbc.sql("ANALYZE src_funds").update();

        // the read model: project rows as the projection writes them, and the aggregates
        jdbc.sql("""
                INSERT INTO project_fact (project_id, name, org_unit_code, stage, contract_amount, signing_date, industry_code,
                    manufacturing, registered_at, signing_confirmed, registered_on, landed_on, started_on, channel,
                    resident_team_id, investor_classes, fdi_contract_usd, terms_version)
                SELECT project_id, 'p', org_unit_code, stage, contract_amount, signing_date,
                       CASE WHEN manufacturing THEN 'C38' ELSE 'F51' END, manufacturing, registered_on, signing_confirmed,
                       registered_on, landed_on, started_on, channel, resident_team_id, investor_classes, fdi_contract_usd, 1
                FROM src_project""").update();
        jdbc.sql("""
                INSERT INTO project_funds (project_id, month, version, amount)
                SELECT DISTINCT ON (project_id, month) project_id, month, version, amount FROM src_funds
                ORDER BY project_id, month, version DESC""").update();
        jdbc.sql("""
                INSERT INTO unit_month_intake (org_unit_code, month, project_count)
                SELECT org_unit_code, date_trunc('month', registered_on)::date, count(*) FROM project_fact
                WHERE stage <> 'TERMINATED' GROUP BY 1, 2""").update();
        String signed = "stage <> 'TERMINATED' AND signing_confirmed AND signing_date IS NOT NULL AND contract_amount IS NOT NULL";
        jdbc.sql("""
                INSERT INTO unit_month_signing
                SELECT org_unit_code, date_trunc('month', signing_date)::date, count(*), sum(contract_amount),
                       count(*) FILTER (WHERE manufacturing), coalesce(sum(contract_amount) FILTER (WHERE manufacturing), 0),
                       count(*) FILTER (WHERE channel = 'RESIDENT_TEAM'),
                       coalesce(sum(contract_amount) FILTER (WHERE channel = 'RESIDENT_TEAM'), 0),
                       coalesce(sum(fdi_contract_usd), 0),
                       count(*) FILTER (WHERE contract_amount >= 100000000), count(*) FILTER (WHERE contract_amount >= 1000000000),
                       count(*) FILTER (WHERE contract_amount >= 10000000000), count(*) FILTER (WHERE contract_amount >= 20000000000),
                       count(*) FILTER (WHERE 'FORTUNE_GLOBAL_500' = ANY (investor_classes)),
                       count(*) FILTER (WHERE 'CHINA_500' = ANY (investor_classes)),
                       count(*) FILTER (WHERE 'CHINA_PRIVATE_500' = ANY (investor_classes)),
                       count(*) FILTER (WHERE 'CHINA_MANUFACTURING_500' = ANY (investor_classes)),
                       count(*) FILTER (WHERE investor_classes && '{FORTUNE_GLOBAL_500,CHINA_500,CHINA_PRIVATE_500}'),
                       count(*) FILTER (WHERE investor_classes && '{FORTUNE_GLOBAL_500,CHINA_500,CHINA_PRIVATE_500,CHINA_MANUFACTURING_500}')
                FROM project_fact""" + " WHERE " + signed + " GROUP BY 1, 2").update();
        jdbc.sql("""
                INSERT INTO team_month_signing
                SELECT resident_team_id, org_unit_code, date_trunc('month', signing_date)::date, count(*), sum(contract_amount)
                FROM project_fact WHERE channel = 'RESIDENT_TEAM' AND resident_team_id IS NOT NULL""" + " AND " + signed
                + " GROUP BY 1, 2, 3").update();
        for (String[] stage : new String[][] {{"LANDED", "landed_on"}, {"STARTED", "started_on"}}) {
            jdbc.sql("INSERT INTO unit_stage_reached SELECT org_unit_code, date_trunc('month', signing_date)::date, '"
                    + stage[0] + "', date_trunc('month', " + stage[1] + ")::date, count(*) FROM project_fact WHERE "
                    + stage[1] + " IS NOT NULL AND " + signed + " GROUP BY 1, 2, 4").update();
        }
        jdbc.sql("""
                INSERT INTO unit_month_funds
                SELECT p.org_unit_code, f.month, date_trunc('month', p.signing_date)::date, sum(f.amount)
                FROM project_funds f JOIN project_fact p USING (project_id)
                WHERE p.""" + signed.replace(" AND ", " AND p.") + " GROUP BY 1, 2, 3").update();
        jdbc.sql("ANALYZE").update();
    }

    /** The figures both ways compute, from a report. */
    private static Map<String, BigDecimal> figures(UnitReport r) {
        Map<String, BigDecimal> f = new LinkedHashMap<>();
        f.put("signed", r.signedCount().actual());
        f.put("contract", r.contractInvestment().actual());
        f.put("signedLastYear", r.signedCount().lastYear());
        f.put("contractLastYear", r.contractInvestment().lastYear());
        f.put("manufacturing", r.manufacturingInvestment().actual());
        f.put("residentTeams", r.residentTeams().total().signedInvestment().actual());
        f.put("fdi", r.fdi().contractedUsd());
        f.put("over1b", r.sizeBands().atLeast1Billion().actual());
        f.put("over10b", r.sizeBands().atLeast10Billion().actual());
        f.put("fourClasses", r.top500().fourClasses().actual());
        f.put("funds", r.fundsInPlace().actual());
        f.put("fundsLastYear", r.fundsInPlace().lastYear());
        f.put("fundsOfThisYearsProjects", r.fundsToContract() == null ? BigDecimal.ZERO : r.fundsToContract().numerator());
        f.put("landed", r.landingRate().actual() == null ? BigDecimal.ZERO : r.landingRate().actual().numerator());
        f.put("started", r.startRate().actual() == null ? BigDecimal.ZERO : r.startRate().actual().numerator());
        f.put("intake", r.libraryIntake().actual());
        return f;
    }

    /** The same figures straight from the source-shaped tables. */
    private static Map<String, BigDecimal> adHoc(JdbcClient jdbc, ReportPeriod period) {
        ReportPeriod ly = period.sameLastYear();
        ReportPeriod ytd = period.yearToDateAtEnd();
        Map<String, BigDecimal> f = new LinkedHashMap<>();
        jdbc.sql("""
                WITH units AS (SELECT code FROM org_unit WHERE path <@ CAST('450000' AS ltree)),
                     p AS (SELECT * FROM src_project WHERE org_unit_code IN (SELECT code FROM units)
                           AND stage <> 'TERMINATED' AND signing_confirmed AND contract_amount IS NOT NULL)
                SELECT count(*) FILTER (WHERE signing_date BETWEEN :from AND :to) AS signed,
                       coalesce(sum(contract_amount) FILTER (WHERE signing_date BETWEEN :from AND :to), 0) AS contract,
                       count(*) FILTER (WHERE signing_date BETWEEN :lyFrom AND :lyTo) AS signed_ly,
                       coalesce(sum(contract_amount) FILTER (WHERE signing_date BETWEEN :lyFrom AND :lyTo), 0) AS contract_ly,
                       coalesce(sum(contract_amount) FILTER (WHERE signing_date BETWEEN :from AND :to AND manufacturing), 0) AS manufacturing,
                       coalesce(sum(contract_amount) FILTER (WHERE signing_date BETWEEN :from AND :to AND channel = 'RESIDENT_TEAM'), 0) AS resident,
                       coalesce(sum(fdi_contract_usd) FILTER (WHERE signing_date BETWEEN :from AND :to), 0) AS fdi,
                       count(*) FILTER (WHERE signing_date BETWEEN :from AND :to AND contract_amount >= 1000000000) AS over1b,
                       count(*) FILTER (WHERE signing_date BETWEEN :from AND :to AND contract_amount >= 10000000000) AS over10b,
                       count(*) FILTER (WHERE signing_date BETWEEN :from AND :to
                                        AND investor_classes && '{FORTUNE_GLOBAL_500,CHINA_500,CHINA_PRIVATE_500,CHINA_MANUFACTURING_500}') AS four,
                       count(*) FILTER (WHERE signing_date BETWEEN :ytdFrom AND :to AND landed_on <= :to) AS landed,
                       count(*) FILTER (WHERE signing_date BETWEEN :ytdFrom AND :to AND started_on <= :to) AS started
                FROM p""")
                .param("from", period.from()).param("to", period.to()).param("lyFrom", ly.from()).param("lyTo", ly.to())
                .param("ytdFrom", ytd.from())
                .query((rs, row) -> {
                    for (String[] c : new String[][] {{"signed", "signed"}, {"contract", "contract"}, {"signedLastYear", "signed_ly"},
                            {"contractLastYear", "contract_ly"}, {"manufacturing", "manufacturing"}, {"residentTeams", "resident"},
                            {"fdi", "fdi"}, {"over1b", "over1b"}, {"over10b", "over10b"}, {"fourClasses", "four"},
                            {"landed", "landed"}, {"started", "started"}}) {
                        f.put(c[0], rs.getBigDecimal(c[1]));
                    }
                    return null;
                }).list();
        jdbc.sql("""
                WITH units AS (SELECT code FROM org_unit WHERE path <@ CAST('450000' AS ltree)),
                     latest AS (SELECT DISTINCT ON (project_id, month) project_id, month, amount FROM src_funds
                                WHERE month <= :to ORDER BY project_id, month, version DESC)
                SELECT coalesce(sum(l.amount) FILTER (WHERE l.month BETWEEN :from AND :to), 0) AS funds,
                       coalesce(sum(l.amount) FILTER (WHERE l.month BETWEEN :lyFrom AND :lyTo), 0) AS funds_ly,
                       coalesce(sum(l.amount) FILTER (WHERE extract(year FROM p.signing_date) = :year
                                                      AND p.signing_date <= :to), 0) AS funds_signed_this_year
                FROM latest l JOIN src_project p USING (project_id)
                WHERE p.org_unit_code IN (SELECT code FROM units)
                  AND p.stage <> 'TERMINATED' AND p.signing_confirmed AND p.contract_amount IS NOT NULL""")
                .param("from", period.from()).param("to", period.to()).param("lyFrom", ly.from()).param("lyTo", ly.to())
                .param("ytdFrom", ytd.from()).param("year", period.year())
                .query((rs, row) -> {
                    f.put("funds", rs.getBigDecimal("funds"));
                    f.put("fundsLastYear", rs.getBigDecimal("funds_ly"));
                    f.put("fundsOfThisYearsProjects", rs.getBigDecimal("funds_signed_this_year"));
                    return null;
                }).list();
        f.put("intake", jdbc.sql("""
                SELECT count(*) FROM src_project WHERE stage <> 'TERMINATED' AND registered_on BETWEEN :from AND :to
                  AND org_unit_code IN (SELECT code FROM org_unit WHERE path <@ CAST('450000' AS ltree))""")
                .param("from", period.from()).param("to", period.to()).query(BigDecimal.class).single());
        return f;
    }

    private static boolean sameFigures(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.keySet().stream().allMatch(key -> a.get(key).compareTo(b.get(key)) == 0);
    }

    private static long[] time(Supplier<?> work, int iterations) {
        for (int i = 0; i < Math.max(3, iterations / 10); i++) {
            work.get();
        }
        List<Long> nanos = new ArrayList<>(iterations);
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            work.get();
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        return nanos.stream().mapToLong(Long::longValue).toArray();
    }

    private static double ms(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
