import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import cn.gov.zhaoshang.testsupport.FreePorts;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.PostgresServer;
import cn.gov.zhaoshang.testsupport.ServiceProcess;

/**
 * Benchmark (not a test; run by bench/project-search-benchmark.sh): searching the project library,
 * {@code GET /api/projects}, over PROJECTS projects. Starts an embedded PostgreSQL, an in-process
 * KRaft broker, the test token issuer and the packaged project-service as its own JVM; loads the
 * projects straight into its database (one INSERT … SELECT over generate_series, spread over the
 * reference tree's 111 counties, names of twelve industries and twenty kinds of project in three phases, all stages up to PRODUCING,
 * industries, channels, key areas, amounts and signing dates over four years), ANALYZEs, then asks
 * each query REQUESTS times, one at a time after WARMUP rounds, through the service's HTTP endpoint
 * with a county's, a city's and the region's token, and prints p50/p95/p99/max and the matches.
 *
 * <p>Arguments: the service jar, PROJECTS, WARMUP, REQUESTS.
 */
public class ProjectSearch {

    record Query(String label, String unit, String path) {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            // the embedded servers' threads would keep the JVM alive after main ends
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int projects = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        Path logs = Files.createTempDirectory("bench-project-search");
        try (ServiceProcess service = ServiceProcess.start(jar, "project-service", FreePorts.next(),
                PlatformServers.serviceProperties("bench_search"), logs.resolve("project-service.log"),
                List.of("-Xmx512m", "--logging.level.root=WARN"))) {
            service.awaitReady();
            long loading = System.nanoTime();
            load(projects);
            System.out.printf("loaded %,d projects in %.0f s%n", count(), (System.nanoTime() - loading) / 1e9);

            String typo = URLEncoder.encode("新能原电池正极", StandardCharsets.UTF_8);
            String exact = URLEncoder.encode("糖业循环经济技改", StandardCharsets.UTF_8);
            List<Query> queries = List.of(
                    new Query("filtered, paged: county", "450881", "/api/projects?stage=SIGNED,LANDED&industry=C38&sort=signingDate,desc&size=20"),
                    new Query("filtered, paged: city", "450800", "/api/projects?stage=SIGNED,LANDED&industry=C38&sort=signingDate,desc&size=20"),
                    new Query("filtered, paged: city, 3 filters + band", "450800", "/api/projects?manufacturing=true&amountBand=OVER_1B&sourceKeyArea=GBA&signedFrom=2026-01-01&size=20"),
                    new Query("filtered, paged: region", "450000", "/api/projects?stage=STARTED&channel=LEADER_LED&sort=contractAmount,desc&size=20"),
                    new Query("name search with a typo: county", "450881", "/api/projects?q=" + typo + "&size=20"),
                    new Query("name search with a typo: city", "450800", "/api/projects?q=" + typo + "&size=20"),
                    new Query("name search, part of the name: city", "450800", "/api/projects?q=" + exact + "&size=20"),
                    new Query("name search with a typo: region", "450000", "/api/projects?q=" + typo + "&size=20"),
                    new Query("project code's start: region", "450000", "/api/projects?q=BS-0012345&size=20"));
            String hold = System.getenv("HOLD_SECONDS");
            if (hold != null) {
                // to look at the loaded service by hand (curl, EXPLAIN ANALYZE) before measuring
                System.out.printf("holding %s s: service %s, database %s, token of 450800:%n%s%n", hold, service.baseUrl(),
                        PlatformServers.postgres().database("bench_search"),
                        PlatformServers.identityProvider().tokenFor("bench-450800", "450800", "officer"));
                Thread.sleep(Long.parseLong(hold) * 1000);
            }
            String only = System.getenv("QUERIES");
            if (only != null && !only.isBlank()) {
                // e.g. QUERIES=1,2,5: the queries by their number in the list above, from 1
                List<Query> all = queries;
                queries = Arrays.stream(only.split(",")).map(String::strip).map(n -> all.get(Integer.parseInt(n) - 1)).toList();
            }
            // every query warms the service before any is measured: the first one measured no longer
            // pays for the JIT compiling the code all of them share
            for (int i = 0; i < warmup; i++) {
                for (Query query : queries) {
                    ask(HTTP, URI.create(service.baseUrl() + query.path()), token(query.unit()));
                }
            }
            resetStatements();
            System.out.printf("%-44s %9s %9s %9s %9s %9s%n", "query (one at a time)", "matches", "p50 ms", "p95 ms", "p99 ms", "max ms");
            for (Query query : queries) {
                String token = token(query.unit());
                URI uri = URI.create(service.baseUrl() + query.path());
                String total = ask(HTTP, uri, token);
                long[] micros = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    ask(HTTP, uri, token);
                    micros[i] = (System.nanoTime() - start) / 1000;
                }
                Arrays.sort(micros);
                System.out.printf("%-44s %9s %9.2f %9.2f %9.2f %9.2f%n", query.label(), total, pct(micros, 50), pct(micros, 95),
                        pct(micros, 99), micros[micros.length - 1] / 1000.0);
            }
            printStatements();
            System.out.printf("service log: %s%n", logs.resolve("project-service.log"));
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A token of an officer of the unit; a new one per query, as they live five minutes. */
    static String token(String unit) {
        return PlatformServers.identityProvider().tokenFor("bench-" + unit, unit, "officer");
    }

