package cn.gov.zhaoshang.reporting.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.FreePorts;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.PostgresServer;
import cn.gov.zhaoshang.testsupport.Readiness;
import cn.gov.zhaoshang.testsupport.ServiceProcess;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The cockpit, {@code GET /api/reports/units/{code}/cockpit?period=2022-10-YTD}, through the service's
 * real HTTP endpoint over a realistic read model (a command, not a test; {@code bench/cockpit-benchmark.sh}).
 *
 * <p>It loads the read model with {@link RegionReportBenchmark}'s loader (1,000,000 projects and
 * 5,000,000 fund records by default, 2021–2022) over the reference org tree plus synthetic parks for
 * the cities that have no county in the reference file, adds what the loader leaves out and a cockpit
 * shows (annual targets, a definition version with its ranking method, resident teams, engagements,
 * project warnings), starts an embedded PostgreSQL with {@code pg_stat_statements}, an in-process
 * Kafka broker and the test token issuer (platform-test-support, as the tests do), and the packaged
 * service as its own JVM. Then, one request at a time (no queueing: latency, not throughput), it
 * warms the three cockpits up in turns and times each: the region 450000 (14 cities ranked), a city
 * 450800 (5 counties ranked, 14 cities as siblings) and a county 450881 (5 siblings), twice: cold,
 * each request after a committed write that raises the read-model version (so the service computes
 * every answer), and warm, the same request again (answered from {@code CockpitCache}). It prints p50,
 * p95, p99 and max, the cache's hits and misses, and PostgreSQL's statements and transactions per
 * request, counted by {@code pg_stat_statements} and {@code pg_stat_database} over the measured requests.
 *
 * <p>Arguments: the service jar, projects, fund records, engagements, warm-up rounds (one request per
 * unit each), measured requests per unit, ranking method ({@code COMPLETION_RATE} or {@code WEIGHTED_SCORE}).
 */
public final class CockpitBenchmark {

    static final String DATABASE = "bench_cockpit";
    static final String PERIOD = "2022-10-YTD";
    static final List<String> UNITS = List.of("450000", "450800", "450881");
    /** Parks added under each city that has no county in the reference file (8 × 11: about Guangxi's count of counties). */
    static final int PARKS_PER_CITY = 8;
    static final int PROJECT_WARNINGS = 450;
    /** The cold requests' write (the service never deletes a project warning, so its statement list leaves it out). */
    static final String BENCHMARK_WRITE = "DELETE FROM project_warning WHERE false";

    private CockpitBenchmark() {
    }

