import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import cn.gov.zhaoshang.testsupport.FreePorts;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.ServiceProcess;

/**
 * Benchmark (not a test; run by bench/project-create-and-sign.sh): create-and-sign through
 * project-service at a fixed rate. Starts what it needs — an embedded PostgreSQL, an in-process
 * KRaft broker and the test token issuer (platform-test-support, as the tests do) — and the
 * packaged service as its own JVM, then sends one request per 1/RATE s for DURATION s, whatever the
 * answers (an open model: a slow answer does not delay the next request, so queueing shows in the
 * latency). Each request registers a SIGNED project with its amount, signing date and agreement,
 * under a unique name, so every one takes the full path: scope, stage proof, duplicate check
 * (L1, city lock), insert, history, audit, outbox.
 *
 * <p>Arguments: the service jar, RATE (requests/s), DURATION (s), WARMUP (s).
 */
public class ProjectCreateAndSign {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmupSeconds = Integer.parseInt(args[3]);
        Path logs = Files.createTempDirectory("bench-project-service");
        int status;
        try (ServiceProcess service = ServiceProcess.start(jar, "project-service", FreePorts.next(),
                PlatformServers.serviceProperties("bench_project"), logs.resolve("project-service.log"),
                serviceArguments())) {
            service.awaitReady();
            String token = PlatformServers.identityProvider().tokenFor("bench-officer", "450881", "officer");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(8)).build();
            URI uri = URI.create(service.baseUrl() + "/api/projects");
            System.out.printf("warm-up: %d s at %d requests/s%n", warmupSeconds, rate);
            run(http, uri, token, rate, warmupSeconds, "warmup");
            System.out.printf("measured: %d s at %d requests/s%n", seconds, rate);
            analyzeAndResetStatements();
            Map<String, Duration> cpuBefore = cpuByProcess();
            Map<String, Long> threadsBefore = serviceThreadTicks();
            Map<String, Long> databaseBefore = databaseCounters();
            Result result = run(http, uri, token, rate, seconds, "run");
            Map<String, Duration> cpuAfter = cpuByProcess();
            Map<String, Long> threadsAfter = serviceThreadTicks();
            result.print(rate, seconds);
            printCpu(cpuBefore, cpuAfter, rate * seconds, result.wallSeconds());
            printServiceThreads(threadsBefore, threadsAfter, result.wallSeconds());
            Thread.sleep(2_000); // PostgreSQL publishes a backend's statistics at most once a second
            printDatabaseWork(databaseBefore, databaseCounters(), rate * seconds);
            printStatements(rate * seconds);
            System.out.printf("service log: %s%n", logs.resolve("project-service.log"));
            status = result.errors() == 0 ? 0 : 1;
        }
        // after the service process is closed: the servers it used stop with this JVM
        System.exit(status);
    }

    /**
     * CPU time used so far by this JVM (load generator, Kafka broker, token issuer), the service's
     * JVM and PostgreSQL, so that the run shows where the two
     * cores went. Processes that ended meanwhile are not counted.
     */
    static Map<String, Duration> cpuByProcess() {
        Map<String, Duration> cpu = new java.util.TreeMap<>();
        cpu.put("load generator + Kafka + token issuer", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        ProcessHandle.current().descendants().filter(process -> process.info().command().orElse("").endsWith("/java"))
                .forEach(process -> cpu.merge("project-service", cpuOf(process), Duration::plus));
        // pg_ctl leaves the postmaster to init: it is found by its port, and its backends are its children
        String port = Integer.toString(PlatformServers.postgres().port());
        ProcessHandle.allProcesses()
                .filter(process -> process.info().command().orElse("").endsWith("/postgres")
                        && List.of(process.info().arguments().orElse(new String[0])).contains(port))
                .forEach(postmaster -> {
                    cpu.merge("PostgreSQL", cpuOf(postmaster), Duration::plus);
                    postmaster.descendants().forEach(backend -> cpu.merge("PostgreSQL", cpuOf(backend), Duration::plus));
                });
        return cpu;
    }

    /**
     * The service JVM's CPU by kind of thread (request threads, JIT compilers, GC…), in clock ticks
     * from Linux's /proc (100 a second); empty elsewhere. Threads that ended meanwhile are not counted.
     */
    static Map<String, Long> serviceThreadTicks() {
        Map<String, Long> ticks = new java.util.TreeMap<>();
        ProcessHandle.current().descendants().filter(process -> process.info().command().orElse("").endsWith("/java"))
                .forEach(service -> {
                    Path tasks = Path.of("/proc", Long.toString(service.pid()), "task");
                    try (Stream<Path> threads = Files.list(tasks)) {
                        threads.forEach(thread -> {
                            try {
                                String stat = Files.readString(thread.resolve("stat"));
                                // the name is in parentheses and may hold spaces; utime and stime are fields 14 and 15
                                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                                ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                            } catch (java.io.IOException | RuntimeException gone) {
                                // the thread ended while being read
                            }
                        });
                    } catch (java.io.IOException notLinux) {
                        // no /proc: nothing to show
                    }
                });
        return ticks;
    }

    static void printServiceThreads(Map<String, Long> before, Map<String, Long> after, double wallSeconds) {
        if (after.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("service CPU by thread (cores):");
        after.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue() - before.getOrDefault(entry.getKey(), 0L)))
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .forEach(entry -> line.append(String.format("  %s %.2f;", entry.getKey(), entry.getValue() / 100.0 / wallSeconds)));
        System.out.println(line);
    }

    /**
     * PostgreSQL's own counters for the service's database: transactions, and per table the rows
     * inserted, updated and deleted and the scans, to show what one registration costs the
     * database, the outbox relay's work included.
     */
    static Map<String, Long> databaseCounters() throws java.sql.SQLException {
        Map<String, Long> counters = new java.util.TreeMap<>();
        try (java.sql.Connection connection = database(); java.sql.Statement statement = connection.createStatement()) {
            try (java.sql.ResultSet rows = statement.executeQuery(
                    "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
                rows.next();
                counters.put(" transactions committed", rows.getLong(1));
                counters.put(" transactions rolled back", rows.getLong(2));
            }
            try (java.sql.ResultSet rows = statement.executeQuery("""
                    SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(seq_scan, 0) + coalesce(idx_scan, 0)
                    FROM pg_stat_user_tables""")) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    counters.put(table + " inserted", rows.getLong(2));
                    counters.put(table + " updated", rows.getLong(3));
                    counters.put(table + " deleted", rows.getLong(4));
                    counters.put(table + " scans", rows.getLong(5));
                }
            }
        }
        return counters;
    }

    static void printDatabaseWork(Map<String, Long> before, Map<String, Long> after, int requests) {
        StringBuilder line = new StringBuilder("PostgreSQL per request:");
        after.forEach((counter, value) -> {
            long done = value - before.getOrDefault(counter, 0L);
            if (done > 0) {
                line.append(String.format("  %s %.2f;", counter.trim(), (double) done / requests));
            }
        });
        System.out.println(line);
    }

    static java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(PlatformServers.postgres().database("bench_project"),
                cn.gov.zhaoshang.testsupport.PostgresServer.USER, cn.gov.zhaoshang.testsupport.PostgresServer.PASSWORD);
    }

    /**
     * Brings the planner's statistics up to date, as autovacuum does on its own in a running
     * service, and starts counting statements. The benchmark's database is created empty: until
     * autovacuum's first ANALYZE (about 100 s into a run here) PostgreSQL planned the duplicate
     * check for an empty table and read every project of the city (4 ms a registration, the
     * costliest statement). The measured minute is meant to show the steady state.
     */
    static void analyzeAndResetStatements() throws java.sql.SQLException {
        try (java.sql.Connection connection = database(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** PostgreSQL's costliest statements of the measured run, per request sent. */
    static void printStatements(int requests) throws java.sql.SQLException {
        try (java.sql.Connection connection = database(); java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("""
                    SELECT calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 140)
                    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                    ORDER BY total_exec_time DESC LIMIT 12""")) {
            System.out.println("PostgreSQL's costliest statements (calls and execution ms per request):");
            while (rows.next()) {
                System.out.printf("  %5.2f  %6.3f ms  %s%n", rows.getLong(1) / (double) requests, rows.getDouble(2) / requests,
                        rows.getString(3));
            }
        }
    }

    static Duration cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    static void printCpu(Map<String, Duration> before, Map<String, Duration> after, int requests, double wallSeconds) {
        StringBuilder line = new StringBuilder("CPU during the measured run (cores used, ms per request):");
        after.forEach((kind, total) -> {
            double millis = total.minus(before.getOrDefault(kind, Duration.ZERO)).toNanos() / 1e6;
            line.append(String.format("  %s %.2f cores, %.1f ms;", kind, millis / 1000 / wallSeconds, millis / requests));
        });
        System.out.println(line);
    }

    // The service's JVM and Spring arguments, plus any in SERVICE_JVM_OPTS (a profiler, for example).
    static List<String> serviceArguments() {
        List<String> arguments = new ArrayList<>(List.of("-Xmx512m", "--logging.level.root=WARN"));
        String extra = System.getenv("SERVICE_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            arguments.addAll(List.of(extra.trim().split("\\s+")));
        }
        return arguments;
    }

    record Result(long[] latenciesMicros, int errors, Map<String, Integer> failures, double wallSeconds) {

        void print(int rate, int seconds) {
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            System.out.printf("requests: %d sent, %d answered 201, %d errors %s%n", rate * seconds,
                    sorted.length - errors, errors, failures.isEmpty() ? "" : failures);
            System.out.printf("achieved rate: %.1f requests/s over %.1f s%n", sorted.length / wallSeconds, wallSeconds);
            System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                    percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 99.9),
                    sorted[sorted.length - 1] / 1000.0);
        }

        static double percentile(long[] sorted, double p) {
            int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
        }
    }

    static Result run(HttpClient http, URI uri, String token, int rate, int seconds, String prefix) throws Exception {
        int total = rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        String stamp = Long.toString(System.nanoTime(), 36);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(prefix + "-" + stamp + "-" + i))).build();
            long sent = System.nanoTime();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                latencies.add((System.nanoTime() - sent) / 1000);
                if (failure != null || response.statusCode() != 201) {
                    errors.incrementAndGet();
                    Throwable cause = failure == null ? null : failure.getCause() != null ? failure.getCause() : failure;
                    failures.add(cause != null ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                            : "HTTP " + response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length())));
                }
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> byKind = new java.util.TreeMap<>();
        failures.forEach(kind -> byKind.merge(kind, 1, Integer::sum));
        return new Result(latencies.stream().mapToLong(Long::longValue).toArray(), errors.get(), byKind, wall);
    }

    static String body(String suffix) {
        String today = LocalDate.now().toString();
        return """
                {"name": "基准测试签约项目-%s", "orgUnit": "450881", "stage": "SIGNED", "industryCode": "C3841",
                 "contractAmount": "150000000.00", "signingDate": "%s",
                 "evidence": [{"documentType": "AGREEMENT", "documentNumber": "XY-%s", "documentDate": "%s"}]}"""
                .formatted(suffix, today, suffix, today);
    }
}