    /** Asks once; answers the total of matches (the service's own count), failing on anything but 200. */
    static String ask(HttpClient http, URI uri, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        String body = response.body();
        int at = body.indexOf("\"total\":");
        return body.substring(at + 8, body.indexOf(',', at));
    }

    static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    static Connection database() throws Exception {
        return DriverManager.getConnection(PlatformServers.postgres().database("bench_search"), PostgresServer.USER,
                PostgresServer.PASSWORD);
    }

    static void resetStatements() throws Exception {
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** PostgreSQL's costliest statements over all the queries, with their mean time. */
    static void printStatements() throws Exception {
        try (Connection connection = database(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                    SELECT calls, mean_exec_time, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 160)
                    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                    ORDER BY total_exec_time DESC LIMIT 12""")) {
            System.out.println("PostgreSQL's costliest statements (calls, mean ms, total ms):");
            while (rows.next()) {
                System.out.printf("  %6d %8.2f %10.0f  %s%n", rows.getLong(1), rows.getDouble(2), rows.getDouble(3), rows.getString(4));
            }
        }
    }

    static long count() throws Exception {
        try (Connection connection = database(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM project")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The projects, straight into the service's database; its indexes built once afterwards. */
    static void load(int projects) throws Exception {
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX project_unit_search_name");
            statement.execute("""
                    WITH counties AS (
                        SELECT array_agg(u.code ORDER BY u.code) AS codes, array_agg(u.name_zh ORDER BY u.code) AS names,
                               array_agg(u.parent_code ORDER BY u.code) AS cities, count(*)::int AS n
                        FROM org_unit u WHERE u.level = 'COUNTY')
                    INSERT INTO project (id, name, org_unit_code, stage, contract_amount, signing_date, industry_code,
                                         manufacturing, registered_at, registered_by, project_code, city_code,
                                         normalized_name, industry_chain_tags, source_key_area, channel, stage_reached_on)
                    SELECT gen_random_uuid(), p.name, p.county, p.stage,
                           CASE WHEN p.stage IN ('LEAD', 'INTENT', 'NEGOTIATING') THEN NULL ELSE p.amount END,
                           CASE WHEN p.stage IN ('LEAD', 'INTENT', 'NEGOTIATING') THEN NULL ELSE p.signed END,
                           p.industry, p.industry ~ '^C(1[3-9]|[23][0-9]|4[0-3])', p.registered, 'bench',
                           'BS-' || lpad(p.i::text, 7, '0'), p.city, p.name, jsonb_build_array(p.theme),
                           (ARRAY['GBA', 'YRD', 'BTH', 'OTHER_DOMESTIC', 'HK_MACAO_TAIWAN', 'OVERSEAS'])[1 + p.i / 5 % 6],
                           (ARRAY['LEADER_LED', 'INDUSTRY_CHAIN', 'EXPO', 'BUSINESS_ASSOCIATION', 'INTERMEDIARY', 'BY_INVESTOR'])[1 + p.i / 13 % 6],
                           p.signed
                    FROM (
                        SELECT i, c.codes[1 + i % c.n] AS county, c.cities[1 + i % c.n] AS city, t.theme,
                               c.names[1 + i % c.n] || t.theme || t.product || '项目（' || (ARRAY['一期', '二期', '扩建'])[1 + i / 12 % 3] || '·' || i || '）' AS name,
                               (ARRAY['LEAD', 'INTENT', 'NEGOTIATING', 'SIGNED', 'SIGNED', 'LANDED', 'STARTED', 'COMPLETED', 'PRODUCING'])[1 + i / 7 % 9] AS stage,
                               round((1000000 + (i::bigint * 7919 % 3000) * 1000000)::numeric * (1 + i % 7), 2) AS amount,
                               DATE '2023-01-01' + (i % 1400) AS signed,
                               t.industry, TIMESTAMPTZ '2023-01-01 08:00+08' + (i % 1400) * INTERVAL '1 day' AS registered
                        FROM generate_series(1, PROJECT_COUNT) AS i CROSS JOIN counties c
                        CROSS JOIN LATERAL (SELECT (ARRAY['新能源电池', '糖业循环经济', '高端家具家居', '电子信息', '钙基新材料', '纺织服装',
                                                          '冷链物流', '文旅综合体', '生物医药', '铝精深加工', '机械装备制造', '数字经济产业园'])[1 + i / 111 % 12] AS theme,
                                                   (ARRAY['正极材料', '隔膜', '电解液', '智能工厂', '研发中心', '总部基地', '产业园', '配套园区', '仓储中心', '精深加工',
                                                          '示范基地', '生产线', '技改', '综合体', '加工厂', '交易中心', '孵化器', '检测中心', '展示中心', '物流园'])[1 + i / 1332 % 20] AS product,
                                                   (ARRAY['C3841', 'C1340', 'C2110', 'C3971', 'C3011', 'C1713', 'G5960', 'N7851', 'C2720',
                                                          'C3252', 'C3499', 'I6510'])[1 + i / 111 % 12] AS industry) t
                    ) p""".replace("PROJECT_COUNT", Integer.toString(projects)));
            statement.execute("CREATE INDEX project_unit_search_name ON project USING gin (org_unit_code, search_name gin_trgm_ops)");
            statement.execute("VACUUM ANALYZE project");
        }
    }
}