    public static void main(String[] args) {
        // the broker and the servers in this JVM log at INFO by default; only their warnings matter here
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception | Error failure) {
            failure.printStackTrace();
        }
        // the broker's and the issuer's threads would keep this JVM alive; the servers stop with it
        System.exit(status);
    }

    static void run(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int projects = Integer.parseInt(args[1]);
        int fundRecords = Integer.parseInt(args[2]);
        int engagements = Integer.parseInt(args[3]);
        int warmUpRounds = Integer.parseInt(args[4]);
        int requests = Integer.parseInt(args[5]);
        String method = args[6];

        String url = PlatformServers.postgres().database(DATABASE);
        long started = System.nanoTime();
        try (HikariDataSource dataSource = RegionReportBenchmark.migratedDatabase(url)) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            RegionReportBenchmark.seedOrgUnits(jdbc);
            int parks = addParks(jdbc);
            RegionReportBenchmark.load(jdbc, projects, fundRecords);
            addCockpitRecords(jdbc, engagements, projects, method);
            jdbc.sql("DROP TABLE src_project, src_funds, bench_county").update();
            jdbc.sql("ANALYZE").update();
            System.out.printf("loaded in %d s: %s org units (%d synthetic parks), %,d projects, %,d fund records, "
                            + "%,d engagements, %s unit-month signing rows; definition version 1 ranks by %s%n",
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                    jdbc.sql("SELECT string_agg(level || ' ' || n, ', ' ORDER BY level) FROM "
                            + "(SELECT level, count(*) AS n FROM org_unit GROUP BY level) l").query(String.class).single(),
                    parks, projects, fundRecords, engagements,
                    jdbc.sql("SELECT to_char(count(*), 'FM999,999') FROM unit_month_signing").query(String.class).single(),
                    method);
        }
        boolean statementCounts = statementCountsAvailable();

        Path logs = Files.createTempDirectory("bench-reporting-service");
        try (ServiceProcess service = ServiceProcess.start(jar, "reporting-service", FreePorts.next(),
                PlatformServers.serviceProperties(DATABASE), logs.resolve("reporting-service.log"), serviceArguments())) {
            service.awaitReady();
            // valid for the whole run (the issuer's default is 5 minutes)
            String token = PlatformServers.identityProvider().token("bench-viewer").orgUnit("450000").roles("viewer")
                    .expiresAt(Instant.now().plus(Duration.ofHours(3))).sign();
            // the code before the change took more than the client's default 30 s for the region
            ApiClient api = ApiClient.at(service.baseUrl()).withToken(token).withTimeout(Duration.ofMinutes(10));
            // the service fetches the issuer's keys on the first authenticated request; on a busy machine that
            // fetch has timed out once (a 500), so it is done here, before anything is measured or checked
            awaitKeys(api);

            // the answers as they are, to compare runs of different code over the same records (diff)
            Path answers = Path.of("reporting-service/target/benchmarks/cockpit-answers");
            Files.createDirectories(answers);
            for (String unit : UNITS) {
                Files.writeString(answers.resolve(unit + "-cockpit.json"), ok(api.get(path(unit))).body());
                for (String endpoint : List.of("rankings", "warnings")) {
                    Files.writeString(answers.resolve(unit + "-" + endpoint + ".json"),
                            ok(api.get("/api/reports/units/" + unit + "/" + endpoint + "?month=" + PERIOD.substring(0, 7))).body());
                }
            }
            System.out.printf("answers written to %s%n", answers.toAbsolutePath());
            for (String unit : UNITS) {
                ApiClient.Response response = ok(api.get(path(unit)));
                JsonNode cockpit = response.json();
                JsonNode siblings = cockpit.get("siblings");
                System.out.printf("%s %s: %,d bytes; ranking %d units (%s), siblings %s, trend %d months, "
                                + "warnings: %d units, %d teams, %d projects%n", unit,
                        cockpit.get("orgUnitName").asString(), response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                        cockpit.get("ranking").get("units").size(), cockpit.get("ranking").get("method").asString(),
                        siblings.isNull() ? "none" : siblings.get("units").size() + " units",
                        cockpit.get("trend").size(), cockpit.get("warnings").get("units").size(),
                        cockpit.get("warnings").get("teams").size(), cockpit.get("warnings").get("projects").size());
            }
            // each round after a committed write, so that the warm-up computes the answers (the cold path)
            // and answers them again from the cache (the warm path)
            long warmUpStart = System.nanoTime();
            try (Connection writer = database()) {
                for (int round = 0; round < warmUpRounds; round++) {
                    newReadModelVersion(writer);
                    for (String unit : UNITS) {
                        ok(api.get(path(unit)));
                        ok(api.get(path(unit)));
                    }
                }
                System.out.printf("warm-up: %d rounds of the three cockpits, computed and then kept, in %.1f s%n",
                        warmUpRounds, (System.nanoTime() - warmUpStart) / 1e9);

                for (boolean cold : List.of(true, false)) {
                    System.out.printf("%n%s: %d requests per unit, one at a time, straight at the service (no gateway), %s%n",
                            cold ? "COLD" : "WARM", requests, cold
                                    ? "each after a committed write to a read model (outside the timing), so each answer is computed"
                                    : "the same request again, so each answer comes from the cache");
                    for (String unit : UNITS) {
                        measure(api, writer, unit, requests, cold, statementCounts);
                    }
                }
            }
            try (Connection writer = database()) {
                writeCost(writer);
            }
            System.out.printf("%nservice log: %s%n", logs.resolve("reporting-service.log"));
        }
    }

    /**
     * Times one unit's cockpit, one request at a time; {@code cold}: a committed write to a read model
     * before each request (not timed), so that the cache has no answer for the new read-model version.
     */
    static void measure(ApiClient api, Connection writer, String unit, int requests, boolean cold, boolean statementCounts)
            throws Exception {
        resetStatements(statementCounts);
        long hitsBefore = cacheGets(api, "hit");
        long missesBefore = cacheGets(api, "miss");
        long transactionsBefore = transactionsCommitted();
        Duration serviceCpuBefore = serviceCpu();
        Duration postgresCpuBefore = postgresCpu();
        long[] micros = new long[requests];
        long runStart = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            if (cold) {
                newReadModelVersion(writer);
            }
            long start = System.nanoTime();
            ok(api.get(path(unit)));
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        double wall = (System.nanoTime() - runStart) / 1e9;
        double serviceMillis = serviceCpu().minus(serviceCpuBefore).toNanos() / 1e6 / requests;
        double postgresMillis = postgresCpu().minus(postgresCpuBefore).toNanos() / 1e6 / requests;
        Thread.sleep(1_500); // PostgreSQL publishes a backend's transaction counts at most once a second
        // the benchmark's own writes are not the service's transactions
        double transactions = (transactionsCommitted() - transactionsBefore - (cold ? requests : 0)) / (double) requests;
        Arrays.sort(micros);
        System.out.printf("%s cockpit %s: p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms  (%d requests in %.1f s)%n",
                unit, cold ? "cold" : "warm", percentile(micros, 50), percentile(micros, 95), percentile(micros, 99),
                micros[micros.length - 1] / 1000.0, requests, wall);
        System.out.printf("  CPU per request: service %.1f ms, PostgreSQL %.1f ms%s; transactions committed per request %.2f;"
                        + " cache: %d hits, %d misses%n", serviceMillis, postgresMillis, cold ? " (with the benchmark's write)" : "",
                transactions, cacheGets(api, "hit") - hitsBefore, cacheGets(api, "miss") - missesBefore);
        if (statementCounts) {
            printStatements(requests);
        }
    }

    /**
     * A write that changes no row but raises the read-model version (V15's statement triggers fire for
     * it), as any consumed event would: the cached answers of the older version are not found again.
     */
    static void newReadModelVersion(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute(BENCHMARK_WRITE);
        }
    }

    /**
     * What the read-model triggers (V15) cost a writer: transactions of 1 and of 10 updates of
     * aggregate rows (unchanged values, the rows of 10 counties in October 2022), timed with the
     * table's trigger and with it disabled, in alternating blocks of 500 transactions, 3 blocks each.
     */
    static void writeCost(Connection writer) throws SQLException {
        List<String> units = new ArrayList<>();
        try (Statement statement = writer.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT org_unit_code FROM unit_month_signing WHERE month = DATE '2022-10-01' ORDER BY org_unit_code LIMIT 10")) {
            while (rows.next()) {
                units.add(rows.getString(1));
            }
        }
        System.out.printf("%nwrite cost of the read-model triggers (transactions of UPDATE unit_month_signing, one row each):%n");
        for (int statements : List.of(1, 10)) {
            long[] nanos = new long[2];
            for (int block = 0; block < 6; block++) {
                boolean triggered = block % 2 == 0;
                try (Statement statement = writer.createStatement()) {
                    writer.setAutoCommit(true);
                    statement.execute("ALTER TABLE unit_month_signing " + (triggered ? "ENABLE" : "DISABLE") + " TRIGGER read_model_changed");
                }
                writer.setAutoCommit(false);
                try (java.sql.PreparedStatement update = writer.prepareStatement(
                        "UPDATE unit_month_signing SET signed_count = signed_count WHERE month = DATE '2022-10-01' AND org_unit_code = ?")) {
                    long start = System.nanoTime();
                    for (int transaction = 0; transaction < 500; transaction++) {
                        for (int i = 0; i < statements; i++) {
                            update.setString(1, units.get(i % units.size()));
                            update.executeUpdate();
                        }
                        writer.commit();
                    }
                    nanos[triggered ? 0 : 1] += System.nanoTime() - start;
                }
            }
            writer.setAutoCommit(true);
            try (Statement statement = writer.createStatement()) {
                statement.execute("ALTER TABLE unit_month_signing ENABLE TRIGGER read_model_changed");
            }
            System.out.printf("  %2d statements per transaction: %.3f ms with the trigger, %.3f ms without (1,500 transactions each)%n",
                    statements, nanos[0] / 1e6 / 1_500, nanos[1] / 1e6 / 1_500);
        }
    }

    /** The cockpit cache's hits or misses so far, from the service's Prometheus page. */
    static long cacheGets(ApiClient api, String result) {
        return ok(api.get("/actuator/prometheus")).body().lines()
                .filter(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"reporting.cockpit\"")
                        && line.contains("result=\"" + result + "\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    static void awaitKeys(ApiClient api) {
        Readiness.await("the service to accept the token", Duration.ofSeconds(10),
                () -> api.get("/api/reports/time-progress?month=2022-10").status() == 200,
                () -> "the last answer: " + api.get("/api/reports/time-progress?month=2022-10"));
    }

    static String path(String unit) {
        return "/api/reports/units/" + unit + "/cockpit?period=" + PERIOD;
    }

    static ApiClient.Response ok(ApiClient.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException("the cockpit answered " + response);
        }
        return response;
    }

    /** Eight parks under each city that has no county in the reference file, coded as targets-service codes parks. */
    static int addParks(JdbcClient jdbc) {
        OrgUnitDirectory directory = new OrgUnitDirectory(jdbc);
        List<Map<String, Object>> cities = jdbc.sql("""
                SELECT code, name_zh, name_en FROM org_unit c WHERE level = 'CITY'
                  AND NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.parent_code = c.code) ORDER BY code""")
                .query().listOfRows();
        for (Map<String, Object> city : cities) {
            for (int n = 1; n <= PARKS_PER_CITY; n++) {
                String code = city.get("code") + "P" + String.format("%02d", n);
                directory.upsert(code, (String) city.get("code"), OrgLevel.PARK, city.get("name_zh") + "第" + n + "产业园区",
                        city.get("name_en") + " Industrial Park " + n);
            }
        }
        return cities.size() * PARKS_PER_CITY;
    }

    /**
     * What a cockpit shows beyond the loader's projects and funds: the 2022 targets of every unit
     * (from its own 2022 figures × a factor of 0.8–1.6 per unit, so that completion and warnings
     * vary; about one unit in seventeen has none and is not ranked), definition version 1 with the
     * ranking method, 40 resident teams with targets, engagements of teams and leaders, and project
     * warnings (a third cleared).
     */
    static void addCockpitRecords(JdbcClient jdbc, int engagements, int projects, String method) {
        jdbc.sql("""
                WITH subtree AS (SELECT u.code, d.code AS member FROM org_unit u JOIN org_unit d ON d.path <@ u.path),
                signing AS (
                    SELECT s.code, coalesce(sum(m.contract_investment), 0) AS contract, coalesce(sum(m.signed_count), 0) AS signed,
                           coalesce(sum(m.top500_four_classes), 0) AS four, coalesce(sum(m.resident_team_investment), 0) AS resident
                    FROM subtree s LEFT JOIN unit_month_signing m
                      ON m.org_unit_code = s.member AND m.month BETWEEN DATE '2022-01-01' AND DATE '2022-12-01'
                    GROUP BY s.code),
                funds AS (
                    SELECT s.code, coalesce(sum(f.amount), 0) AS funds
                    FROM subtree s LEFT JOIN unit_month_funds_in_place f
                      ON f.org_unit_code = s.member AND f.month BETWEEN DATE '2022-01-01' AND DATE '2022-12-01'
                    GROUP BY s.code),
                factor AS (SELECT code, 0.8 + (abs(hashtext(code)) % 80) / 100.0 AS f FROM org_unit WHERE abs(hashtext(code)) % 17 <> 0)
                INSERT INTO unit_target (org_unit_code, year, figure, value)
                SELECT code, 2022, t.figure, t.value
                FROM signing JOIN funds USING (code) JOIN factor USING (code),
                     LATERAL (VALUES ('CONTRACT_INVESTMENT', round(contract * f / 1e8) * 1e8),
                                     ('FUNDS_IN_PLACE', round(funds * f / 1e8) * 1e8),
                                     ('SIGNED_COUNT', round(signed * f)),
                                     ('TOP500_FOUR_CLASSES', round(four * f)),
                                     ('RESIDENT_TEAM_CONTRACT', round(resident * f / 1e8) * 1e8),
                                     ('MANUFACTURING_SHARE', 45), ('LANDING_RATE', 60), ('START_RATE', 40)) AS t(figure, value)
                WHERE t.value > 0""").update();
        boolean weighted = "WEIGHTED_SCORE".equals(method);
        jdbc.sql("""
                INSERT INTO definition_version (version, effective_from, published_at, figure_codes, yellow_below_gap_points,
                    red_below_gap_points, ranking_method, ranking_weights, ranking_cap, close_deadline_day, default_rules)
                VALUES (1, DATE '2000-01-01', now(), '["CONTRACT_INVESTMENT", "COMPLETION_RATE", "PROGRESS_GAP"]', -10, -20,
                    :method, CAST(:weights AS jsonb), :cap, 5, false)""")
                .param("method", method)
                .param("weights", weighted ? "{\"CONTRACT_INVESTMENT\": \"0.5\", \"FUNDS_IN_PLACE\": \"0.3\", \"SIGNED_COUNT\": \"0.2\"}"
                        : "{\"CONTRACT_INVESTMENT\": \"1\"}")
                .param("cap", weighted ? new java.math.BigDecimal("1.2") : null, java.sql.Types.NUMERIC)
                .update();
        // the loader's 40 teams (md5('t' || n)), two or three per city, each against its own 2022 signings × 0.8–1.6
        jdbc.sql("""
                INSERT INTO resident_team (team_id, org_unit_code, name, key_area, member_count, closed, contract_targets)
                SELECT md5('t' || n)::uuid, c.code,
                       c.name_zh || '驻' || (ARRAY['深圳', '上海', '北京'])[n % 3 + 1] || '招商工作队' || n,
                       (ARRAY['GBA', 'YRD', 'BTH'])[n % 3 + 1], 5, false,
                       jsonb_build_object('2022', to_char(round(coalesce(s.investment, 1e10) * (0.8 + n % 9 / 10.0) / 1e8) * 1e8,
                                                          'FM99999999999999999990.00'))
                FROM generate_series(0, 39) AS n
                JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, name_zh FROM org_unit WHERE level = 'CITY') c
                  ON c.i = n % 14
                LEFT JOIN (SELECT team_id, sum(contract_investment) AS investment FROM team_month_signing
                           WHERE month BETWEEN DATE '2022-01-01' AND DATE '2022-12-01' GROUP BY team_id) s
                  ON s.team_id = md5('t' || n)::uuid""").update();
        // engagements over 2021–2022: dockings, visits, promotion events (two enterprises each) and leader trips,
        // most by a team, among 30,000 enterprises drawn by a hash (so that visitors were docked before); one in
        // nine an intent
        jdbc.sql("""
                CREATE TABLE bench_engagement AS
                SELECT i, md5('g' || i)::uuid AS id,
                       CASE WHEN i % 20 = 0 THEN 'LEADER_TRIP' WHEN i % 10 = 1 THEN 'PROMOTION_EVENT'
                            WHEN i % 4 = 2 THEN 'VISIT' ELSE 'DOCKING' END AS kind,
                       c.code AS unit,
                       CASE WHEN i % 10 < 7 AND i % 20 <> 0 THEN md5('t' || (i % 40))::uuid::text END AS team,
                       DATE '2021-01-01' + (i % 730) AS occurred_on,
                       CASE WHEN i % 9 = 0 THEN 'INTENT' WHEN i % 3 = 0 THEN 'NO_INTEREST' ELSE 'FOLLOW_UP' END AS outcome,
                       CASE WHEN i % 9 = 0 THEN (50000000 + (i::bigint * 7919) % 5000000000)::numeric(18, 2) END AS intent_amount,
                       CASE WHEN i % 20 = 0 THEN CASE WHEN i % 40 = 0 THEN 'PRINCIPAL' ELSE 'DEPUTY' END END AS leader_role,
                       CASE WHEN i % 20 = 0 THEN CASE WHEN i % 60 = 0 THEN c.parent_code ELSE c.code END END AS leader_unit,
                       CASE WHEN i % 20 = 0 THEN (ARRAY['GBA', 'YRD', 'BTH', 'OTHER'])[(i / 20) % 4 + 1] END AS destination_area
                FROM generate_series(1, :engagements) AS i
                JOIN (SELECT b.n, b.code, o.parent_code FROM bench_county b JOIN org_unit o USING (code)) c
                  ON c.n = i % (SELECT count(*) FROM bench_county)""").param("engagements", engagements).update();
        jdbc.sql("""
                INSERT INTO engagement_fact (engagement_id, kind, org_unit_code, team, occurred_on, outcome, intent_amount,
                    leader_role, leader_unit, destination_area)
                SELECT id, kind, unit, team, occurred_on, outcome, intent_amount, leader_role, leader_unit, destination_area
                FROM bench_engagement""").update();
        jdbc.sql("""
                INSERT INTO engagement_enterprise (engagement_id, enterprise_id, kind, org_unit_code, team, occurred_on)
                SELECT id, md5('e' || abs(hashtext('e' || i)) % 30000)::uuid, kind, unit, team, occurred_on FROM bench_engagement
                UNION ALL
                SELECT id, md5('e' || abs(hashtext('f' || i)) % 30000)::uuid, kind, unit, team, occurred_on FROM bench_engagement
                WHERE kind = 'PROMOTION_EVENT'
                ON CONFLICT DO NOTHING""").update();
        jdbc.sql("DROP TABLE bench_engagement").update();
        jdbc.sql("""
                INSERT INTO project_warning (warning_id, project_id, org_unit_code, kind, stage, since, raised_at, cleared_at)
                SELECT md5('w' || i)::uuid, p.project_id, p.org_unit_code,
                       CASE WHEN i % 2 = 0 THEN 'STALE' ELSE 'NOT_STARTED' END,
                       CASE WHEN i % 2 = 0 THEN 'NEGOTIATING' ELSE 'SIGNED' END,
                       DATE '2022-01-01' + (i % 280),
                       TIMESTAMPTZ '2022-01-05 10:00+08' + (i % 280) * INTERVAL '1 day',
                       CASE WHEN i % 3 = 0 THEN TIMESTAMPTZ '2022-01-25 10:00+08' + (i % 280) * INTERVAL '1 day' END
                FROM generate_series(1, :warnings) AS i
                JOIN project_fact p ON p.project_id = md5('p' || (1 + (i::bigint * 997) % :projects))::uuid""")
                .param("warnings", PROJECT_WARNINGS).param("projects", projects).update();
    }

    // ------------------------------------------------------------------ PostgreSQL's counters

    static Connection database() throws SQLException {
        return DriverManager.getConnection(PlatformServers.postgres().database(DATABASE), PostgresServer.USER,
                PostgresServer.PASSWORD);
    }

    /** Whether the server loaded pg_stat_statements ({@code -Dzhaoshang.postgres.statement-statistics=true}). */
    static boolean statementCountsAvailable() throws SQLException {
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.executeQuery("SELECT count(*) FROM pg_stat_statements").close();
            return true;
        } catch (SQLException notLoaded) {
            System.out.println("statement counts unavailable (pg_stat_statements not loaded): " + notLoaded.getMessage());
            return false;
        }
    }

    static void resetStatements(boolean available) throws SQLException {
        if (available) {
            try (Connection connection = database(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_stat_statements_reset()");
            }
        }
    }

    static long transactionsCommitted() throws SQLException {
        try (Connection connection = database(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * The statements the measured requests issued, per request, from pg_stat_statements: every
     * statement counts (each of a multi-statement batch, COMMIT, the isolation level's SET), except
     * this benchmark's own counter reads and the outbox relay's polling, which is the service's
     * background work and shown apart.
     */
    static void printStatements(int requests) throws SQLException {
        Map<String, double[]> statements = new LinkedHashMap<>();
        double total = 0;
        double background = 0;
        try (Connection connection = database(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                    SELECT queryid, calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS text
                    FROM pg_stat_statements
                    WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                      AND query NOT LIKE '%pg_stat%' AND query NOT LIKE '%xact_commit%'
                      AND query NOT LIKE 'DELETE FROM project_warning%'
                    ORDER BY calls DESC, total_exec_time DESC""")) {
            while (rows.next()) {
                String text = rows.getString("text");
                double calls = rows.getLong("calls") / (double) requests;
                if (text.contains("outbox")) {
                    background += calls;
                    continue;
                }
                total += calls;
                statements.put(rows.getLong("queryid") + " " + text,
                        new double[] {calls, rows.getDouble("total_exec_time") / requests});
            }
        }
        System.out.printf("  statements per request: %.2f (pg_stat_statements; the outbox relay's polling, %.2f per request, not counted);"
                + " calls and execution time per request:%n", total, background);
        for (Map.Entry<String, double[]> entry : statements.entrySet()) {
            System.out.printf("    %6.2f  %8.3f ms  %s%n", entry.getValue()[0], entry.getValue()[1],
                    entry.getKey().substring(entry.getKey().indexOf(' ') + 1));
        }
    }

    // ------------------------------------------------------------------ CPU

    /** CPU used so far by the service's JVM (this JVM's child). */
    static Duration serviceCpu() {
        return ProcessHandle.current().descendants().filter(process -> process.info().command().orElse("").endsWith("/java"))
                .map(CockpitBenchmark::cpuOf).reduce(Duration.ZERO, Duration::plus);
    }

    /** CPU used so far by PostgreSQL: the postmaster (found by its port) and its backends. */
    static Duration postgresCpu() {
        String port = Integer.toString(PlatformServers.postgres().port());
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().orElse("").endsWith("/postgres")
                        && List.of(process.info().arguments().orElse(new String[0])).contains(port))
                .map(postmaster -> postmaster.descendants().map(CockpitBenchmark::cpuOf)
                        .reduce(cpuOf(postmaster), Duration::plus))
                .reduce(Duration.ZERO, Duration::plus);
    }

    static Duration cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The service's JVM and Spring arguments, as the create-and-sign benchmark gives them, plus SERVICE_JVM_OPTS. */
    static List<String> serviceArguments() {
        List<String> arguments = new ArrayList<>(List.of("-Xmx512m", "--logging.level.root=WARN"));
        String extra = System.getenv("SERVICE_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            arguments.addAll(List.of(extra.trim().split("\\s+")));
        }
        return arguments;
    }

    static double percentile(long[] sortedMicros, double p) {
        int index = (int) Math.ceil(p / 100 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, index))] / 1000.0;
    }
}
