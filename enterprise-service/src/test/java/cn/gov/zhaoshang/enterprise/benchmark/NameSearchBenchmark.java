package cn.gov.zhaoshang.enterprise.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Acceptance 6, a benchmark and not a test: it runs only when asked for, alone in its JVM:
 *
 * <pre>
 * ./mvnw -B -pl enterprise-service -am verify -Dit.test=NameSearchBenchmark -Dbenchmark=true -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>Fills the registry with 200,000 enterprises with Chinese names, then times name searches through
 * the HTTP API (token check, scope, search and count, JSON), and writes the percentiles to
 * {@code target/benchmarks/name-search.txt}. Results are recorded in {@code docs/benchmarks.md}.
 */
@PlatformIntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true",
        disabledReason = "a benchmark, run on purpose with -Dbenchmark=true (docs/benchmarks.md)")
class NameSearchBenchmark {

    private static final int ENTERPRISES = 200_000;
    private static final int WARM_UP = 200;
    private static final int MEASURED = 1_000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void nameSearchOver200000Enterprises() throws Exception {
        long filling = System.nanoTime();
        // Names like 贵港市华鑫新材料股份有限公司: place + two-character brand + industry + legal form.
        jdbc.sql("""
                INSERT INTO enterprise (id, uscc, name_zh, name_normalised, search_names, industry_code, hq_admin_code,
                                        list_only, registered_at, registered_by)
                SELECT gen_random_uuid(), NULL, name, name, name, industry, '450' || lpad((i % 1000)::text, 3, '0'), true, now(), 'benchmark'
                FROM (
                    SELECT i,
                           (ARRAY['南宁市','柳州市','桂林市','梧州市','北海市','防城港市','钦州市','贵港市','玉林市','百色市',
                                  '贺州市','河池市','来宾市','崇左市','深圳市','广州市','上海市','杭州市','苏州市','北京市'])[1 + i % 20]
                           || substr(chars, 1 + abs(hashint4(i)) % length(chars), 1)
                           || substr(chars, 1 + abs(hashint4(i + 7919)) % length(chars), 1)
                           || (ARRAY['新材料','机械制造','电子科技','食品','物流','家居','化工','生物医药','纺织服装','汽车零部件',
                                     '新能源','木业','铝业','糖业','建材','数字科技','文旅','供应链','环保科技','装备'])[1 + (i / 20) % 20]
                           || (ARRAY['有限公司','股份有限公司','集团有限公司'])[1 + (i / 400) % 3]
                           || CASE WHEN i % 7 = 0 THEN '第' || (i % 97) || '分公司' ELSE '' END AS name,
                           (ARRAY['C3041','C2110','C3985','C1340','G5810','C2190','C2614','C2720','C1810','C3670'])[1 + i % 10] AS industry
                    FROM generate_series(1, :count) AS i,
                         (SELECT '华鑫泰盛宏达恒远鼎信金源瑞丰嘉和永兴博润中联天成凯越安泰隆昌万通华美信达祥瑞德胜' AS chars) pool
                ) generated""")
                .param("count", ENTERPRISES)
                .update();
        jdbc.sql("ANALYZE enterprise").update();
        double fillSeconds = (System.nanoTime() - filling) / 1e9;
        long total = jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single();
        assertThat(total).isGreaterThanOrEqualTo(ENTERPRISES);

        System.out.printf("NAME SEARCH BENCHMARK: %d enterprises filled in %.1f s%n", total, fillSeconds);

        // What people type: a place, a two-character brand, an industry, a brand with its place.
        List<String> terms = List.of("华鑫", "新材料", "贵港市", "生物医药", "泰盛", "鑫泰", "铝业", "柳州市恒", "供应链",
                "电子科技", "嘉和", "第13分公司", "玉林市", "数字科技", "宏达", "南宁市华", "瑞丰糖业");
        Random random = new Random(42);
        for (int i = 0; i < WARM_UP; i++) {
            search(freshClient(i), terms.get(random.nextInt(terms.size())));
        }
        long[] micros = new long[MEASURED];
        java.util.Map<String, List<Long>> byTerm = new java.util.TreeMap<>();
        for (int i = 0; i < MEASURED; i++) {
            String term = terms.get(random.nextInt(terms.size()));
            ApiClient api = freshClient(i);
            long start = System.nanoTime();
            search(api, term);
            micros[i] = (System.nanoTime() - start) / 1_000;
            byTerm.computeIfAbsent(term, t -> new ArrayList<>()).add(micros[i]);
        }
        // A legal-form fragment matching a third of the registry: not what people search, measured apart.
        long[] broad = new long[50];
        for (int i = 0; i < broad.length; i++) {
            ApiClient api = freshClient(i);
            long start = System.nanoTime();
            search(api, "股份有限");
            broad[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        Arrays.sort(broad);
        StringBuilder perTerm = new StringBuilder();
        byTerm.forEach((term, times) -> {
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            long matches = jdbc.sql("SELECT count(*) FROM enterprise WHERE search_names LIKE :p").param("p", "%" + term + "%")
                    .query(Long.class).single();
            perTerm.append(String.format("  %-8s matches %6d  p50 %6.1f ms  p95 %6.1f ms%n", term, matches,
                    sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.95)] / 1000.0));
        });
        String report = String.format("""
                enterprises: %d (filled in %.1f s)
                searches through GET /api/enterprises?name=…&size=20 (token check, search, total, JSON): %d after %d warm-up
                p50: %.1f ms
                p95: %.1f ms
                p99: %.1f ms
                max: %.1f ms
                per term:
                %s
                broad term 股份有限 (%d searches): p50 %.1f ms, p95 %.1f ms
                """, total, fillSeconds, MEASURED, WARM_UP,
                micros[MEASURED / 2] / 1000.0, micros[(int) (MEASURED * 0.95)] / 1000.0,
                micros[(int) (MEASURED * 0.99)] / 1000.0, micros[MEASURED - 1] / 1000.0, perTerm,
                broad.length, broad[broad.length / 2] / 1000.0, broad[(int) (broad.length * 0.95)] / 1000.0);
        List<String> plans = new ArrayList<>();
        plans.add(String.join("\n", jdbc.sql("EXPLAIN ANALYZE SELECT id FROM enterprise e WHERE e.search_names LIKE '%玉林市%' ORDER BY e.name_zh, e.id LIMIT 20")
                .query(String.class).list()));
        Path out = Path.of("target", "benchmarks", "name-search.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n" + String.join("\n\n", plans) + "\n");
        System.out.println("NAME SEARCH BENCHMARK\n" + report);
    }

    /** Test tokens live 5 minutes: a new one now and then keeps a long run authorised. */
    private ApiClient freshClient(int i) {
        if (client == null || i % 200 == 0) {
            client = ApiClient.atPort(port)
                    .withToken(PlatformServers.identityProvider().tokenFor("bench-viewer", "450000", "viewer"));
        }
        return client;
    }

    private ApiClient client;

    private static void search(ApiClient api, String term) {
        ApiClient.Response response = api.get("/api/enterprises?size=20&name=" + URLEncoder.encode(term, StandardCharsets.UTF_8));
        if (response.status() != 200) {
            throw new IllegalStateException(response.toString());
        }
    }
}
