package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guangxi demo data, loaded once through the public API with the demo users' tokens, exactly as a
 * bureau would enter it. It grows with the services: the org tree's parks, targets, resident teams,
 * enterprises with their list memberships, the teams' dockings and visits, and the project library
 * with stage histories and funds in place.
 */
final class DemoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> GUIGANG_COUNTIES = List.of("450802", "450803", "450804", "450821", "450881");
    /** Enough to keep the services busy on a small machine without queueing in the gateway. */
    private static final int PARALLEL_LOADERS = 6;
    /** 覃塘区: the county whose leader, the demo user qt-leader, closes a month. */
    private static final String CLOSING_COUNTY = "450804";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final KeycloakServer keycloak;
    private final String gatewayUrl;
    private final LocalSecrets secrets;
    private final String kafkaBootstrapServers;

    DemoData(KeycloakServer keycloak, String gatewayUrl, LocalSecrets secrets, String kafkaBootstrapServers) {
        this.keycloak = keycloak;
        this.gatewayUrl = gatewayUrl;
        this.secrets = secrets;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
    }

    /** @return what was loaded now, for the launcher to print (empty when an earlier start loaded it) */
    List<String> loadOnce(Path home) throws IOException, InterruptedException {
        Path marker = home.resolve("demo-data.loaded");
        if (Files.exists(marker)) {
            return List.of();
        }
        long start = System.nanoTime();
        String regionAdmin = passwordGrant("gx-admin");
        String guigangOfficer = passwordGrant("gg-officer");
        String regionOfficer = passwordGrant("gx-officer");
        // the project library (project-service) needs nothing from the org units, targets,
        // enterprises and engagements (targets- and enterprise-service), whose calls go one after
        // the other: both are loaded at the same time
        ProjectsLoaded projects;
        int parks;
        int targets;
        int teams;
        List<String> enterprises;
        int engagements;
        try (ExecutorService library = Executors.newSingleThreadExecutor()) {
            Future<ProjectsLoaded> loadingProjects = library.submit(() -> {
                ProjectsLoaded loaded = loadProjects(guigangOfficer, regionOfficer);
                progress(start, "project library loaded");
                return loaded;
            });
            parks = loadParks(regionAdmin);
            targets = loadTargets(regionAdmin, guigangOfficer);
            teams = loadResidentTeams(guigangOfficer);
            enterprises = loadEnterprises(regionAdmin);
            engagements = loadEngagements(guigangOfficer, enterprises);
            progress(start, "parks, targets, teams, enterprises and engagements loaded");
            projects = loadingProjects.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof LauncherException refused) {
                throw refused;
            }
            throw new IOException("loading demo projects failed", failed.getCause());
        }
        String closedMonth = closeOneMonth();
        progress(start, "reporting caught up, month closed");
        List<String> loaded = List.of(parks + " industrial parks", targets + " units' 2026 targets",
                teams + " resident teams of Guigang", enterprises.size() + " enterprises on "
                        + DemoEnterprises.editions().size() + " list editions",
                engagements + " dockings and visits by Guigang's teams", projects.toString(), closedMonth);
        Files.writeString(marker, String.join("\n", loaded) + "\n");
        return loaded;
    }

    private static void progress(long start, String what) {
        System.out.printf("        demo data: %s after %d s%n", what, Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }

    private int loadParks(String adminToken) throws IOException, InterruptedException {
        List<Map<String, String>> parks = List.of(
                Map.of("parentCode", "450881", "nameZh", "桂平市长安工业园区", "nameEn", "Guiping Chang'an Industrial Park"),
                Map.of("parentCode", "450802", "nameZh", "港北区贵港产业园", "nameEn", "Gangbei Guigang Industrial Park"),
                Map.of("parentCode", "450800", "nameZh", "中国—东盟（贵港）新能源电动车产业园", "nameEn", "China–ASEAN (Guigang) New-Energy Vehicle Park"));
        for (Map<String, String> park : parks) {
            post(adminToken, "/api/org-units", park);
        }
        return parks.size();
    }

    /** 贵港's 2026 targets (seed 002: 750亿, funds 520亿, teams 350亿, manufacturing share 45%) and its counties'. */
    private int loadTargets(String regionAdminToken, String guigangTargetAdminToken) throws IOException, InterruptedException {
        post(regionAdminToken, "/api/targets", Map.of("orgUnit", "450800", "year", 2026, "figures", Map.of(
                "CONTRACT_INVESTMENT", "75000000000.00", "FUNDS_IN_PLACE", "52000000000.00", "SIGNED_COUNT", "300",
                "MANUFACTURING_SHARE", "45", "RESIDENT_TEAM_CONTRACT", "35000000000.00")));
        for (String county : GUIGANG_COUNTIES) {
            post(guigangTargetAdminToken, "/api/targets", Map.of("orgUnit", county, "year", 2026, "figures", Map.of(
                    "CONTRACT_INVESTMENT", "14000000000.00", "FUNDS_IN_PLACE", "10000000000.00", "SIGNED_COUNT", "60",
                    "LIBRARY_INTAKE", "30")));
        }
        return 1 + GUIGANG_COUNTIES.size();
    }

    /** 贵港 has 7 teams of 39 people (seed 002). */
    private int loadResidentTeams(String officerToken) throws IOException, InterruptedException {
        String[][] teams = {
                {"驻粤港澳大湾区招商工作队（深圳）", "GBA", "6"}, {"驻粤港澳大湾区招商工作队（广州）", "GBA", "6"},
                {"驻粤港澳大湾区招商工作队（东莞）", "GBA", "6"}, {"驻长三角招商工作队（上海）", "YRD", "6"},
                {"驻长三角招商工作队（杭州）", "YRD", "5"}, {"驻京津冀招商工作队（北京）", "BTH", "5"},
                {"驻成渝招商工作队（成都）", "OTHER_DOMESTIC", "5"}};
        for (String[] team : teams) {
            post(officerToken, "/api/resident-teams", Map.of("orgUnit", "450800", "name", "贵港市" + team[0],
                    "keyArea", team[1], "memberCount", Integer.parseInt(team[2]), "activeFrom", "2026-01-01"));
        }
        return teams.length;
    }

    /** @return the ids of the registered enterprises, in demo order */
    private List<String> loadEnterprises(String adminToken) throws IOException, InterruptedException {
        List<Callable<String>> registrations = new java.util.ArrayList<>();
        for (int n = 0; n < 60; n++) {
            int number = n;
            registrations.add(() -> JSON.readTree(post(adminToken, "/api/enterprises", DemoEnterprises.registration(number)))
                    .get("enterprise").get("id").asString());
        }
        List<String> ids = inParallel(registrations);
        for (DemoEnterprises.Edition edition : DemoEnterprises.editions()) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("enterpriseClass", edition.enterpriseClass());
            request.put("edition", edition.edition());
            request.put("publishedOn", edition.publishedOn());
            if (edition.validYears() != null) {
                request.put("validYears", edition.validYears());
            }
            String editionId = JSON.readTree(post(adminToken, "/api/list-editions", request)).get("id").asString();
            List<Callable<String>> members = new java.util.ArrayList<>();
            int rank = 1;
            for (int member : edition.members()) {
                Map<String, Object> membership = Map.of("enterpriseId", ids.get(member), "rank", rank++);
                members.add(() -> post(adminToken, "/api/list-editions/" + editionId + "/members", membership));
            }
            inParallel(members);
        }
        return ids;
    }

    /** The resident-team funnel: dockings with 40 enterprises, 18 of which came to visit, 6 with an intent. */
    private int loadEngagements(String officerToken, List<String> enterpriseIds) throws IOException, InterruptedException {
        String[] teams = {"贵港市驻粤港澳大湾区招商工作队（深圳）", "贵港市驻长三角招商工作队（上海）", "贵港市驻京津冀招商工作队（北京）"};
        List<Callable<String>> engagements = new java.util.ArrayList<>();
        for (int n = 0; n < 40; n++) {
            LocalDate docked = LocalDate.of(2026, 1 + n % 10, 3 + n % 20);
            Map<String, Object> docking = Map.of("kind", "DOCKING", "orgUnit", "450800", "team", teams[n % teams.length],
                    "occurredOn", docked.toString(), "enterpriseIds", List.of(enterpriseIds.get(n)), "outcome", "FOLLOW_UP");
            engagements.add(() -> post(officerToken, "/api/engagements", docking));
            if (n % 20 < 9) {
                Map<String, Object> visit = new LinkedHashMap<>(Map.of("kind", "VISIT", "orgUnit", "450800",
                        "team", teams[n % teams.length], "occurredOn", docked.plusDays(5).toString(),
                        "enterpriseIds", List.of(enterpriseIds.get(n)), "outcome", n % 3 == 0 ? "INTENT" : "FOLLOW_UP"));
                if (n % 3 == 0) {
                    visit.put("intentAmount", (500_000_000L + n * 10_000_000L) + ".00");
                    visit.put("intentIndustryCode", "C3841");
                }
                engagements.add(() -> post(officerToken, "/api/engagements", visit));
            }
        }
        return inParallel(engagements).size();
    }

    /** Independent calls, a few at a time; the results in the order of the calls. */
    private static <T> List<T> inParallel(List<Callable<T>> calls) throws IOException, InterruptedException {
        List<T> results = new java.util.ArrayList<>();
        try (ExecutorService loaders = Executors.newFixedThreadPool(PARALLEL_LOADERS)) {
            for (Future<T> done : loaders.invokeAll(calls)) {
                results.add(done.get());
            }
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof LauncherException refused) {
                throw refused;
            }
            throw new IOException("loading demo data failed", failed.getCause());
        }
        return results;
    }

    /**
     * The project library ({@link DemoProjects}): each project's registration, stage moves and funds
     * in order, several projects at a time, as several officers would enter them. The region's
     * officer enters the other cities' projects.
     */
    private ProjectsLoaded loadProjects(String guigangOfficer, String regionOfficer) throws IOException, InterruptedException {
        List<DemoProjects.Plan> plans = DemoProjects.plans(LocalDate.now());
        List<Callable<int[]>> tasks = plans.stream().<Callable<int[]>>map(plan -> () -> {
            String token = plan.owner() == DemoProjects.Owner.GUIGANG ? guigangOfficer : regionOfficer;
            String id = JSON.readTree(post(token, "/api/projects", plan.registration())).get("id").asString();
            for (Map<String, Object> move : plan.moves()) {
                post(token, "/api/projects/" + id + "/stage-moves", move);
            }
            for (Map<String, Object> funds : plan.funds()) {
                post(token, "/api/projects/" + id + "/funds", funds);
            }
            return new int[] {plan.moves().size(), plan.funds().size()};
        }).toList();
        int moves = 0;
        int funds = 0;
        try (ExecutorService loaders = Executors.newFixedThreadPool(PARALLEL_LOADERS)) {
            for (Future<int[]> done : loaders.invokeAll(tasks)) {
                int[] counts = done.get();
                moves += counts[0];
                funds += counts[1];
            }
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof LauncherException refused) {
                throw refused;
            }
            throw new IOException("loading demo projects failed", failed.getCause());
        }
        long guigang = plans.stream().filter(plan -> plan.owner() == DemoProjects.Owner.GUIGANG).count();
        return new ProjectsLoaded(plans.size(), guigang, moves, funds);
    }

    /**
     * One closed month (月报关账): 覃塘's leader closes last month, once reporting has read every
     * project event. 覃塘 has no parks, so it closes first in the bottom-up order; Guigang's close
     * status then shows it closed and the other counties still open. Closed after the 5th, the
     * deadline of the default definition, it is flagged late.
     */
    private String closeOneMonth() throws IOException, InterruptedException {
        ReportingCatchUp.await(kafkaBootstrapServers, Duration.ofMinutes(2));
        YearMonth lastMonth = YearMonth.now(CHINA).minusMonths(1);
        JsonNode close = JSON.readTree(post(passwordGrant("qt-leader"), "/api/reports/units/" + CLOSING_COUNTY + "/closes",
                Map.of("month", lastMonth.toString())));
        return "覃塘 (" + CLOSING_COUNTY + ") closed " + lastMonth + (close.path("late").asBoolean() ? " (late)" : "");
    }

    private record ProjectsLoaded(int projects, long inGuigang, int moves, int funds) {
        @Override
        public String toString() {
            return projects + " projects (" + inGuigang + " in Guigang) at every stage with " + moves + " stage moves and "
                    + funds + " monthly funds reports";
        }
    }

    /** @return the response body */
    private String post(String token, String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        // the loaders together may outrun a demo user's rate limit at the gateway (50/s): wait as told
        for (int retry = 0; response.statusCode() == 429 && retry < 20; retry++) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Duration.ofSeconds(Math.clamp(seconds, 1, 10)));
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() / 100 != 2) {
            throw new LauncherException("loading demo data failed: POST " + path + " answered " + response.statusCode()
                    + " " + response.body());
        }
        return response.body();
    }

    String passwordGrant(String username) throws IOException, InterruptedException {
        String form = "client_id=zhaoshang-cli&grant_type=password&username=" + username
                + "&password=" + URLEncoder.encode(secrets.demoPassword(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new LauncherException("Keycloak refused the demo user " + username + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }
}
